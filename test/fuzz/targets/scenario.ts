// Fuzz target: scenario files. The examples mutated at the text level (deletions, duplicated and
// swapped lines, odd characters, values replaced by hostile ones, deep nesting), and scenarios made
// from scratch: random machines, tasks running random small programs (loads, stores of every width,
// unaligned, VSX, larx/stcx, dcbz and other cache ops, system calls, loops, traps), and random steps
// (perf_open, sethwdebug with any addr2, set_debugreg, cont, singlestep, setpc, peek, poke...).
// Each is parsed, run with a small step limit, and reported in both output modes (and compared under
// 6.5 and 6.6 now and then): the run must end, and every error and stop message must be a sentence.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { parseScenario } from '../../../sim/scenario/parse-scenario';
import { writeJsonReport, writeText } from '../../../sim/scenario/report';
import { compareScenario } from '../../../sim/scenario/compare';
import { runScenario, type ProgramContents } from '../../../sim/scenario/scenario-runner';
import { formatScenarioError } from '../../../sim/scenario/scenario-types';
import { internal, type Finding, type FuzzTarget } from '../harness';
import { hostileNumber } from './asm';

const EXAMPLES = join(__dirname, '..', '..', '..', 'examples');
let YAMLS: string[] | undefined;
const files = new Map<string, string>();

function examples(): string[] {
  return (YAMLS ??= readdirSync(EXAMPLES)
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((f) => readFileSync(join(EXAMPLES, f), 'utf8')));
}

function readExample(path: string): ProgramContents | undefined {
  if (files.has(path)) return files.get(path);
  if (!/^[\w.-]+$/.test(path)) return undefined;
  try {
    const t = readFileSync(join(EXAMPLES, path), 'utf8');
    files.set(path, t);
    return t;
  } catch {
    return undefined;
  }
}

// ---- scenarios made from scratch -------------------------------------------------------------

/** offsets into buf that programs and watchpoints share (around 0, a cache line, 512 bytes) */
const near = fc.oneof(
  fc.integer({ min: -8, max: 40 }),
  fc.integer({ min: 112, max: 144 }),
  fc.integer({ min: 496, max: 528 }),
);

// each with r7 = buf + OFF (any offset: unaligned, across 512-byte and cache-line boundaries)
const MEM_OPS = [
  'lbz 6,0(7)',
  'lhz 6,0(7)',
  'lwz 6,0(7)',
  'ld 6,0(7)',
  'lwa 6,0(7)',
  'stb 5,0(7)',
  'sth 5,0(7)',
  'stw 5,0(7)',
  'std 5,0(7)',
  'ldu 6,0(7)',
  'stdu 5,0(7)',
  'lxvd2x 0,0,7',
  'stxvd2x 0,0,7',
  'lxvx 0,0,7',
  'stxvx 0,0,7',
  'ldbrx 6,0,7',
  'sthbrx 5,0,7',
  'dcbz 0,7',
  'dcbf 0,7',
  'dcbst 0,7',
  'icbi 0,7',
  'dcbt 0,7',
  'rldicr 7,7,0,60\n\tlwarx 6,0,7\n\tstwcx. 6,0,7',
  'rldicr 7,7,0,60\n\tldarx 6,0,7\n\tstdcx. 6,0,7',
  'stdcx. 5,0,7',
  'li 0,3\n\tli 3,0\n\tmr 4,7\n\tli 5,16\n\tsc',
  'li 0,4\n\tli 3,1\n\tmr 4,7\n\tli 5,9\n\tsc',
  'li 0,182\n\tmr 3,7\n\tli 4,64\n\tsc',
  'li 0,158\n\tsc',
  'trap',
  'nop',
].map((op) => `addi 7,9,OFF\n\t${op}`);

const sameOps = ['trap', 'nop', 'li 0,158\n\tsc'];
const programArb = fc.record({
  ops: fc.array(
    fc.tuple(
      fc.constantFrom(...MEM_OPS.filter((o) => !sameOps.some((x) => o.endsWith(x))), ...MEM_OPS),
      fc.oneof(near, fc.integer({ min: -8, max: 600 })),
    ),
    { minLength: 1, maxLength: 8 },
  ),
  loops: fc.integer({ min: 0, max: 2000 }),
  exit: fc.constantFrom('trap', 'li 0,1\n\tli 3,7\n\tsc', 'b 1b', 'blr', '.long 0'),
});

