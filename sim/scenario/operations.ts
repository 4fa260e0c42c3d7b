// The operations a scenario step may name (SCENARIOS.md §2), which the debug console offers too: one
// table of their arguments (parsing, unknown keys, the help text and the console's usage derive from
// it) and of what each does on the Tracer. A scenario step and a console line differ only in how an
// argument is read (a YAML value or `key=value` text) and in which task is meant when none is named.
import { PERF_BP_TYPES, type PerfBpType } from '../hwbp/perf-event';
import { MODE_BY_NAME, TRIGGER_BY_NAME } from '../hwbp/ptrace-hwdebug';
import { REG_NAMES } from '../machine/registers-by-name';
import { SIGNAL_NAMES } from '../machine/signals';
import type { CallResult, Tracer } from '../machine/tracer';
import type { StopInfo, Task } from '../machine/task';
import type { StepResult } from './scenario-types';

export type ArgKind =
  | 'expr' // an expression (SCENARIOS.md §3)
  | 'id' // a name that binds a result (perf fd, ptrace handle)
  | 'ref' // a name of an earlier id
  | 'task' // a task name
  | 'handle' // an id or a number
  | 'int'
  | 'bool'
  | { enum: readonly string[] };

export interface ArgSpec {
  kind: ArgKind;
  required?: boolean;
}

/** A name bound to a perf fd or a ptrace handle (of `task`) by an earlier operation. */
export interface IdBinding {
  kind: 'fd' | 'handle';
  value: number;
  task?: string;
}

/**
 * An operation's arguments as its caller reads them. Each method throws the caller's own error (an
 * input error at the step's position, a usage line in the console) when an argument is missing or
 * wrong.
 */
export interface OperationArgs {
  /** the task acted on: the `task` argument, else the caller's default (the console's thread) */
  task(): Task;
  /** the task when there is one (a perf event without a task and with a cpu is per CPU) */
  taskIfAny(): Task | undefined;
  expr(key: string, dflt?: bigint): bigint;
  /** a name or an enum value */
  text(key: string, dflt?: string): string;
  bool(key: string): boolean;
  has(key: string): boolean;
  /** the fd or handle an argument names: a number, or an id bound earlier */
  boundId(key: string, kind: IdBinding['kind']): number;
  /** the ids bound so far (an operation's `id` argument binds its result) */
  readonly ids: Map<string, IdBinding>;
  /** instructions per resume before the step limit stops the task */
  readonly maxSteps: number;
}

export interface OperationSpec {
  /** the operation's arguments when written as a map */
  args: Record<string, ArgSpec>;
  /** when the operation may be written `op: scalar`, which argument the scalar is */
  scalar?: string;
  summary: string;
  /** the result's main field: what a bare number in `expect` compares (default `value`) */
  result?: string;
  /** a query: its result is a value to show, not a change of the machine */
  query?: boolean;
  /** it runs the machine until a stop (the debugger resumes the thread instead) */
  runs?: 'continue' | 'step' | 'attach';
  apply(a: OperationArgs, tracer: Tracer): StepResult;
}

const TRIGGERS = Object.keys(TRIGGER_BY_NAME) as (keyof typeof TRIGGER_BY_NAME)[];
const MODES = Object.keys(MODE_BY_NAME) as (keyof typeof MODE_BY_NAME)[];

const EXPR: ArgSpec = { kind: 'expr' };
const EXPR_REQ: ArgSpec = { kind: 'expr', required: true };
const TASK_REQ: ArgSpec = { kind: 'task', required: true };
const BOOL: ArgSpec = { kind: 'bool' };
const FD_REF: Record<string, ArgSpec> = { id: { kind: 'ref', required: true } };
/** a signal name (SIGUSR1, ...): the data of a ptrace resume */
const SIGNAL: ArgSpec = { kind: { enum: SIGNAL_NAMES } };
const REG: ArgSpec = { kind: { enum: REG_NAMES }, required: true };

function fromCall(r: CallResult, fields: Record<string, bigint | number | string> = {}): StepResult {
  return r.ok ? { status: 'ok', fields } : { status: r.errno, fields: r.message ? { message: r.message } : {} };
}

/** A resume's stop: the event and what the kernel reported with it. */
function fromStop(r: CallResult<{ stop: StopInfo }>, withSiginfo: boolean): StepResult {
  if (!r.ok) return fromCall(r);
  const s = r.stop;
  const fields: Record<string, bigint | number | string> = { event: s.event };
  if (s.signal) fields.signal = s.signal;
  if (withSiginfo && s.si_code) fields.si_code = s.si_code;
  if (withSiginfo && s.si_addr !== undefined) fields.si_addr = s.si_addr;
  if (s.pc !== undefined) fields.pc = s.pc;
  if (s.exit_code !== undefined) fields.exit_code = BigInt(s.exit_code);
  if ((s.event === 'livelock' || s.event === 'deadlock') && s.message) fields.message = s.message;
  return { status: s.event, fields };
}

