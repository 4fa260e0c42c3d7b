// Debug console commands: one per operation of SCENARIOS.md §2, written like a scenario step
// (`perf_open id=p addr=value len=8 type=r`, `sethwdebug trigger=read mode=exact addr=value`,
// `perf_read p`), so what a scenario does can be tried by hand in a session. Arguments are
// `key=value`; a leading bare word is the id or task; values are scenario expressions (symbols are
// addresses); `task` defaults to the thread that is selected. Every refusal prints the errno and
// the kernel's words.
import { decisionLines } from '../sim/decision-text';
import type { Task } from '../sim/machine/task';
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

interface CallCtx {
  rt: Runtime;
  task(): Task;
  expr(key: string, dflt?: bigint): bigint;
  str(key: string, dflt?: string): string;
  bool(key: string): boolean;
  has(key: string): boolean;
  boundId(key: string, kind: 'fd' | 'handle'): number;
  ids: Map<string, { kind: 'fd' | 'handle'; value: number }>;
}

class UsageError extends Error {}

const ok = (extra = ''): CommandOutcome => ({ text: `ok${extra ? ` ${extra}` : ''}`, changed: true });
const res = (r: { ok: true } | { ok: false; errno: string; message: string }, extra = ''): CommandOutcome =>
  r.ok ? ok(extra) : { text: r.message.startsWith(r.errno) ? r.message : `${r.errno}: ${r.message}` };