function programText(p: { ops: Array<[string, number]>; loops: number; exit: string }): string {
  const body = p.ops.map(([op, off]) => `\t${op.replace(/OFF/g, String(off))}`).join('\n');
  return (
    `\t.abiversion 2\n\t.text\n\t.globl _start\n_start:\n\tlis 9,buf@ha\n\taddi ` +
    `9,9,buf@l\n\tli 5,${p.loops}\n\tmtctr 5\n\tli 5,0x55\n1:\n${body}\n\tbdnz ` +
    `1b\n\t.globl done\ndone:\n\t${p.exit}\n\t.data\n\t.balign 128\n\t.globl ` +
    `buf\nbuf:\t.space 1024\n`
  );
}

/** values of any 64-bit field, and now and then one that does not fit */
const value = fc.oneof(
  { weight: 8, arbitrary: fc.bigInt({ min: -(1n << 63n), max: (1n << 64n) - 1n }).map(String) },
  { weight: 4, arbitrary: fc.integer({ min: -4, max: 4096 }).map(String) },
  { weight: 1, arbitrary: hostileNumber },
);
const addr = fc.oneof(
  {
    weight: 12,
    arbitrary: fc.oneof(near, near, fc.integer({ min: -16, max: 1100 })).map((o) => `buf${o < 0 ? o : `+${o}`}`),
  },
  { weight: 1, arbitrary: value },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      'done',
      '_start',
      'nosuchsymbol',
      '0',
      'buf+0x10000000000000000',
      'buf-0x10000000000000000',
    ),
  },
);
const len = fc.oneof(
  { weight: 12, arbitrary: fc.integer({ min: 1, max: 16 }).map(String) },
  { weight: 6, arbitrary: fc.integer({ min: 0, max: 520 }).map(String) },
  { weight: 1, arbitrary: value },
);
const rarely = fc.integer({ min: 0, max: 6 }).map((n) => n === 0);
/** {T}: a task (t0, t1 as there are; now and then one that does not exist); {P}: an earlier perf id;
 * {I}: this step's own id (filled in when the scenario is written) */
const task = fc.oneof({ weight: 40, arbitrary: fc.constant('{T}') }, { weight: 1, arbitrary: fc.constant('nobody') });

/** mostly `usual`, now and then anything of `all` */
function mostly<T>(usual: T[], all: T[]): fc.Arbitrary<T> {
  return fc.oneof(
    { weight: 8, arbitrary: fc.constantFrom(...usual) },
    { weight: 1, arbitrary: fc.constantFrom(...all) },
  );
}

/** a step that creates a watchpoint: mostly valid, around the offsets the programs use */
const watchStepArb = (): fc.Arbitrary<string> =>
  fc.oneof(
    {
      weight: 3,
      arbitrary: fc
        .record({
          a: addr,
          l: len,
          type: mostly(['r', 'w', 'rw'], ['x', 'r']),
          perTask: mostly([true], [false]),
          cpu: mostly([-1], [0, 1, 2, 3, -2]),
          ek: fc.boolean(),
          eu: rarely,
          dis: rarely,
        })
        .map(
          (s) =>
            `perf_open: { id: {I}, ${s.perTask ? 'task: {T}, ' : ''}cpu: ` +
            `${s.perTask ? s.cpu : Math.max(0, s.cpu)}, addr: "${s.a}", len: ${s.l}, type: ` +
            `${s.type}, exclude_kernel: ${s.ek}, exclude_user: ${s.eu}, disabled: ${s.dis} }`,
        ),
    },
    {
      weight: 3,
      arbitrary: fc
        .record({
          t: task,
          trig: mostly(['read', 'write', 'rw'], ['execute']),
          mode: mostly(['range_inclusive', 'range_inclusive', 'exact'], ['range_exclusive', 'mask']),
          off: near,
          n: fc.oneof(fc.integer({ min: 1, max: 16 }), fc.integer({ min: -16, max: 600 })),
          a2: fc.option(addr, { freq: 8 }),
          v: mostly([1], [0, 2]),
        })
        .map(
          (s) =>
            `sethwdebug: { id: {I}, task: ${s.t}, trigger: ${s.trig}, mode: ${s.mode}, addr: ` +
            `"buf+${s.off}", addr2: "${s.a2 ?? `buf+${s.off + s.n}`}", version: ${s.v} }`,
        ),
    },
    {
      weight: 1,
      arbitrary: fc
        .record({ t: task, off: near, bits: mostly([5, 6, 7], [0, 1, 2, 3, 4]) })
        .map((s) => `set_debugreg: { task: ${s.t}, value: "buf+${s.off}+${s.bits}" }`),
    },
  );

