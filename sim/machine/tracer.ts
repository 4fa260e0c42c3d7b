// The calls a tracer makes: ptrace (resume, registers, memory, the powerpc hw-debug requests) and
// perf_event_open with its fd operations. The scenario runner and the debug adapter both drive the
// machine through this one surface, so a scenario and a debugging session take the same decisions.
import type { SysResult } from '../hwbp/errno';
import { MODE_BY_NAME, TRIGGER_BY_NAME, type PpcDebugInfo } from '../hwbp/ptrace-hwdebug';
import type { PerfBpType } from '../hwbp/perf-event';
import { getRegister, setRegister, type Machine } from './machine';
import { TaskSignals } from './signal-state';
import { signalName, signalNumber } from './signals';
import type { StopInfo, Task } from './task';

/** The resume data as a signal name (undefined for none). */
function resumeSignal(signal: string | number | undefined): string | undefined {
  if (signal === undefined || signal === 0) return undefined;
  return typeof signal === 'number' ? signalName(signal) : signalName(signalNumber(signal) ?? 0);
}

export type CallFailure = { ok: false; errno: string; message: string };
export type CallResult<T extends object = object> = ({ ok: true } & T) | CallFailure;

function fail(errno: string, message: string): CallFailure {
  return { ok: false, errno, message };
}

function from<T, R extends object>(r: SysResult<T>, f: (v: T) => R): CallResult<R> {
  return r.ok ? { ok: true, ...f(r.value) } : fail(r.errno, r.message);
}

export interface PerfOpenRequest {
  /** the event's name (`perf:NAME` in decisions and the panel) */
  name: string;
  /** the target task; absent for a per-CPU event */
  task?: Task;
  /** -1 per task; >= 0 per CPU or task on CPU */
  cpu: number;
  addr: bigint;
  len: bigint;
  type: PerfBpType;
  excludeUser?: boolean;
  excludeKernel?: boolean;
  excludeHv?: boolean;
  disabled?: boolean;
}

export interface HwDebugRequest {
  version: number;
  trigger: keyof typeof TRIGGER_BY_NAME;
  mode: keyof typeof MODE_BY_NAME;
  addr: bigint;
  addr2: bigint;
  conditionMode?: number;
}

export class Tracer {
  constructor(readonly machine: Machine) {}

  private get hw() {
    return this.machine.hw;
  }

  /** ptrace requests other than resume/kill need the tracee in a ptrace-stop (else ESRCH). */
  private stopped(t: Task): CallFailure | undefined {
    if (t.state === 'stopped') return undefined;
    return fail('ESRCH', `task ${t.name} (pid ${t.pid}) is ${t.state === 'running' ? 'running, not stopped' : t.state}`);
  }

  private alive(t: Task): CallFailure | undefined {
    if (t.alive) return undefined;
    return fail('ESRCH', `task ${t.name} (pid ${t.pid}) has ${t.state}`);
  }

  // ---- perf_event_open and its fd operations ----

  perfOpen(r: PerfOpenRequest): CallResult<{ fd: number }> {
    if (r.task && !r.task.alive) return fail('ESRCH', `task ${r.task.name} has ${r.task.state}`);
    if (r.cpu >= this.machine.config.cpus || r.cpu < -1) return fail('EINVAL', `CPU ${r.cpu} does not exist (the machine has ${this.machine.config.cpus})`);
    if (!r.task && r.cpu < 0) return fail('EINVAL', 'a per-CPU event needs a CPU (pid -1 with cpu -1 is invalid)');
    const res = this.hw.perfOpen({
      id: r.name,
      pid: r.task?.pid,
      cpu: r.cpu,
      addr: r.addr,
      len: r.len,
      type: r.type,
      excludeUser: r.excludeUser,
      excludeKernel: r.excludeKernel,
      excludeHv: r.excludeHv,
      disabled: r.disabled,
    });
    return from(res, (fd) => ({ fd }));
  }

  perfClose(fd: number): CallResult {
    return from(this.hw.perfClose(fd), () => ({}));
  }

  perfEnable(fd: number): CallResult {
    return from(this.hw.perfEnable(fd), () => ({}));
  }

  perfDisable(fd: number): CallResult {
    return from(this.hw.perfDisable(fd), () => ({}));
  }

  perfReset(fd: number): CallResult {
    return from(this.hw.perfReset(fd), () => ({}));
  }

  perfRead(fd: number): CallResult<{ count: number }> {
    return from(this.hw.perfRead(fd), (count) => ({ count }));
  }

  // ---- the powerpc hardware-debug ptrace requests ----

  setHwDebug(t: Task, r: HwDebugRequest): CallResult<{ handle: number }> {
    const e = this.stopped(t);
    if (e) return e;
    const res = this.hw.setHwdebug(t.pid, {
      version: r.version,
      triggerType: TRIGGER_BY_NAME[r.trigger],
      addrMode: MODE_BY_NAME[r.mode],
      conditionMode: r.conditionMode ?? 0,
      addr: r.addr,
      addr2: r.addr2,
    });
    return from(res, (handle) => ({ handle }));
  }

