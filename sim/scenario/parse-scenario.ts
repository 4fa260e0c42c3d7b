// Reads a scenario file (YAML) into a Scenario, with every error at line:column (SCENARIOS.md §1-§4).
// Unknown keys, bad expressions, unknown tasks and ids are input errors (exit status 2), all reported.
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node, type Pair, type YAMLMap } from 'yaml';
import { CPU_MODEL_NAMES, type CpuModelName, type KernelPolicy } from '../hwbp/cpu-model';
import { exprFromNumber, parseExpr } from './expression';
import { REG_NAMES } from '../machine/registers-by-name';
import { OPERATIONS, type ArgSpec } from './operations';
import type {
  ArgValue,
  Expectation,
  Expr,
  Pos,
  Scenario,
  ScenarioError,
  ScenarioMachine,
  ScenarioTask,
  Step,
} from './scenario-types';

const STOP_EVENTS = ['stopped', 'exited', 'killed', 'limit', 'livelock', 'deadlock'];

class Reader {
  readonly errors: ScenarioError[] = [];
  constructor(
    readonly file: string,
    readonly lc: LineCounter,
    readonly text = '',
  ) {}
  source(n: Node): string {
    const r = n.range;
    return r ? this.text.slice(r[0], r[1]).trim() : String(n);
  }
  pos(n: Node | null | undefined): Pos {
    const off = n?.range?.[0] ?? 0;
    const p = this.lc.linePos(off);
    return { line: p.line, col: p.col };
  }
  err(n: Node | null | undefined | Pos, message: string): void {
    const pos = n && 'line' in n && 'col' in n && !('range' in n) ? (n as Pos) : this.pos(n as Node);
    this.errors.push({ file: this.file, pos, message });
  }
}

function keyName(p: Pair): string {
  return isScalar(p.key) ? String(p.key.value) : String(p.key);
}

/** Checks that a map has only the allowed keys; reports the unknown ones with a hint. */
function checkKeys(r: Reader, map: YAMLMap, allowed: readonly string[], where: string): void {
  for (const p of map.items) {
    const k = keyName(p);
    if (!allowed.includes(k)) r.err(p.key as Node, `unknown key "${k}" in ${where} (allowed: ${allowed.join(', ')})`);
  }
}

function scalarText(n: Node): string | undefined {
  if (!isScalar(n)) return undefined;
  const v = n.value;
  if (typeof v === 'number' || typeof v === 'bigint') return n.source ?? String(v);
  if (typeof v === 'string') return v;
  return undefined;
}

function readExpr(r: Reader, n: Node | null | undefined, what: string): Expr | undefined {
  if (!n || !isScalar(n)) {
    r.err(n, `${what}: expected an expression (a number, a symbol, or a sum/difference of those)`);
    return undefined;
  }
  const pos = r.pos(n);
  if (typeof n.value === 'number') {
    if (!Number.isInteger(n.value)) {
      r.err(n, `${what}: expected an integer, got ${n.value}`);
      return undefined;
    }
    // keep precision for large hex literals: re-read from the source text when there is one
    const src = n.source;
    const m = src ? /^([-+]?)(0x[0-9a-f]+|[0-9]+)$/i.exec(src) : null;
    if (m) return exprFromNumber(m[1] === '-' ? -BigInt(m[2]) : BigInt(m[2]), pos);
    return exprFromNumber(BigInt(n.value), pos);
  }
  if (typeof n.value !== 'string') {
    r.err(n, `${what}: expected an expression, got ${JSON.stringify(n.value)}`);
    return undefined;
  }
  const quoted = n.type === 'QUOTE_DOUBLE' || n.type === 'QUOTE_SINGLE';
  const e = parseExpr(n.value, quoted ? { line: pos.line, col: pos.col + 1 } : pos);
  if ('error' in e) {
    r.err(e.pos, `${what}: ${e.error}`);
    return undefined;
  }
  return e;
}

function readInt(r: Reader, n: Node | null | undefined, what: string): number | undefined {
  if (n && isScalar(n) && typeof n.value === 'number' && Number.isInteger(n.value)) return n.value;
  r.err(n, `${what}: expected an integer`);
  return undefined;
}

function readBool(r: Reader, n: Node | null | undefined, what: string): boolean | undefined {
  if (n && isScalar(n) && typeof n.value === 'boolean') return n.value;
  r.err(n, `${what}: expected true or false`);
  return undefined;
}