const stepArb: fc.Arbitrary<string> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc
      .record({
        a: addr,
        l: len,
        type: fc.constantFrom('r', 'w', 'rw', 'rw', 'x'),
        perTask: fc.boolean(),
        cpu: fc.option(fc.integer({ min: -2, max: 3 })),
        ek: fc.boolean(),
        eu: rarely,
        dis: rarely,
      })
      .map(
        (s) =>
          `perf_open: { id: {I}, ` +
          `${s.perTask ? 'task: {T}, ' : ''}${s.cpu !== null || !s.perTask ? `cpu: ${s.cpu ?? 0}, ` : ''}addr: ` +
          `"${s.a}", len: ${s.l}, type: ${s.type}, exclude_kernel: ${s.ek}, exclude_user: ` +
          `${s.eu}, disabled: ${s.dis} }`,
      ),
  },
  {
    weight: 4,
    arbitrary: fc
      .record({
        t: task,
        trig: fc.constantFrom('read', 'write', 'rw', 'rw', 'execute'),
        mode: fc.constantFrom('exact', 'range_inclusive', 'range_inclusive', 'range_exclusive', 'mask'),
        a: addr,
        a2: fc.oneof(
          addr,
          fc.integer({ min: 0, max: 520 }).map((n) => `buf+${n}`),
        ),
        v: fc.constantFrom(1, 1, 1, 2, 0),
      })
      .map(
        (s) =>
          `sethwdebug: { id: {I}, task: ${s.t}, trigger: ${s.trig}, mode: ${s.mode}, addr: ` +
          `"${s.a}", addr2: "${s.a2}", version: ${s.v} }`,
      ),
  },
  {
    weight: 1,
    arbitrary: fc
      .record({ t: task, h: fc.integer({ min: -1, max: 3 }) })
      .map((s) => `delhwdebug: { task: ${s.t}, handle: ${s.h} }`),
  },
  {
    weight: 2,
    arbitrary: fc
      .record({ t: task, v: addr, bits: fc.integer({ min: 0, max: 7 }) })
      .map((s) => `set_debugreg: { task: ${s.t}, value: "${s.v}+${s.bits}" }`),
  },
  { weight: 1, arbitrary: task.map((t) => `get_debugreg: { task: ${t} }`) },
  { weight: 1, arbitrary: task.map((t) => `gethwdbginfo: ${t}`) },
  {
    weight: 6,
    arbitrary: fc
      .record({ t: task, sig: mostly([''], ['SIGUSR1', 'SIGTRAP', 'SIGKILL']) })
      .map((s) => `cont: ${s.sig ? `{ task: ${s.t}, signal: ${s.sig} }` : s.t}`),
  },
  {
    weight: 3,
    arbitrary: fc
      .record({ t: task, sig: mostly([''], ['SIGUSR1']) })
      .map((s) => `singlestep: ${s.sig ? `{ task: ${s.t}, signal: ${s.sig} }` : s.t}`),
  },
  {
    weight: 1,
    arbitrary: fc
      .record({ t: task, pc: fc.oneof(fc.constantFrom('_start', 'done', 'done+4', '_start+2'), addr) })
      .map((s) => `setpc: { task: ${s.t}, pc: "${s.pc}" }`),
  },
  {
    weight: 1,
    arbitrary: fc
      .record({ t: task, a: addr, l: fc.constantFrom(1, 2, 4, 8, 3) })
      .map((s) => `peek: { task: ${s.t}, addr: "${s.a}", len: ${s.l} }`),
  },
  {
    weight: 1,
    arbitrary: fc
      .record({ t: task, a: addr, v: value })
      .map((s) => `poke: { task: ${s.t}, addr: "${s.a}", len: 8, value: ${s.v} }`),
  },
  {
    weight: 1,
    arbitrary: fc
      .record({ t: task, r: fc.constantFrom('r3', 'pc', 'msr', 'cr', 'xer', 'r9', 'lr'), v: value })
      .map((s) => `setreg: { task: ${s.t}, reg: ${s.r}, value: ${s.v} }`),
  },
  {
    weight: 3,
    arbitrary: fc.constantFrom(
      'perf_read: {P}',
      'perf_read: {P}',
      'perf_reset: {P}',
      'perf_disable: {P}',
      'perf_enable: {P}',
      'perf_close: {P}',
      'kill: {T}',
    ),
  },
);

