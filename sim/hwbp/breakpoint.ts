// One hardware breakpoint: a perf_event of type PERF_TYPE_BREAKPOINT (SEMANTICS.md §1.1).
// ptrace watchpoints and perf counters are both this; the owner tells them apart (is_ptrace_bp).

/** Generic bp_type bits (attr.bp_type) */
export const HW_BREAKPOINT_EMPTY = 0;
export const HW_BREAKPOINT_R = 1;
export const HW_BREAKPOINT_W = 2;
export const HW_BREAKPOINT_RW = 3;
export const HW_BREAKPOINT_X = 4;
export const HW_BREAKPOINT_INVALID = 7;

/** Arch type bits (HW_BRK_TYPE_*) */
export const HW_BRK_TYPE_READ = 0x01;
export const HW_BRK_TYPE_WRITE = 0x02;
export const HW_BRK_TYPE_TRANSLATE = 0x04;
export const HW_BRK_TYPE_USER = 0x08;
export const HW_BRK_TYPE_KERNEL = 0x10;
export const HW_BRK_TYPE_HYP = 0x20;
export const HW_BRK_TYPE_EXTRANEOUS_IRQ = 0x80;
export const HW_BRK_TYPE_RDWR = 0x03;
export const HW_BRK_TYPE_DABR = 0x07;
export const HW_BRK_TYPE_PRIV_ALL = 0x38;

export const HW_BREAKPOINT_SIZE = 8;
export const HW_BREAKPOINT_SIZE_QUADWORD = 16;

/** PAGE_OFFSET: addresses at or above are kernel addresses (is_kernel_addr). */
export const PAGE_OFFSET = 0xc000000000000000n;
/** TASK_SIZE for a 64-bit user process (4 PB on Book3S-64 with 64K pages; any user address below). */
export const TASK_SIZE = 0x0010000000000000n;

export type Owner = 'ptrace' | 'perf';

/** perf_event_attr fields that matter here. */
export interface BreakpointAttr {
  bpAddr: bigint; // exactly as the user gave it, not aligned
  bpLen: bigint; // u64 in the attr; the arch copy truncates to u16
  bpType: number; // generic bits
  excludeUser: boolean;
  excludeKernel: boolean;
  excludeHv: boolean;
  pinned: boolean;
  disabled: boolean;
}

/** struct arch_hw_breakpoint */
export interface ArchHwBreakpoint {
  address: bigint; // = bp_addr, not aligned
  len: number; // u16
  hwLen: number; // multiple of 8
  type: number; // HW_BRK_TYPE_* bits
  /** POST only: a single-step is pending for this breakpoint (count after execute) */
  perfSingleStep: boolean;
}

/** perf event state as far as this subsystem needs it */
export type EventState = 'active' | 'inactive' | 'off' | 'error' | 'dead';

export interface Breakpoint {
  /** `ptrace:TASK:HANDLE` or `perf:ID`: the name decisions and the panel use */
  name: string;
  owner: Owner;
  attr: BreakpointAttr;
  info: ArchHwBreakpoint;
  /** pid of the target task, or undefined for a per-CPU event */
  target: number | undefined;
  /** -1 for per-task, >= 0 for per-CPU or task-on-CPU */
  cpu: number;
  /** event count (perf_bp_event increments it) */
  count: number;
  /** OFF after a ptrace one-shot disable, an async disable, or ioctl disable */
  state: EventState;
  /** the process that made it (ptrace or perf_event_open as a system call); absent when the external
   * tracer did (a scenario's script, the debugger) */
  by?: BreakpointCreator;
}

/** A process of the machine that created a breakpoint. */
export interface BreakpointCreator {
  pid: number;
  name: string;
}

export function isPtrace(bp: Breakpoint): boolean {
  return bp.owner === 'ptrace';
}

export function alignDown(x: bigint, a: bigint): bigint {
  return x - (((x % a) + a) % a);
}
export function alignUp(x: bigint, a: bigint): bigint {
  return alignDown(x + a - 1n, a);
}

/** The hardware range [start, start + hwLen): whole doublewords. */
export function hwRange(bp: Breakpoint): { start: bigint; end: bigint } {
  const start = alignDown(bp.info.address, BigInt(HW_BREAKPOINT_SIZE));
  return { start, end: start + BigInt(bp.info.hwLen) };
}

/** The user range [address, address + len). */
export function userRange(bp: Breakpoint): { start: bigint; end: bigint } {
  return { start: bp.info.address, end: bp.info.address + BigInt(bp.info.len) };
}
