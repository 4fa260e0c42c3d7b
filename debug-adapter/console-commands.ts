// Debug console commands: one per operation of SCENARIOS.md §2, written like a scenario step
// (`perf_open id=p addr=value len=8 type=r`, `sethwdebug trigger=read mode=exact addr=value`,
// `perf_read p`), so what a scenario does can be tried by hand in a session. Arguments are
// `key=value`; a leading bare word is the id or task; values are scenario expressions (symbols are
// addresses); `task` defaults to the thread that is selected. Every refusal prints the errno and
// the kernel's words.
import { decisionLines } from '../sim/decision-text';
import type { SlotOccupant } from '../sim/hwbp/views';
import type { Task } from '../sim/machine/task';
import type { StepResult } from '../sim/scenario/scenario-types';
import { OPERATIONS, usage, type IdBinding, type OperationArgs, type OperationSpec } from '../sim/scenario/operations';
import type { Watch } from './data-breakpoints';
import { evaluateExpression } from './expressions';
import type { Runtime } from './runtime';
import { hex } from './symbols';

export interface CommandOutcome {
  text: string;
  /** the command resumes a task: the session does it after answering */
  resume?: { task: Task; how: 'continue' | 'step' };
  /** the command changed breakpoints, counters or memory: the panel is refreshed */
  changed?: boolean;
}

interface Cmd {
  args: string;
  help: string;
  /** the bare word's meaning */
  positional?: 'id' | 'task';
  run(c: CallCtx): CommandOutcome;
}

/** What a console command reads: the operations' arguments plus the session's runtime. */
interface CallCtx extends OperationArgs {
  rt: Runtime;
}

class UsageError extends Error {}

const ok = (extra = ''): CommandOutcome => ({ text: `ok${extra ? ` ${extra}` : ''}`, changed: true });

/** A refusal as the kernel words it, the errno said once. */
function refusal(r: StepResult): string {
  const message = String(r.fields.message ?? '');
  return message.startsWith(r.status) ? message : `${r.status}: ${message}`;
}

/** A query's value: counts in decimal, register and memory values and feature bits in hex. */
const valueText = (k: string, v: bigint | number | string): string =>
  typeof v === 'bigint' && (k === 'value' || k === 'features') ? hex(v) : String(v);

/**
 * An operation of the table as a console command: its result as a line (a query's value, `ok` and
 * what was made for a change, or the refusal). The operations that run the machine are resumes the
 * session does after answering (attach is not offered: the debugger traces every task already).
 */
function operationCommand(name: string, op: OperationSpec): Cmd {
  /** the operation's one argument may be written bare */
  const alone = op.scalar !== undefined && Object.keys(op.args).length === 1;
  const positional =
    op.scalar === 'id' || op.scalar === 'task' ? op.scalar : op.args.id?.kind === 'id' ? 'id' : undefined;
  return {
    args: op.runs || (alone && op.scalar === 'task') ? '[TASK]' : alone ? 'ID' : usage(op, true),
    help: op.summary,
    positional,
    run(c) {
      if (op.runs === 'continue' || op.runs === 'step') {
        const task = c.task();
        return { text: `${op.runs === 'step' ? 'stepping' : 'resuming'} ${task.name}`, resume: { task, how: op.runs } };
      }
      const r = op.apply(c, c.rt.tracer);
      if (r.status !== 'ok') return { text: refusal(r) };
      const fields = Object.entries(r.fields);
      if (op.query)
        return {
          text: fields.map(([k, v]) => (fields.length > 1 ? `${k}=${valueText(k, v)}` : valueText(k, v))).join(' '),
        };
      // the console names every perf event it opens, so that perf_read and the others can find it
      const made =
        fields.map(([k, v]) => `${k}=${v}`).join(' ') + (name === 'perf_open' ? ` (id ${c.text('id')})` : '');
      return ok(made);
    },
  };
}

function occupantText(o: SlotOccupant): string {
  return `${o.label}${o.by ? ` by ${o.by}` : ''} ${o.task ?? 'cpu-wide'} ${o.type} ${o.addr}+${o.len} ${o.state}`;
}

function watchText(w: Watch): string {
  const what = `${w.id}: ${w.origin} ${w.kind} ${w.access} ${w.label} (${w.len} bytes at ${hex(w.addr)})`;
  return `${what} ${w.verified ? 'set' : 'not set'}${w.message ? ` - ${w.message}` : ''}`;
}

const COMMANDS: Record<string, Cmd> = {
  ...Object.fromEntries(
    Object.entries(OPERATIONS)
      .filter(([, op]) => op.runs !== 'attach')
      .map(([name, op]) => [name, operationCommand(name, op)]),
  ),
  slots: {
    args: '',
    help: 'the DAWR slots of every CPU, their occupants and budgets',
    run(c) {
      const v = c.rt.machine.hw.slotsView();
      const lines = [
        `${v.machine.cpu}, ${v.machine.cpus} CPU(s), kernel ${v.machine.kernel}, ${v.machine.slots} slot(s) per CPU`,
      ];
      for (const cpu of v.cpus) {
        const b = cpu.budget;
        const on = cpu.task ? ` (${cpu.task})` : '';
        lines.push(`cpu${cpu.cpu}${on}: budget ${b.cpuPinned} per-CPU + ${b.worstTask} worst task of ${b.total}`);
        for (const s of cpu.slots) lines.push(`  slot ${s.slot}: ${s.occupant ? occupantText(s.occupant) : 'free'}`);
      }
      return { text: lines.join('\n') };
    },
  },
  watches: {
    args: '',
    help:
      "the debugger's watchpoints and counters (data breakpoints, data-line breakpoints, the panel's watch actions) " +
      'with their ids',
    run(c) {
      const ws = c.rt.watches.all();
      if (ws.length === 0) return { text: 'no watchpoints' };
      return { text: ws.map(watchText).join('\n') };
    },
  },
  unwatch: {
    args: 'ID',
    help: "delete one of the debugger's watchpoints by its id (see watches); frees its slot",
    positional: 'id',
    run(c) {
      const id = Number(c.text('id'));
      const w = c.rt.watches.get(id);
      if (!w) return { text: `no watchpoint ${c.text('id')} (watches lists them)` };
      c.rt.removeWatch(w);
      return ok(`(watchpoint ${id} deleted)`);
    },
  },
  decisions: {
    args: '[N]',
    help: 'the newest N handler decisions (default 5), with their per-slot reasoning',
    positional: 'id',
    run(c) {
      const n = c.has('id') ? Number(c.text('id')) : 5;
      const ds = c.rt.machine.log.recent(Number.isFinite(n) && n > 0 ? n : 5);
      return { text: ds.length === 0 ? 'no decisions yet' : ds.flatMap((d) => decisionLines(d)).join('\n') };
    },
  },
  compare: {
    args: '',
    help: "wplab compare: this session's scenario from its start under kernel 6.5 and 6.6, and where they differ",
    run(c) {
      const r = c.rt.compareKernels();
      return { text: r.ok ? r.text : r.message };
    },
  },
};