/** Fills a step's placeholders: tasks by `pick`, ids by position, perf ids of earlier steps. */
function fillSteps(steps: string[], tasks: number, picks: number[]): string[] {
  const perf: string[] = [];
  let k = 0;
  const pick = (n: number) => picks[k++ % picks.length] % n;
  const out: string[] = [];
  steps.forEach((st, i) => {
    let s = st
      .replace(/\{T\}/g, () => `t${pick(tasks)}`)
      .replace('{I}', `${st.startsWith('perf_open') ? 'p' : 'w'}${i}`);
    if (s.includes('{P}')) {
      // (no counter opened yet: a step on one would be an input error; left out)
      if (perf.length === 0) return;
      s = s.replace('{P}', perf[pick(perf.length)]);
    }
    if (st.startsWith('perf_open')) perf.push(`p${i}`);
    out.push(s);
  });
  return out.length > 0 ? out : ['gethwdbginfo: t0'];
}

const scratchArb: fc.Arbitrary<Scratch> = fc.record({
  cpu: fc.constantFrom('power7', 'power8', 'power9', 'power10', 'power10', 'power10'),
  cpus: fc.integer({ min: 1, max: 3 }),
  kernel: fc.constantFrom('6.5', '6.6'),
  force: fc.boolean(),
  programs: fc.array(programArb, { minLength: 1, maxLength: 2 }),
  traced: fc.array(fc.boolean(), { minLength: 2, maxLength: 2 }),
  steps: fc
    .tuple(fc.array(watchStepArb(), { minLength: 1, maxLength: 4 }), fc.array(stepArb, { minLength: 1, maxLength: 12 }))
    .map(([a, b]) => [...a, ...b]),
  picks: fc.array(fc.nat(), { minLength: 4, maxLength: 4 }),
});

// ---- mutations of the examples ------------------------------------------------------------------

type Edit =
  | { kind: 'delete'; at: number; len: number }
  | { kind: 'dup'; at: number; times: number }
  | { kind: 'swap'; a: number; b: number }
  | { kind: 'char'; at: number; ch: string }
  | { kind: 'value'; at: number; v: string }
  | { kind: 'insert'; at: number; text: string };

const editArb: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), len: fc.integer({ min: 1, max: 60 }) }),
  fc.record({ kind: fc.constant('dup' as const), at: fc.nat(), times: fc.integer({ min: 1, max: 50 }) }),
  fc.record({ kind: fc.constant('swap' as const), a: fc.nat(), b: fc.nat() }),
  fc.record({
    kind: fc.constant('char' as const),
    at: fc.nat(),
    ch: fc.constantFrom(
      ':',
      '-',
      '[',
      ']',
      '{',
      '}',
      '"',
      "'",
      '&',
      '*',
      '!',
      '%',
      '\t',
      '\n',
      '#',
      ',',
      '?',
      '|',
      '>',
    ),
  }),
  fc.record({
    kind: fc.constant('value' as const),
    at: fc.nat(),
    v: fc.oneof(
      hostileNumber,
      fc.constantFrom(
        'null',
        '~',
        '[]',
        '{}',
        '"',
        'yes',
        '.nan',
        '-.inf',
        '1e400',
        '0x',
        'value+value',
        '*a',
        '&a x',
        '!!binary AAAA',
      ),
    ),
  }),
  fc.record({
    kind: fc.constant('insert' as const),
    at: fc.nat(),
    text: fc.oneof(
      stepArb.map((s) => `  - ${s}`),
      fc.integer({ min: 1, max: 3000 }).map((k) => `x: ${'['.repeat(k)}${']'.repeat(k)}`),
      fc.string({ maxLength: 40 }),
    ),
  }),
);

function mutate(text: string, edits: Edit[]): string {
  let s = text;
  for (const e of edits) {
    const lines = s.split('\n');
    if (e.kind === 'delete') {
      const at = e.at % (s.length + 1);
      s = s.slice(0, at) + s.slice(at + e.len);
    } else if (e.kind === 'dup') {
      const i = e.at % lines.length;
      lines.splice(i, 0, ...new Array<string>(e.times).fill(lines[i]));
      s = lines.join('\n');
    } else if (e.kind === 'swap') {
      const a = e.a % lines.length;
      const b = e.b % lines.length;
      [lines[a], lines[b]] = [lines[b], lines[a]];
      s = lines.join('\n');
    } else if (e.kind === 'char') {
      const at = e.at % (s.length + 1);
      s = s.slice(0, at) + e.ch + s.slice(at + 1);
    } else if (e.kind === 'value') {
      // a scalar after ": " (or "- ") replaced
      const spots = [...s.matchAll(/(: |- )([^\s,{}[\]]+)/g)];
      if (spots.length === 0) continue;
      const m = spots[e.at % spots.length];
      const at = (m.index ?? 0) + m[1].length;
      s = s.slice(0, at) + e.v + s.slice(at + m[2].length);
    } else {
      lines.splice(e.at % (lines.length + 1), 0, e.text);
      s = lines.join('\n');
    }
  }
  return s;
}

