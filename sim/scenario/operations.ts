// The operations a scenario step may name, with the arguments each takes (SCENARIOS.md §2).
// One table, so that parsing, validation of unknown keys, and the help text agree.

import { REG_NAMES } from '../machine/registers-by-name';
import { SIGNAL_NAMES } from '../machine/signals';

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

export interface OperationSpec {
  /** the operation's arguments when written as a map */
  args: Record<string, ArgSpec>;
  /** when the operation may be written `op: scalar`, which argument the scalar is */
  scalar?: string;
  summary: string;
}

const EXPR: ArgSpec = { kind: 'expr' };
const EXPR_REQ: ArgSpec = { kind: 'expr', required: true };
const TASK_REQ: ArgSpec = { kind: 'task', required: true };
const BOOL: ArgSpec = { kind: 'bool' };
/** a signal name (SIGUSR1, ...): the data of a ptrace resume */
const SIGNAL: ArgSpec = { kind: { enum: SIGNAL_NAMES } };

export const OPERATIONS: Record<string, OperationSpec> = {
  perf_open: {
    args: {
      id: { kind: 'id' },
      task: { kind: 'task' },
      cpu: { kind: 'int' },
      addr: EXPR_REQ,
      len: EXPR_REQ,
      type: { kind: { enum: ['r', 'w', 'rw', 'x'] }, required: true },
      exclude_user: BOOL,
      exclude_kernel: BOOL,
      exclude_hv: BOOL,
      disabled: BOOL,
    },
    summary: 'perf_event_open of a breakpoint event (per task, per CPU, or task on CPU)',
  },
  perf_close: { args: { id: { kind: 'ref', required: true } }, scalar: 'id', summary: 'close the event' },
  perf_enable: { args: { id: { kind: 'ref', required: true } }, scalar: 'id', summary: 'PERF_EVENT_IOC_ENABLE' },
  perf_disable: { args: { id: { kind: 'ref', required: true } }, scalar: 'id', summary: 'PERF_EVENT_IOC_DISABLE' },
  perf_reset: { args: { id: { kind: 'ref', required: true } }, scalar: 'id', summary: 'PERF_EVENT_IOC_RESET' },
  perf_read: { args: { id: { kind: 'ref', required: true } }, scalar: 'id', summary: 'read(fd): the count' },
  sethwdebug: {
    args: {
      id: { kind: 'id' },
      task: TASK_REQ,
      trigger: { kind: { enum: ['read', 'write', 'rw', 'execute'] }, required: true },
      mode: { kind: { enum: ['exact', 'range_inclusive', 'range_exclusive', 'mask'] }, required: true },
      addr: EXPR_REQ,
      addr2: EXPR,
      version: EXPR,
      condition_mode: EXPR,
    },
    summary: 'PPC_PTRACE_SETHWDEBUG: a ptrace watchpoint; result the handle (1 or 2)',
  },
  delhwdebug: { args: { task: TASK_REQ, handle: { kind: 'handle', required: true } }, summary: 'PPC_PTRACE_DELHWDEBUG' },
  set_debugreg: { args: { task: TASK_REQ, value: EXPR_REQ }, summary: 'PTRACE_SET_DEBUGREG (DABR-style value)' },
  get_debugreg: { args: { task: TASK_REQ }, scalar: 'task', summary: 'PTRACE_GET_DEBUGREG' },
  gethwdbginfo: { args: { task: TASK_REQ }, scalar: 'task', summary: 'PPC_PTRACE_GETHWDBGINFO' },
  attach: { args: { task: TASK_REQ }, scalar: 'task', summary: 'the script becomes the tracer of a task it does not trace (a process a task forked): PTRACE_SEIZE and PTRACE_INTERRUPT, then run until it stops; a stopped task is traced in its stop' },
  cont: { args: { task: TASK_REQ, signal: SIGNAL }, scalar: 'task', summary: 'PTRACE_CONT (with `signal`: data = that signal, delivered at once), then run until the task stops or exits' },
  singlestep: { args: { task: TASK_REQ, signal: SIGNAL }, scalar: 'task', summary: 'PTRACE_SINGLESTEP (with `signal`: data = that signal), then run until the task stops or exits' },
  setpc: { args: { task: TASK_REQ, pc: EXPR_REQ }, summary: 'set the task\'s PC (PTRACE_SETREGS)' },
  setreg: { args: { task: TASK_REQ, reg: { kind: { enum: REG_NAMES }, required: true }, value: EXPR_REQ }, summary: 'set a register' },
  getreg: { args: { task: TASK_REQ, reg: { kind: { enum: REG_NAMES }, required: true } }, summary: 'read a register' },
  peek: { args: { task: TASK_REQ, addr: EXPR_REQ, len: EXPR }, summary: 'read 1, 2, 4 or 8 bytes of the task\'s memory (PTRACE_PEEKDATA)' },
  poke: { args: { task: TASK_REQ, addr: EXPR_REQ, len: EXPR, value: EXPR_REQ }, summary: 'write 1, 2, 4 or 8 bytes (PTRACE_POKEDATA)' },
  kill: { args: { task: TASK_REQ }, scalar: 'task', summary: 'SIGKILL the task' },
};