/** A perf ioctl-like call on the event `id` names. */
function onFd(summary: string, call: (t: Tracer, fd: number) => CallResult): OperationSpec {
  return { args: FD_REF, scalar: 'id', summary, apply: (a, t) => fromCall(call(t, a.boundId('id', 'fd'))) };
}

function resume(how: 'continue' | 'step', summary: string): OperationSpec {
  return {
    args: { task: TASK_REQ, signal: SIGNAL },
    scalar: 'task',
    summary,
    runs: how,
    apply(a, t) {
      const signal = a.has('signal') ? a.text('signal') : undefined;
      const task = a.task();
      return fromStop(
        how === 'continue' ? t.cont(task, a.maxSteps, signal) : t.singleStep(task, a.maxSteps, signal),
        true,
      );
    },
  };
}

export const OPERATIONS: Record<string, OperationSpec> = {
  perf_open: {
    args: {
      id: { kind: 'id' },
      task: { kind: 'task' },
      cpu: { kind: 'int' },
      addr: EXPR_REQ,
      len: EXPR_REQ,
      type: { kind: { enum: PERF_BP_TYPES }, required: true },
      exclude_user: BOOL,
      exclude_kernel: BOOL,
      exclude_hv: BOOL,
      disabled: BOOL,
    },
    summary: 'perf_event_open of a breakpoint event (per task, per CPU when cpu is given without task, or task on CPU)',
    result: 'fd',
    apply(a, t) {
      const id = a.has('id') ? a.text('id') : undefined;
      const r = t.perfOpen({
        name: id ?? `fd${a.ids.size}`,
        task: a.taskIfAny(),
        cpu: a.has('cpu') ? Number(a.expr('cpu')) : -1,
        addr: a.expr('addr'),
        len: a.expr('len', 8n),
        type: a.text('type', 'r') as PerfBpType,
        excludeUser: a.bool('exclude_user'),
        excludeKernel: a.bool('exclude_kernel'),
        excludeHv: a.bool('exclude_hv'),
        disabled: a.bool('disabled'),
      });
      if (r.ok && id) a.ids.set(id, { kind: 'fd', value: r.fd });
      return fromCall(r, r.ok ? { fd: r.fd } : {});
    },
  },
  perf_close: onFd('close the event', (t, fd) => t.perfClose(fd)),
  perf_enable: onFd('PERF_EVENT_IOC_ENABLE', (t, fd) => t.perfEnable(fd)),
  perf_disable: onFd('PERF_EVENT_IOC_DISABLE', (t, fd) => t.perfDisable(fd)),
  perf_reset: onFd('PERF_EVENT_IOC_RESET (the count back to 0)', (t, fd) => t.perfReset(fd)),
  perf_read: {
    args: FD_REF,
    scalar: 'id',
    summary: 'read(fd): the count',
    result: 'count',
    query: true,
    apply(a, t) {
      const r = t.perfRead(a.boundId('id', 'fd'));
      return fromCall(r, r.ok ? { count: BigInt(r.count) } : {});
    },
  },
  sethwdebug: {
    args: {
      id: { kind: 'id' },
      task: TASK_REQ,
      trigger: { kind: { enum: TRIGGERS }, required: true },
      mode: { kind: { enum: MODES }, required: true },
      addr: EXPR_REQ,
      addr2: EXPR,
      version: EXPR,
      condition_mode: EXPR,
    },
    summary: 'PPC_PTRACE_SETHWDEBUG: a ptrace watchpoint; result the handle (1 or 2)',
    result: 'handle',
    apply(a, t) {
      const task = a.task();
      const r = t.setHwDebug(task, {
        version: Number(a.expr('version', 1n)),
        trigger: a.text('trigger', 'rw') as (typeof TRIGGERS)[number],
        mode: a.text('mode', 'exact') as (typeof MODES)[number],
        addr: a.expr('addr'),
        addr2: a.expr('addr2', 0n),
        conditionMode: Number(a.expr('condition_mode', 0n)),
      });
      if (r.ok && a.has('id')) a.ids.set(a.text('id'), { kind: 'handle', value: r.handle, task: task.name });
      return fromCall(r, r.ok ? { handle: BigInt(r.handle) } : {});
    },
  },
  delhwdebug: {
    args: { task: TASK_REQ, handle: { kind: 'handle', required: true } },
    summary: 'PPC_PTRACE_DELHWDEBUG',
    apply: (a, t) => fromCall(t.delHwDebug(a.task(), a.boundId('handle', 'handle'))),
  },
  set_debugreg: {
    args: { task: TASK_REQ, value: EXPR_REQ },
    summary: 'PTRACE_SET_DEBUGREG (a DABR-style value: address | translate 4 | write 2 | read 1)',
    apply: (a, t) => fromCall(t.setDebugreg(a.task(), a.expr('value'))),
  },
  get_debugreg: {
    args: { task: TASK_REQ },
    scalar: 'task',
    summary: 'PTRACE_GET_DEBUGREG',
    query: true,
    apply(a, t) {
      const r = t.getDebugreg(a.task());
      return fromCall(r, r.ok ? { value: r.value } : {});
    },
  },
  gethwdbginfo: {
    args: { task: TASK_REQ },
    scalar: 'task',
    summary: 'PPC_PTRACE_GETHWDBGINFO',
    result: 'num_data_bps',
    query: true,
    apply(a, t) {
      const r = t.getHwDbgInfo(a.task());
      if (!r.ok) return fromCall(r);
      const i = r.info;
      return fromCall(r, {
        num_data_bps: BigInt(i.num_data_bps),
        num_instruction_bps: BigInt(i.num_instruction_bps),
        data_bp_alignment: BigInt(i.data_bp_alignment),
        features: BigInt(i.features),
      });
    },
  },
  attach: {
    args: { task: TASK_REQ },
    scalar: 'task',
    summary:
      'the script becomes the tracer of a task it does not trace (a process a task forked): PTRACE_SEIZE and ' +
      'PTRACE_INTERRUPT, then run until it stops; a stopped task is traced in its stop',
    runs: 'attach',
    apply: (a, t) => fromStop(t.attachExternal(a.task(), a.maxSteps), false),
  },
  cont: resume(
    'continue',
    'PTRACE_CONT (with `signal`: data = that signal, delivered at once), then run until the task stops or exits',
  ),
  singlestep: resume(
    'step',
    'PTRACE_SINGLESTEP (with `signal`: data = that signal), then run until the task stops or exits',
  ),
  setpc: {
    args: { task: TASK_REQ, pc: EXPR_REQ },
    summary: "set the task's PC (PTRACE_SETREGS; thread_change_pc is not called)",
    apply: (a, t) => fromCall(t.setReg(a.task(), 'pc', a.expr('pc'))),
  },
  setreg: {
    args: { task: TASK_REQ, reg: REG, value: EXPR_REQ },
    summary: 'set a register (r0..r31, pc, lr, ctr, cr, xer, msr)',
    apply: (a, t) => fromCall(t.setReg(a.task(), a.text('reg'), a.expr('value'))),
  },
  getreg: {
    args: { task: TASK_REQ, reg: REG },
    summary: 'read a register',
    query: true,
    apply(a, t) {
      const r = t.getReg(a.task(), a.text('reg'));
      return fromCall(r, r.ok ? { value: r.value } : {});
    },
  },
  peek: {
    args: { task: TASK_REQ, addr: EXPR_REQ, len: EXPR },
    summary: "read 1, 2, 4 or 8 bytes of the task's memory (PTRACE_PEEKDATA)",
    query: true,
    apply(a, t) {
      const r = t.peek(a.task(), a.expr('addr'), Number(a.expr('len', 8n)));
      return fromCall(r, r.ok ? { value: r.value } : {});
    },
  },
  poke: {
    args: { task: TASK_REQ, addr: EXPR_REQ, len: EXPR, value: EXPR_REQ },
    summary: 'write 1, 2, 4 or 8 bytes (PTRACE_POKEDATA)',
    apply: (a, t) => fromCall(t.poke(a.task(), a.expr('addr'), Number(a.expr('len', 8n)), a.expr('value'))),
  },
  kill: {
    args: { task: TASK_REQ },
    scalar: 'task',
    summary: 'SIGKILL the task',
    apply: (a, t) => fromCall(t.kill(a.task())),
  },
};

/** An operation's arguments as a usage line: `addr=EXPR [len=EXPR] type=r|w|rw|x [disabled]`. */
export function usage(spec: OperationSpec, optionalTask = false): string {
  return Object.entries(spec.args)
    .map(([k, s]) => {
      if (s.kind === 'bool') return `[${k}]`;
      const kind = s.kind;
      const value =
        typeof kind === 'object'
          ? kind.enum.length <= 6
            ? kind.enum.join('|')
            : k.toUpperCase()
          : { expr: 'EXPR', id: 'NAME', ref: 'ID', task: 'TASK', handle: 'ID|N', int: 'N' }[kind];
      return s.required && !(optionalTask && kind === 'task') ? `${k}=${value}` : `[${k}=${value}]`;
    })
    .join(' ');
}