function readName(r: Reader, n: Node | null | undefined, what: string): string | undefined {
  const t = n ? scalarText(n) : undefined;
  if (t === undefined || t === '') {
    r.err(n, `${what}: expected a name`);
    return undefined;
  }
  return t;
}

function readMachine(r: Reader, n: Node | null | undefined): ScenarioMachine {
  const m: ScenarioMachine = { cpu: 'power10', cpus: 1, kernel: '6.6', dawrForceEnable: false, cwd: '/' };
  if (n === undefined || n === null) return m;
  if (!isMap(n)) {
    r.err(n, 'machine: expected a map');
    return m;
  }
  checkKeys(r, n, ['cpu', 'cpus', 'kernel', 'dawr_force_enable', 'cwd'], 'machine');
  for (const p of n.items) {
    const k = keyName(p);
    const v = p.value as Node;
    if (k === 'cpu') {
      const s = readName(r, v, 'machine.cpu');
      if (s !== undefined) {
        if ((CPU_MODEL_NAMES as readonly string[]).includes(s)) m.cpu = s as CpuModelName;
        else r.err(v, `machine.cpu: unknown CPU model "${s}" (one of ${CPU_MODEL_NAMES.join(', ')})`);
      }
    } else if (k === 'cpus') {
      const c = readInt(r, v, 'machine.cpus');
      if (c !== undefined) {
        if (c < 1 || c > 64) r.err(v, 'machine.cpus: must be between 1 and 64');
        else m.cpus = c;
      }
    } else if (k === 'kernel') {
      const s = v && isScalar(v) ? String(v.value) : undefined;
      if (s === '6.6' || s === '6.5') m.kernel = s as KernelPolicy;
      else r.err(v, `machine.kernel: expected "6.5" or "6.6"`);
    } else if (k === 'dawr_force_enable') {
      const b = readBool(r, v, 'machine.dawr_force_enable');
      if (b !== undefined) m.dawrForceEnable = b;
    } else if (k === 'cwd') {
      const s = readName(r, v, 'machine.cwd');
      if (s !== undefined) {
        if (!s.startsWith('/')) r.err(v, 'machine.cwd: must be an absolute path');
        else m.cwd = s;
      }
    }
  }
  return m;
}

function readTasks(r: Reader, n: Node | null | undefined, cpus: number): ScenarioTask[] {
  const tasks: ScenarioTask[] = [];
  if (!n || !isSeq(n)) {
    r.err(n, 'tasks: expected a list of tasks');
    return tasks;
  }
  for (const item of n.items as Node[]) {
    if (!isMap(item)) {
      r.err(item, 'tasks: each task is a map with name and program');
      continue;
    }
    checkKeys(r, item, ['name', 'program', 'args', 'entry', 'regs', 'cpu', 'traced', 'stdin'], 'task');
    const t: ScenarioTask = { name: '', program: '', args: [], regs: [], traced: true, pos: r.pos(item) };
    const name = item.get('name', true) as Node | undefined;
    const program = item.get('program', true) as Node | undefined;
    if (!name) r.err(item, 'task: missing "name"');
    else t.name = readName(r, name, 'task.name') ?? '';
    if (!program) r.err(item, `task "${t.name}": missing "program"`);
    else t.program = readName(r, program, 'task.program') ?? '';
    if (t.name && tasks.some((o) => o.name === t.name)) r.err(name, `task "${t.name}" is defined twice`);
    const args = item.get('args', true) as Node | undefined;
    if (args) {
      if (!isSeq(args)) r.err(args, 'task.args: expected a list of strings (argv[1..])');
      else
        for (const a of args.items as Node[]) {
          const v = isScalar(a) ? a.value : undefined;
          if (typeof v === 'string') t.args.push(v);
          else if (isScalar(a) && (typeof v === 'number' || typeof v === 'bigint' || typeof v === 'boolean'))
            t.args.push(a.source ?? String(v));
          else r.err(a, 'task.args: each argument is a string');
        }
    }
    const entry = item.get('entry', true) as Node | undefined;
    if (entry) t.entry = readExpr(r, entry, 'task.entry');
    const regs = item.get('regs', true) as Node | undefined;
    if (regs) {
      if (!isMap(regs)) r.err(regs, 'task.regs: expected a map of register: value');
      else
        for (const p of regs.items) {
          const reg = keyName(p);
          if (!REG_NAMES.includes(reg))
            r.err(p.key as Node, `task.regs: unknown register "${reg}" (r0..r31, pc, lr, ctr, cr, xer, msr)`);
          const e = readExpr(r, p.value as Node, `task.regs.${reg}`);
          if (e) t.regs.push({ reg, value: e, pos: r.pos(p.key as Node) });
        }
    }
    const cpu = item.get('cpu', true) as Node | undefined;
    if (cpu) {
      const c = readInt(r, cpu, 'task.cpu');
      if (c !== undefined) {
        if (c < 0 || c >= cpus) r.err(cpu, `task.cpu: CPU ${c} does not exist (the machine has ${cpus})`);
        else t.cpu = c;
      }
    }
    const traced = item.get('traced', true) as Node | undefined;
    if (traced) t.traced = readBool(r, traced, 'task.traced') ?? true;
    const stdin = item.get('stdin', true) as Node | undefined;
    if (stdin) t.stdin = readName(r, stdin, 'task.stdin');
    tasks.push(t);
  }
  return tasks;
}

