// The system call table: number -> name and handler, built from the subsystems. A number with no
// handler is ENOSYS, as Linux answers for a call it does not have.
import { E } from '../errno';
import { fail, type SyscallContext, type SyscallDef, type SyscallHandler } from './context';
import { FILE_EXTRA_SYSCALLS } from './file-extras';
import { FILE_SYSCALLS } from './files';
import { EVENT_SYSCALLS } from './events';
import { IDENTITY_SYSCALLS } from './identity';
import { MEMORY_SYSCALLS } from './memory';
import { PERF_SYSCALLS } from './perf';
import { POLL_SYSCALLS } from './poll';
import { PROCESS_SYSCALLS } from './process';
import { PTRACE_SYSCALLS } from './ptrace';
import { SCHED_SYSCALLS } from './sched';
import { SIGNAL_SYSCALLS } from './signals';
import { SOCKET_SYSCALLS } from './sockets';
import { SYSV_IPC_SYSCALLS } from './sysv-ipc';
import { TIME_SYSCALLS } from './time';

export interface SyscallEntry {
  name: string;
  handler: SyscallHandler;
}

const TABLE: (SyscallEntry | undefined)[] = [];
for (const group of [
  FILE_SYSCALLS,
  FILE_EXTRA_SYSCALLS,
  MEMORY_SYSCALLS,
  TIME_SYSCALLS,
  IDENTITY_SYSCALLS,
  SIGNAL_SYSCALLS,
  PROCESS_SYSCALLS,
  PTRACE_SYSCALLS,
  PERF_SYSCALLS,
  POLL_SYSCALLS,
  SOCKET_SYSCALLS,
  SCHED_SYSCALLS,
  SYSV_IPC_SYSCALLS,
  EVENT_SYSCALLS,
] as readonly (readonly SyscallDef[])[]) {
  for (const [nr, name, handler] of group) {
    if (TABLE[nr]) throw new Error(`system call ${nr} (${name}) is defined twice (also ${TABLE[nr]!.name})`);
    TABLE[nr] = { name, handler };
  }
}

/** The system call's name, for logs and messages (undefined when the machine does not model it). */
export function syscallName(nr: number): string | undefined {
  return TABLE[nr]?.name;
}

/** Runs system call `nr`: the value for r3 (a result, or -errno). */
export function dispatchSyscall(nr: bigint, ctx: SyscallContext): bigint {
  const e = nr >= 0n && nr < BigInt(TABLE.length) ? TABLE[Number(nr)] : undefined;
  return e ? e.handler(ctx) : fail(E.ENOSYS);
}