export function helpText(): string {
  const w = Math.max(...Object.keys(COMMANDS).map((k) => k.length));
  const lines = [
    'Commands (the operations of a scenario file; values are expressions: numbers, symbols, sums):',
    ...Object.entries(COMMANDS).map(([k, c]) => `  ${k.padEnd(w)}  ${c.args}\n  ${''.padEnd(w)}    ${c.help}`),
    '  help      this text',
    'Anything else is an expression: r3, pc, value (its contents), &value (its address), *ADDR,',
    'u8[ADDR] u16[ADDR] u32[ADDR] u64[ADDR], and C operators.',
  ];
  return lines.join('\n');
}

export function isCommand(line: string): boolean {
  const w = line.trim().split(/\s+/)[0];
  return w === 'help' || Object.prototype.hasOwnProperty.call(COMMANDS, w);
}

/** Runs one console command line. */
export function runCommand(
  rt: Runtime,
  line: string,
  current: Task | undefined,
  ids: Map<string, IdBinding>,
): CommandOutcome {
  const words = line.trim().split(/\s+/);
  const name = words[0];
  if (name === 'help') return { text: helpText() };
  const cmd = Object.prototype.hasOwnProperty.call(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (!cmd) return { text: `unknown command "${name}" (help lists them)` };
  const flags = Object.entries(OPERATIONS[name]?.args ?? {})
    .filter(([, a]) => a.kind === 'bool')
    .map(([k]) => k);
  const kv = new Map<string, string>();
  for (const w of words.slice(1)) {
    const i = w.indexOf('=');
    if (i > 0) kv.set(w.slice(0, i), w.slice(i + 1));
    else if (cmd.positional && !kv.has(cmd.positional)) kv.set(cmd.positional, w);
    else if (flags.includes(w)) kv.set(w, 'true');
    else return { text: `${name}: "${w}" is not key=value (usage: ${name} ${cmd.args})` };
  }
  if (name === 'perf_open' && !kv.has('id')) kv.set('id', `fd${ids.size}`);
  const missing = (k: string) => new UsageError(`missing ${k}= (usage: ${name} ${cmd.args})`);
  const task = (): Task => {
    const n = kv.get('task');
    const t = n !== undefined ? rt.machine.task(n) : current;
    if (!t) {
      const tasks = rt.machine.tasks.map((x) => x.name).join(', ');
      throw new UsageError(n !== undefined ? `no task "${n}" (tasks: ${tasks})` : 'no task');
    }
    return t;
  };
  const ctx: CallCtx = {
    rt,
    ids,
    // (read by the operations that run the machine, which the console leaves to the session)
    get maxSteps() {
      return rt.config.maxSteps;
    },
    task,
    // a perf event with a cpu and no task is per CPU; else it counts for the selected thread
    taskIfAny: () => (kv.has('cpu') && !kv.has('task') ? undefined : task()),
    has: (k) => kv.has(k),
    text(k, dflt) {
      const v = kv.get(k);
      if (v !== undefined) return v;
      if (dflt === undefined) throw missing(k);
      return dflt;
    },
    bool: (k) => kv.get(k) === 'true' || kv.get(k) === '1',
    expr(k, dflt) {
      const v = kv.get(k);
      if (v === undefined) {
        if (dflt === undefined) throw missing(k);
        return dflt;
      }
      const base = kv.has('task') || current ? task() : rt.threads[0];
      const r = evaluateExpression(v, { task: base, read: (a, n) => base.mem.read(a, n), symbolsAreAddresses: true });
      if (!r.ok) throw new UsageError(`${k}=${v}: ${r.message}`);
      return r.value;
    },
    boundId(k, kind) {
      const v = kv.get(k);
      if (v === undefined) throw new UsageError(`missing ${k} (usage: ${name} ${cmd.args})`);
      if (/^\d+$/.test(v)) return Number(v);
      const b = ids.get(v);
      if (b && b.kind === kind) return b.value;
      if (kind === 'fd') {
        // a counter of the launch configuration or the panel: by its name
        const c = rt.machine.hw
          .countersView()
          .counters.filter((x) => x.id === v && !x.closed)
          .pop();
        if (c) return c.fd;
      }
      throw new UsageError(`"${v}" names no ${kind === 'fd' ? 'perf event' : 'ptrace handle'}`);
    },
  };
  try {
    return cmd.run(ctx);
  } catch (e) {
    if (e instanceof UsageError) return { text: `${name}: ${e.message}` };
    throw e;
  }
}