export type ScenarioInput =
  | { kind: 'mutated'; base: number; edits: Edit[]; maxSteps: number; compare: boolean }
  | { kind: 'scratch'; s: Scratch; maxSteps: number; compare: boolean };

interface Scratch {
  cpu: string;
  cpus: number;
  kernel: string;
  force: boolean;
  programs: Array<{ ops: Array<[string, number]>; loops: number; exit: string }>;
  traced: boolean[];
  steps: string[];
  picks: number[];
}

/** The scenario file an input names, and the program files it may read. */
export function scenarioOf(input: ScenarioInput): { text: string; programs: Map<string, string> } {
  if (input.kind === 'mutated') {
    const ex = examples();
    return { text: mutate(ex[input.base % ex.length], input.edits), programs: new Map() };
  }
  const s = input.s;
  const programs = new Map<string, string>(s.programs.map((p, i) => [`p${i}.S`, programText(p)]));
  // the first task is traced (a scenario drives traced tasks); the others as drawn
  const tasks = s.programs.map((_, i) => `  - { name: t${i}, program: p${i}.S, traced: ${i === 0 || s.traced[i]} }`);
  const steps = fillSteps(s.steps, s.programs.length, s.picks);
  const text =
    `machine: { cpu: ${s.cpu}, cpus: ${s.cpus}, kernel: "${s.kernel}", ` +
    `dawr_force_enable: ${s.force} ` +
    `}\ntasks:\n${tasks.join('\n')}\nsteps:\n${steps.map((x) => `  - ${x}`).join('\n')}\n`;
  return { text, programs };
}

function checkScenario(input: ScenarioInput): Finding[] {
  const out: Finding[] = [];
  const { text, programs } = scenarioOf(input);
  const p = parseScenario(text, 'fuzz.yaml');
  if (!p.ok) {
    for (const e of p.errors) {
      const line = formatScenarioError(e);
      if (!/^fuzz\.yaml:\d+:\d+: /.test(line))
        out.push({ kind: 'internal', message: `not at FILE:LINE:COL: ${line.slice(0, 200)}` });
      out.push(...internal(e.message, 'scenario error'));
    }
    return out;
  }
  const readFile = (path: string) => programs.get(path) ?? readExample(path);
  const o = runScenario(p.scenario, { readFile, maxSteps: input.maxSteps, logCapacity: 3000 });
  if (o.kind === 'input-error') {
    for (const e of o.errors) out.push(...internal(e.message, 'input error'));
    return out;
  }
  for (const s of o.report.steps) {
    for (const [k, v] of Object.entries(s.result.fields))
      if (typeof v === 'string' && (k === 'message' || k === 'signal' || k === 'si_code' || k === 'event'))
        out.push(...internal(v, `${s.step.op} ${k}`));
    for (const m of s.mismatches) out.push(...internal(m, `${s.step.op} expectation`));
  }
  // both outputs, written to nowhere
  let n = 0;
  writeText(o.report, 'fuzz.yaml', (x) => (n += x.length));
  writeJsonReport(o.report, 'fuzz.yaml', (x) => (n += x.length));
  if (input.compare) compareScenario(p.scenario, { readFile, maxSteps: input.maxSteps, logCapacity: 3000 });
  return out;
}

export const scenarioTarget: FuzzTarget<ScenarioInput> = {
  name: 'scenario',
  describe:
    'scenario files: the examples mutated (deletions, duplicated/swapped lines, odd ' +
    'characters, hostile values, deep nesting) and random machines, programs and tracer ' +
    'steps; parsed, run, reported in text and JSON, compared',
  arbitrary: () =>
    fc.oneof(
      fc.record({
        kind: fc.constant('mutated' as const),
        base: fc.nat(),
        edits: fc.array(editArb, { minLength: 1, maxLength: 5 }),
        maxSteps: fc.constantFrom(1000, 100_000),
        compare: fc.boolean(),
      }),
      fc.record({
        kind: fc.constant('scratch' as const),
        s: scratchArb,
        maxSteps: fc.constantFrom(50, 20_000, 200_000),
        compare: fc.constantFrom(false, false, false, true),
      }),
    ) as fc.Arbitrary<ScenarioInput>,
  hangMs: 15_000,
  show: (i) => {
    const { text, programs } = scenarioOf(i);
    return [text, ...[...programs].map(([f, t]) => `--- ${f}\n${t}`)].join('\n');
  },
  check: checkScenario,
};