function readExpectation(r: Reader, n: Node): Expectation | undefined {
  const pos = r.pos(n);
  if (isScalar(n)) {
    if (typeof n.value === 'number' || typeof n.value === 'bigint') {
      const e = readExpr(r, n, 'expect');
      if (!e || e.terms.length !== 1 || e.terms[0].kind !== 'num') return undefined;
      return { kind: 'number', value: e.terms[0].value, pos };
    }
    if (typeof n.value === 'string') {
      const s = n.value;
      if (s === 'ok' || /^E[A-Z0-9]+$/.test(s) || STOP_EVENTS.includes(s)) return { kind: 'status', status: s, pos };
      // an expression that evaluates to a number
      const e = readExpr(r, n, 'expect');
      if (!e) return undefined;
      return { kind: 'range', lo: e, hi: e, pos };
    }
    r.err(n, 'expect: expected ok, an errno name, a number, a map or [lo, hi]');
    return undefined;
  }
  if (isSeq(n)) {
    if (n.items.length !== 2) {
      r.err(n, 'expect: a range is a two-element list [lo, hi]');
      return undefined;
    }
    const lo = readExpr(r, n.items[0] as Node, 'expect range low');
    const hi = readExpr(r, n.items[1] as Node, 'expect range high');
    if (!lo || !hi) return undefined;
    return { kind: 'range', lo, hi, pos };
  }
  if (isMap(n)) {
    const fields: Extract<Expectation, { kind: 'map' }>['fields'] = [];
    const allowed = [
      'event',
      'signal',
      'si_code',
      'si_addr',
      'pc',
      'exit_code',
      'status',
      'value',
      'count',
      'fd',
      'handle',
      'num_data_bps',
      'num_instruction_bps',
      'data_bp_alignment',
      'features',
      'num_condition_regs',
      'sizeof_condition',
      'version',
    ];
    checkKeys(r, n, allowed, 'expect');
    for (const p of n.items) {
      const k = keyName(p);
      const v = p.value as Node;
      if (k === 'event' || k === 'signal' || k === 'si_code' || k === 'status') {
        const s = readName(r, v, `expect.${k}`);
        if (s !== undefined) fields.push({ key: k, value: { kind: 'name', name: s, pos: r.pos(v) } });
      } else if (isSeq(v)) {
        const sub = readExpectation(r, v);
        if (sub) fields.push({ key: k, value: sub });
      } else {
        const e = readExpr(r, v, `expect.${k}`);
        if (e) fields.push({ key: k, value: { kind: 'expr', expr: e } });
      }
    }
    return { kind: 'map', fields, pos };
  }
  r.err(n, 'expect: expected ok, an errno name, a number, a map or [lo, hi]');
  return undefined;
}

function readArg(r: Reader, spec: ArgSpec, n: Node, what: string): ArgValue | undefined {
  const pos = r.pos(n);
  const k = spec.kind;
  if (k === 'expr') {
    const e = readExpr(r, n, what);
    return e ? { kind: 'expr', expr: e } : undefined;
  }
  if (k === 'int') {
    const v = readInt(r, n, what);
    return v === undefined ? undefined : { kind: 'int', value: v, pos };
  }
  if (k === 'bool') {
    const v = readBool(r, n, what);
    return v === undefined ? undefined : { kind: 'bool', value: v, pos };
  }
  if (k === 'handle') {
    if (isScalar(n) && typeof n.value === 'number') return { kind: 'int', value: n.value, pos };
    const s = readName(r, n, what);
    return s === undefined ? undefined : { kind: 'name', name: s, pos };
  }
  if (typeof k === 'object') {
    const s = readName(r, n, what);
    if (s === undefined) return undefined;
    if (!k.enum.includes(s)) {
      r.err(n, `${what}: "${s}" is not one of ${k.enum.join(', ')}`);
      return undefined;
    }
    return { kind: 'name', name: s, pos };
  }
  const s = readName(r, n, what);
  return s === undefined ? undefined : { kind: 'name', name: s, pos };
}