  delHwDebug(t: Task, handle: number): CallResult {
    const e = this.stopped(t);
    if (e) return e;
    return from(this.hw.delHwdebug(t.pid, handle), () => ({}));
  }

  setDebugreg(t: Task, value: bigint): CallResult {
    const e = this.stopped(t);
    if (e) return e;
    return from(this.hw.setDebugreg(t.pid, value), () => ({}));
  }

  getDebugreg(t: Task): CallResult<{ value: bigint }> {
    const e = this.stopped(t);
    if (e) return e;
    return from(this.hw.getDebugreg(t.pid), (value) => ({ value }));
  }

  getHwDbgInfo(t: Task): CallResult<{ info: PpcDebugInfo }> {
    const e = this.stopped(t);
    if (e) return e;
    return from(this.hw.getHwdbgInfo(t.pid), (info) => ({ info }));
  }

  // ---- resume ----

  /** PTRACE_CONT; `signal` is its data (absent or 0: the stop's signal is discarded). */
  cont(t: Task, maxSteps: number, signal?: string | number): CallResult<{ stop: StopInfo }> {
    const e = this.stopped(t) ?? this.badSignal(signal);
    if (e) return e;
    this.machine.resume(t, false, resumeSignal(signal));
    return { ok: true, stop: this.machine.runUntilStop(t, maxSteps) };
  }

  /** PTRACE_SINGLESTEP; `signal` as for cont (a handler's first instruction is then a stop). */
  singleStep(t: Task, maxSteps: number, signal?: string | number): CallResult<{ stop: StopInfo }> {
    const e = this.stopped(t) ?? this.badSignal(signal);
    if (e) return e;
    this.machine.resume(t, true, resumeSignal(signal));
    return { ok: true, stop: this.machine.runUntilStop(t, maxSteps) };
  }

  /** ptrace resume data must be a valid signal number (else EIO, as the kernel's valid_signal check). */
  private badSignal(signal: string | number | undefined): CallFailure | undefined {
    if (signal === undefined || signal === 0) return undefined;
    if (typeof signal === 'number' ? TaskSignals.valid(signal) : signalNumber(signal) !== undefined) return undefined;
    return fail('EIO', `"${signal}" is not a signal (1..64 or a name such as SIGUSR1)`);
  }

  kill(t: Task): CallResult {
    const e = this.alive(t);
    if (e) return e;
    this.machine.kill(t);
    return { ok: true };
  }

  // ---- registers and memory (PTRACE_GETREGS/SETREGS, PEEKDATA/POKEDATA) ----

  getReg(t: Task, reg: string): CallResult<{ value: bigint }> {
    const e = this.stopped(t);
    if (e) return e;
    const v = getRegister(t.thread, reg);
    return v === undefined ? fail('EINVAL', `no register "${reg}"`) : { ok: true, value: v };
  }

  /** Setting the PC does not call thread_change_pc (SEMANTICS §6): PTRACE_SETREGS never did. */
  setReg(t: Task, reg: string, value: bigint): CallResult {
    const e = this.stopped(t);
    if (e) return e;
    return setRegister(t.thread, reg, value) ? { ok: true } : fail('EINVAL', `no register "${reg}"`);
  }

  peek(t: Task, addr: bigint, len: number): CallResult<{ value: bigint }> {
    const e = this.stopped(t);
    if (e) return e;
    if (![1, 2, 4, 8].includes(len)) return fail('EINVAL', `length ${len}: peek reads 1, 2, 4 or 8 bytes`);
    const v = t.mem.read(addr, len as 1 | 2 | 4 | 8);
    return v === undefined ? fail('EIO', `address 0x${addr.toString(16)} is not mapped in ${t.name}`) : { ok: true, value: v };
  }

  /** PTRACE_POKEDATA writes through the tracee's page protections (as the kernel's access_process_vm does). */
  poke(t: Task, addr: bigint, len: number, value: bigint): CallResult {
    const e = this.stopped(t);
    if (e) return e;
    if (![1, 2, 4, 8].includes(len)) return fail('EINVAL', `length ${len}: poke writes 1, 2, 4 or 8 bytes`);
    if (!t.mem.isMapped(addr, len)) return fail('EIO', `address 0x${addr.toString(16)} is not mapped in ${t.name}`);
    const bytes = new Uint8Array(len);
    let v = BigInt.asUintN(64, value);
    for (let i = 0; i < len; i++) {
      bytes[i] = Number(v & 0xffn);
      v >>= 8n;
    }
    return t.mem.writeBytesAs(addr, bytes, true) ? { ok: true } : fail('EIO', `cannot write 0x${addr.toString(16)} in ${t.name}`);
  }
}