const COMMANDS: Record<string, Cmd> = {
  perf_open: {
    args: 'id=NAME [task=TASK | cpu=N] addr=EXPR len=N type=r|w|rw|x [exclude_user] [exclude_kernel] [exclude_hv] [disabled]',
    help: 'perf_event_open a hardware breakpoint event (per task, or per CPU when cpu is given without task)',
    positional: 'id',
    run(c) {
      const id = c.str('id', `fd${c.ids.size}`);
      const perCpu = c.has('cpu') && !c.has('task');
      const r = c.rt.tracer.perfOpen({
        name: id,
        task: perCpu ? undefined : c.task(),
        cpu: c.has('cpu') ? Number(c.expr('cpu')) : -1,
        addr: c.expr('addr'),
        len: c.expr('len', 8n),
        type: c.str('type', 'r') as 'r' | 'w' | 'rw' | 'x',
        excludeUser: c.bool('exclude_user'),
        excludeKernel: c.bool('exclude_kernel'),
        excludeHv: c.bool('exclude_hv'),
        disabled: c.bool('disabled'),
      });
      if (r.ok) c.ids.set(id, { kind: 'fd', value: r.fd });
      return res(r, r.ok ? `fd=${r.fd} (id ${id})` : '');
    },
  },
  perf_close: { args: 'ID', help: 'close a perf event', positional: 'id', run: (c) => res(c.rt.tracer.perfClose(c.boundId('id', 'fd'))) },
  perf_enable: { args: 'ID', help: 'PERF_EVENT_IOC_ENABLE', positional: 'id', run: (c) => res(c.rt.tracer.perfEnable(c.boundId('id', 'fd'))) },
  perf_disable: { args: 'ID', help: 'PERF_EVENT_IOC_DISABLE', positional: 'id', run: (c) => res(c.rt.tracer.perfDisable(c.boundId('id', 'fd'))) },
  perf_reset: { args: 'ID', help: 'PERF_EVENT_IOC_RESET (count back to 0)', positional: 'id', run: (c) => res(c.rt.tracer.perfReset(c.boundId('id', 'fd'))) },
  perf_read: {
    args: 'ID',
    help: 'read a perf event (its count)',
    positional: 'id',
    run(c) {
      const r = c.rt.tracer.perfRead(c.boundId('id', 'fd'));
      return r.ok ? { text: String(r.count) } : res(r);
    },
  },
  sethwdebug: {
    args: '[id=NAME] [task=TASK] trigger=read|write|rw|execute mode=exact|range_inclusive|range_exclusive|mask addr=EXPR [addr2=EXPR] [version=1]',
    help: 'PPC_PTRACE_SETHWDEBUG: a ptrace watchpoint (its handle)',
    run(c) {
      const t = c.task();
      const r = c.rt.tracer.setHwDebug(t, {
        version: Number(c.expr('version', 1n)),
        trigger: c.str('trigger', 'rw') as 'read' | 'write' | 'rw' | 'execute',
        mode: c.str('mode', 'exact') as 'exact' | 'range_inclusive' | 'range_exclusive' | 'mask',
        addr: c.expr('addr'),
        addr2: c.expr('addr2', 0n),
        conditionMode: Number(c.expr('condition_mode', 0n)),
      });
      if (r.ok && c.has('id')) c.ids.set(c.str('id'), { kind: 'handle', value: r.handle });
      return res(r, r.ok ? `handle=${r.handle}` : '');
    },
  },
  delhwdebug: { args: '[task=TASK] handle=ID|N', help: 'PPC_PTRACE_DELHWDEBUG', run: (c) => res(c.rt.tracer.delHwDebug(c.task(), c.boundId('handle', 'handle'))) },
  set_debugreg: { args: '[task=TASK] value=EXPR', help: 'PTRACE_SET_DEBUGREG (a DABR-style value: address | translate 4 | write 2 | read 1)', run: (c) => res(c.rt.tracer.setDebugreg(c.task(), c.expr('value'))) },
  get_debugreg: {
    args: '[task=TASK]',
    help: 'PTRACE_GET_DEBUGREG',
    positional: 'task',
    run(c) {
      const r = c.rt.tracer.getDebugreg(c.task());
      return r.ok ? { text: hex(r.value) } : res(r);
    },
  },
  gethwdbginfo: {
    args: '[task=TASK]',
    help: 'PPC_PTRACE_GETHWDBGINFO',
    positional: 'task',
    run(c) {
      const r = c.rt.tracer.getHwDbgInfo(c.task());
      if (!r.ok) return res(r);
      const i = r.info;
      return { text: `num_data_bps=${i.num_data_bps} num_instruction_bps=${i.num_instruction_bps} data_bp_alignment=${i.data_bp_alignment} features=0x${i.features.toString(16)}` };
    },
  },
  cont: { args: '[TASK]', help: 'PTRACE_CONT: resume the task until it stops', positional: 'task', run: (c) => ({ text: `resuming ${c.task().name}`, resume: { task: c.task(), how: 'continue' } }) },
  singlestep: { args: '[TASK]', help: 'PTRACE_SINGLESTEP: one instruction', positional: 'task', run: (c) => ({ text: `stepping ${c.task().name}`, resume: { task: c.task(), how: 'step' } }) },
  setpc: { args: '[task=TASK] pc=EXPR', help: 'set the PC (PTRACE_SETREGS; thread_change_pc is not called)', run: (c) => res(c.rt.tracer.setReg(c.task(), 'pc', c.expr('pc'))) },
  setreg: { args: '[task=TASK] reg=NAME value=EXPR', help: 'set a register (r0..r31, pc, lr, ctr, cr, xer, msr)', run: (c) => res(c.rt.tracer.setReg(c.task(), c.str('reg'), c.expr('value'))) },
  getreg: {
    args: '[task=TASK] reg=NAME',
    help: 'read a register',
    run(c) {
      const r = c.rt.tracer.getReg(c.task(), c.str('reg'));
      return r.ok ? { text: hex(r.value) } : res(r);
    },
  },
  peek: {
    args: '[task=TASK] addr=EXPR [len=1|2|4|8]',
    help: 'PTRACE_PEEKDATA',
    run(c) {
      const r = c.rt.tracer.peek(c.task(), c.expr('addr'), Number(c.expr('len', 8n)));
      return r.ok ? { text: hex(r.value) } : res(r);
    },
  },
  poke: { args: '[task=TASK] addr=EXPR [len=1|2|4|8] value=EXPR', help: 'PTRACE_POKEDATA', run: (c) => res(c.rt.tracer.poke(c.task(), c.expr('addr'), Number(c.expr('len', 8n)), c.expr('value'))) },
  kill: { args: '[TASK]', help: 'PTRACE_KILL', positional: 'task', run: (c) => res(c.rt.tracer.kill(c.task())) },
  slots: {
    args: '',
    help: 'the DAWR slots of every CPU, their occupants and budgets',
    run(c) {
      const v = c.rt.machine.hw.slotsView();
      const lines = [`${v.machine.cpu}, ${v.machine.cpus} CPU(s), kernel ${v.machine.kernel}, ${v.machine.slots} slot(s) per CPU`];
      for (const cpu of v.cpus) {
        lines.push(`cpu${cpu.cpu}${cpu.task ? ` (${cpu.task})` : ''}: budget ${cpu.budget.cpuPinned} per-CPU + ${cpu.budget.worstTask} worst task of ${cpu.budget.total}`);
        for (const s of cpu.slots) lines.push(`  slot ${s.slot}: ${s.occupant ? `${s.occupant.label}${s.occupant.by ? ` by ${s.occupant.by}` : ''} ${s.occupant.task ?? 'cpu-wide'} ${s.occupant.type} ${s.occupant.addr}+${s.occupant.len} ${s.occupant.state}` : 'free'}`);
      }
      return { text: lines.join('\n') };
    },
  },
  watches: {
    args: '',
    help: "the debugger's watchpoints and counters (data breakpoints, data-line breakpoints, the panel's watch actions) with their ids",
    run(c) {
      const ws = c.rt.watches.all();
      if (ws.length === 0) return { text: 'no watchpoints' };
      return { text: ws.map((w) => `${w.id}: ${w.origin} ${w.kind} ${w.access} ${w.label} (${w.len} bytes at ${hex(w.addr)}) ${w.verified ? 'set' : 'not set'}${w.message ? ` - ${w.message}` : ''}`).join('\n') };
    },
  },
  unwatch: {
    args: 'ID',
    help: "delete one of the debugger's watchpoints by its id (see watches); frees its slot",
    positional: 'id',
    run(c) {
      const id = Number(c.str('id'));
      const w = c.rt.watches.get(id);
      if (!w) return { text: `no watchpoint ${c.str('id')} (watches lists them)` };
      c.rt.removeWatch(w);
      return ok(`(watchpoint ${id} deleted)`);
    },
  },
  decisions: {
    args: '[N]',
    help: 'the newest N handler decisions (default 5), with their per-slot reasoning',
    positional: 'id',
    run(c) {
      const n = c.has('id') ? Number(c.str('id')) : 5;
      const ds = c.rt.machine.log.recent(Number.isFinite(n) && n > 0 ? n : 5);
      return { text: ds.length === 0 ? 'no decisions yet' : ds.flatMap((d) => decisionLines(d)).join('\n') };
    },
  },
  compare: {
    args: '',
    help: 'wplab compare: this session\'s scenario from its start under kernel 6.5 and 6.6, and where they differ',
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
export function runCommand(rt: Runtime, line: string, current: Task | undefined, ids: Map<string, { kind: 'fd' | 'handle'; value: number }>): CommandOutcome {
  const words = line.trim().split(/\s+/);
  const name = words[0];
  if (name === 'help') return { text: helpText() };
  const cmd = COMMANDS[name];
  if (!cmd) return { text: `unknown command "${name}" (help lists them)` };
  const kv = new Map<string, string>();
  for (const w of words.slice(1)) {
    const i = w.indexOf('=');
    if (i > 0) kv.set(w.slice(0, i), w.slice(i + 1));
    else if (cmd.positional && !kv.has(cmd.positional)) kv.set(cmd.positional, w);
    else if (['exclude_user', 'exclude_kernel', 'exclude_hv', 'disabled'].includes(w)) kv.set(w, 'true');
    else return { text: `${name}: "${w}" is not key=value (usage: ${name} ${cmd.args})` };
  }
  const task = (): Task => {
    const n = kv.get('task');
    const t = n !== undefined ? rt.machine.task(n) : current;
    if (!t) throw new UsageError(n !== undefined ? `no task "${n}" (tasks: ${rt.machine.tasks.map((x) => x.name).join(', ')})` : 'no task');
    return t;
  };
  const ctx: CallCtx = {
    rt,
    ids,
    task,
    has: (k) => kv.has(k),
    str(k, dflt) {
      const v = kv.get(k);
      if (v === undefined) {
        if (dflt === undefined) throw new UsageError(`missing ${k}= (usage: ${name} ${cmd.args})`);
        return dflt;
      }
      return v;
    },
    bool: (k) => kv.get(k) === 'true' || kv.get(k) === '1',
    expr(k, dflt) {
      const v = kv.get(k);
      if (v === undefined) {
        if (dflt === undefined) throw new UsageError(`missing ${k}= (usage: ${name} ${cmd.args})`);
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
        const c = rt.machine.hw.countersView().counters.filter((x) => x.id === v && !x.closed).pop();
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