/**
 * A process forked by a task is named after its parent and its pid (`main-101`, and `main-101-102`
 * for what that one forks): a step may name one; whether it exists is known when the step runs.
 */
export function forkedName(name: string, taskNames: Set<string>): boolean {
  const m = /^(.+)-\d+$/.exec(name);
  return m !== null && (taskNames.has(m[1]) || forkedName(m[1], taskNames));
}

function readSteps(r: Reader, n: Node | null | undefined, taskNames: Set<string>): Step[] {
  const steps: Step[] = [];
  if (n === undefined || n === null) return steps;
  if (!isSeq(n)) {
    r.err(n, 'steps: expected a list of steps');
    return steps;
  }
  const ids = new Set<string>();
  for (const item of n.items as Node[]) {
    if (!isMap(item)) {
      r.err(item, 'step: expected a map with one operation (and an optional expect)');
      continue;
    }
    const opPairs = item.items.filter((p) => keyName(p) !== 'expect');
    const expectNode = item.get('expect', true) as Node | undefined;
    if (opPairs.length === 0) {
      r.err(item, 'step: no operation (one of ' + Object.keys(OPERATIONS).join(', ') + ')');
      continue;
    }
    let bad = false;
    for (const extra of opPairs.slice(1)) {
      const k = keyName(extra);
      r.err(
        extra.key as Node,
        OPERATIONS[k]
          ? `step: more than one operation ("${keyName(opPairs[0])}" and "${k}"): one per step`
          : `unknown key "${k}" in step (an operation or "expect")`,
      );
      bad = true;
    }
    const opPair = opPairs[0];
    const op = keyName(opPair);
    const spec = OPERATIONS[op];
    if (!spec) {
      r.err(opPair.key as Node, `unknown operation "${op}" (one of ${Object.keys(OPERATIONS).join(', ')})`);
      continue;
    }
    const step: Step = { index: steps.length, op, args: new Map(), pos: r.pos(opPair.key as Node) };
    const v = opPair.value as Node;
    if (v && isMap(v)) {
      checkKeys(r, v, Object.keys(spec.args), op);
      for (const p of v.items) {
        const k = keyName(p);
        const aspec = spec.args[k];
        if (!aspec) continue;
        const a = readArg(r, aspec, p.value as Node, `${op}.${k}`);
        if (a) step.args.set(k, a);
      }
    } else if (v && isScalar(v) && spec.scalar) {
      const a = readArg(r, spec.args[spec.scalar], v, `${op}`);
      if (a) step.args.set(spec.scalar, a);
    } else {
      r.err(
        v ?? opPair.key,
        spec.scalar
          ? `${op}: expected a ${spec.scalar} name or a map of arguments`
          : `${op}: expected a map of arguments (${Object.keys(spec.args).join(', ')})`,
      );
      continue;
    }
    const present = (k: string): boolean => (isMap(v) ? v.has(k) : spec.scalar === k);
    for (const [k, a] of Object.entries(spec.args)) {
      if (a.required && !present(k)) r.err(v, `${op}: missing "${k}"`);
    }
    // names must refer to known tasks and earlier ids
    for (const [k, a] of step.args) {
      const aspec = spec.args[k];
      if (a.kind !== 'name') continue;
      if (aspec.kind === 'task' && !taskNames.has(a.name) && !forkedName(a.name, taskNames))
        r.err(
          a.pos,
          `unknown task "${a.name}" (tasks: ${[...taskNames].join(', ') || 'none'}); a process ` +
            `one of them forks is named after it: NAME-PID`,
        );
      if ((aspec.kind === 'ref' || aspec.kind === 'handle') && !ids.has(a.name))
        r.err(a.pos, `unknown id "${a.name}": no earlier step binds it`);
    }
    const id = step.args.get('id');
    if (id && id.kind === 'name' && spec.args.id?.kind === 'id') {
      if (ids.has(id.name)) r.err(id.pos, `id "${id.name}" is already bound by an earlier step`);
      ids.add(id.name);
    }
    if (expectNode) {
      step.expect = readExpectation(r, expectNode);
      step.expectText = r.source(expectNode);
    }
    if (!bad) steps.push(step);
  }
  return steps;
}

/** How deeply collections may nest in a scenario file ([ { and block levels together). */
export const MAX_NESTING = 64;

/**
 * Where the nesting of collections first goes deeper than MAX_NESTING, by a scan of the text: flow
 * brackets outside quotes and comments, block levels by indentation and by `- `/`? `/`: `
 * indicators opening a nested collection on the same line. An over-estimate at worst (a block
 * scalar's text is not told apart), never a parse.
 */
function tooDeep(text: string): Pos | undefined {
  const indents: number[] = [];
  let flow = 0;
  let quote: '"' | "'" | '' = '';
  let line = 0;
  for (const raw of text.split('\n')) {
    line++;
    let i = 0;
    if (flow === 0 && quote === '') {
      while (i < raw.length && raw[i] === ' ') i++;
      if (i === raw.length || raw[i] === '#' || raw[i] === '\r') continue;
      while (indents.length > 0 && indents[indents.length - 1] >= i) indents.pop();
      indents.push(i);
      // `- - - x` and `? ` nest collections on one line
      let compact = 0;
      while (i + 1 < raw.length && (raw[i] === '-' || raw[i] === '?') && raw[i + 1] === ' ') {
        compact++;
        i += 2;
        while (i < raw.length && raw[i] === ' ') i++;
      }
      if (indents.length + compact > MAX_NESTING) return { line, col: i + 1 };
    }
    for (; i < raw.length; i++) {
      const c = raw[i];
      if (quote) {
        if (c === '\\' && quote === '"') i++;
        else if (c === quote) quote = '';
        continue;
      }
      if (c === '"' || c === "'") quote = c;
      else if (c === '#' && (i === 0 || raw[i - 1] === ' ')) break;
      else if (c === '[' || c === '{') {
        flow++;
        if (indents.length + flow > MAX_NESTING) return { line, col: i + 1 };
      } else if ((c === ']' || c === '}') && flow > 0) flow--;
    }
  }
  return undefined;
}

export function parseScenario(
  text: string,
  file: string,
): { ok: true; scenario: Scenario } | { ok: false; errors: ScenarioError[] } {
  const lc = new LineCounter();
  const r = new Reader(file, lc, text);
  // Collections nested thousands deep exhaust the YAML reader's stack: refused before reading.
  const deep = tooDeep(text);
  if (deep)
    return {
      ok: false,
      errors: [
        {
          file,
          pos: deep,
          message: `YAML: collections nested more than ${MAX_NESTING} deep (a scenario needs a few ` + `levels)`,
        },
      ],
    };
  let doc;
  try {
    doc = parseDocument(text, { lineCounter: lc, intAsBigInt: false, uniqueKeys: true, prettyErrors: false });
  } catch (e) {
    if (!(e instanceof RangeError)) throw e;
    return {
      ok: false,
      errors: [{ file, pos: { line: 1, col: 1 }, message: 'YAML: the file nests too deeply to be read' }],
    };
  }
  for (const e of doc.errors) {
    const p = lc.linePos(e.pos[0]);
    // (the reader's own stack overflow, on a nesting the scan above did not see: said in words)
    const message = /call stack/i.test(e.message) ? 'the file nests too deeply to be read' : e.message.split('\n')[0];
    r.errors.push({ file, pos: { line: p.line, col: p.col }, message: `YAML: ${message}` });
  }
  if (r.errors.length > 0) return { ok: false, errors: r.errors };
  const root = doc.contents as Node | null;
  if (!root || !isMap(root)) {
    return {
      ok: false,
      errors: [{ file, pos: { line: 1, col: 1 }, message: 'a scenario is a map with machine, tasks and steps' }],
    };
  }
  checkKeys(r, root, ['machine', 'tasks', 'steps'], 'the scenario');
  const machine = readMachine(r, root.get('machine', true) as Node | undefined);
  const tasks = readTasks(r, root.get('tasks', true) as Node | undefined, machine.cpus);
  const steps = readSteps(r, root.get('steps', true) as Node | undefined, new Set(tasks.map((t) => t.name)));
  if (r.errors.length > 0) return { ok: false, errors: r.errors };
  return { ok: true, scenario: { file, machine, tasks, steps } };
}
