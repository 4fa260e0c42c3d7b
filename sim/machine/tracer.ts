// The calls a tracer makes: ptrace (resume, registers, memory, the powerpc hw-debug requests) and
// perf_event_open with its fd operations. The scenario runner and the debug adapter both drive the
// machine through this one surface, so a scenario and a debugging session take the same decisions.
//
// A tracer is either the external one (a scenario's script, the debugger: no `caller`) or a process
// of the machine making the ptrace and perf_event_open system calls (`caller`, the tracing task;
// sim/machine/guest-ptrace.ts maps the system calls onto these methods). Both go through the same
// methods, so the same call takes the same decision; only who may make it differs, as Linux's
// ptrace_check_attach decides: a process acts on the tasks it traces, while they are in a ptrace stop.
import type { Decision } from '../decision';
import type { SysResult } from '../hwbp/errno';
import type { BreakpointCreator } from '../hwbp/breakpoint';
import type { PerfFile } from '../hwbp/perf-event';
import { MODE_BY_NAME, TRIGGER_BY_NAME, type PpcDebugInfo, type PpcHwBreakpoint } from '../hwbp/ptrace-hwdebug';
import type { PerfBpType } from '../hwbp/perf-event';
import type { PtraceRegs, PtraceSiginfo } from '../os/syscalls/ptrace-calls';
import type { ThreadState } from '../cpu/thread-state';
import { MSR_SE } from '../cpu/thread-state';
import type { Machine } from './machine';
import { getRegister, setRegister } from './registers-by-name';
import { PTRACE_EVENT, PTRACE_O } from './processes';
import { TaskSignals } from './signal-state';
import { SI_CODES, SIGNALS, signalName, signalNumber, type PendingSignal } from './signals';
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

/** Who makes a call: the external tracer (undefined) or a process of the machine. */
export type Caller = Task | undefined;

export interface PerfOpenRequest {
  /** the event's name (`perf:NAME` in decisions and the panel) */
  name: string;
  /** the target task; absent for a per-CPU event */
  task?: Task;
  /** -1 per task; >= 0 per CPU or task on CPU */
  cpu: number;
  addr: bigint;
  len: bigint;
  type: PerfBpType | number;
  excludeUser?: boolean;
  excludeKernel?: boolean;
  excludeHv?: boolean;
  disabled?: boolean;
  pinned?: boolean;
}

export interface HwDebugRequest {
  version: number;
  trigger: keyof typeof TRIGGER_BY_NAME;
  mode: keyof typeof MODE_BY_NAME;
  addr: bigint;
  addr2: bigint;
  conditionMode?: number;
}

/** MSR bits a tracer may change through the registers (MSR_DEBUGCHANGE: SE and BE) */
const MSR_DEBUGCHANGE = MSR_SE | (1n << 9n);

export class Tracer {
  constructor(readonly machine: Machine) {}

  private get hw() {
    return this.machine.hw;
  }

  private static creator(caller: Caller): BreakpointCreator | undefined {
    return caller ? { pid: caller.pid, name: caller.name } : undefined;
  }

  /**
   * ptrace requests other than resume/kill need the tracee in a ptrace-stop (else ESRCH). A process
   * may act only on a task it traces (ptrace_check_attach; `ignoreState` for PTRACE_KILL, INTERRUPT
   * and LISTEN, which do not need the stop).
   */
  private stopped(t: Task, caller?: Caller, ignoreState = false): CallFailure | undefined {
    if (caller === undefined) {
      if (t.state === 'stopped') return undefined;
      return fail(
        'ESRCH',
        `task ${t.name} (pid ${t.pid}) is ${t.state === 'running' ? 'running, not stopped' : t.state}`,
      );
    }
    if (t.guestTracer !== caller || t.reaped)
      return fail('ESRCH', `pid ${t.pid} is not traced by pid ${caller.pid} (${caller.name})`);
    if (ignoreState) return undefined;
    if (t.state !== 'stopped' || t.stopKind !== 'ptrace')
      return fail('ESRCH', `pid ${t.pid} (${t.name}) is ${t.alive ? 'running, not in a ptrace stop' : t.state}`);
    return undefined;
  }

  /** ptrace_check_attach for a process's requests (the syscall checks it before the request itself) */
  checkAttach(t: Task, caller: Task, ignoreState: boolean): CallResult {
    return this.stopped(t, caller, ignoreState) ?? { ok: true };
  }

  private alive(t: Task): CallFailure | undefined {
    if (t.alive) return undefined;
    return fail('ESRCH', `task ${t.name} (pid ${t.pid}) has ${t.state}`);
  }

  // ---- perf_event_open and its fd operations ----

  perfOpen(r: PerfOpenRequest): CallResult<{ fd: number }> {
    if (r.task && !r.task.alive) return fail('ESRCH', `task ${r.task.name} has ${r.task.state}`);
    if (r.cpu >= this.machine.config.cpus || r.cpu < -1)
      return fail('EINVAL', `CPU ${r.cpu} does not exist (the machine has ${this.machine.config.cpus})`);
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

  /**
   * perf_event_open made by a process: the same checks and creation as perfOpen, the event named
   * `perf:ID` with ID `pidP:fdN` and numbered by the fd it will have in the caller's table.
   */
  perfOpenFor(by: BreakpointCreator, r: PerfOpenRequest, fd: number): CallResult<{ file: PerfFile }> {
    if (r.task && !r.task.alive) return fail('ESRCH', `task ${r.task.name} has ${r.task.state}`);
    if (r.cpu >= this.machine.config.cpus || r.cpu < -1)
      return fail('EINVAL', `CPU ${r.cpu} does not exist (the machine has ${this.machine.config.cpus})`);
    if (!r.task && r.cpu < 0) return fail('EINVAL', 'a per-CPU event needs a CPU (pid -1 with cpu -1 is invalid)');
    const res = this.hw.perfOpenEvent(
      {
        pid: r.task?.pid,
        cpu: r.cpu,
        addr: r.addr,
        len: r.len,
        type: r.type,
        excludeUser: r.excludeUser,
        excludeKernel: r.excludeKernel,
        excludeHv: r.excludeHv,
        disabled: r.disabled,
        pinned: r.pinned,
        by,
      },
      r.name,
      fd,
    );
    return from(res, (file) => ({ file }));
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

  setHwDebug(t: Task, r: HwDebugRequest, caller?: Caller): CallResult<{ handle: number }> {
    return this.setHwDebugRaw(
      t,
      {
        version: r.version,
        triggerType: TRIGGER_BY_NAME[r.trigger],
        addrMode: MODE_BY_NAME[r.mode],
        conditionMode: r.conditionMode ?? 0,
        addr: r.addr,
        addr2: r.addr2,
      },
      caller,
    );
  }

  /** PPC_PTRACE_SETHWDEBUG with struct ppc_hw_breakpoint's numbers as they are. */
  setHwDebugRaw(t: Task, info: PpcHwBreakpoint, caller?: Caller): CallResult<{ handle: number }> {
    const e = this.stopped(t, caller);
    if (e) return e;
    return from(this.hw.setHwdebug(t.pid, info, Tracer.creator(caller)), (handle) => ({ handle }));
  }

  delHwDebug(t: Task, handle: number, caller?: Caller): CallResult {
    const e = this.stopped(t, caller);
    if (e) return e;
    return from(this.hw.delHwdebug(t.pid, handle), () => ({}));
  }

  setDebugreg(t: Task, value: bigint, caller?: Caller, index = 0): CallResult {
    const e = this.stopped(t, caller);
    if (e) return e;
    return from(this.hw.setDebugreg(t.pid, value, index, Tracer.creator(caller)), () => ({}));
  }

  getDebugreg(t: Task, caller?: Caller, index = 0): CallResult<{ value: bigint }> {
    const e = this.stopped(t, caller);
    if (e) return e;
    return from(this.hw.getDebugreg(t.pid, index), (value) => ({ value }));
  }

  getHwDbgInfo(t: Task, caller?: Caller): CallResult<{ info: PpcDebugInfo }> {
    const e = this.stopped(t, caller);
    if (e) return e;
    return from(this.hw.getHwdbgInfo(t.pid), (info) => ({ info }));
  }

  // ---- resume ----

  /**
   * PTRACE_CONT / PTRACE_SINGLESTEP without running the machine: the tracee is runnable again (a
   * process tracer's call; the external tracer's cont and singleStep also run until the next stop).
   */
  resume(t: Task, singleStep: boolean, signal?: string | number, caller?: Caller): CallResult {
    const e = this.stopped(t, caller) ?? this.badSignal(signal);
    if (e) return e;
    this.machine.resume(t, singleStep, resumeSignal(signal));
    return { ok: true };
  }

  /** PTRACE_CONT; `signal` is its data (absent or 0: the stop's signal is discarded). */
  cont(t: Task, maxSteps: number, signal?: string | number): CallResult<{ stop: StopInfo }> {
    const r = this.resume(t, false, signal);
    if (!r.ok) return r;
    return { ok: true, stop: this.machine.runUntilStop(t, maxSteps) };
  }

  /** PTRACE_SINGLESTEP; `signal` as for cont (a handler's first instruction is then a stop). */
  singleStep(t: Task, maxSteps: number, signal?: string | number): CallResult<{ stop: StopInfo }> {
    const r = this.resume(t, true, signal);
    if (!r.ok) return r;
    return { ok: true, stop: this.machine.runUntilStop(t, maxSteps) };
  }

  /** ptrace resume data must be a valid signal number (else EIO, as the kernel's valid_signal check). */
  private badSignal(signal: string | number | undefined): CallFailure | undefined {
    if (signal === undefined || signal === 0) return undefined;
    if (typeof signal === 'number' ? TaskSignals.valid(signal) : signalNumber(signal) !== undefined) return undefined;
    return fail('EIO', `"${signal}" is not a signal (1..64 or a name such as SIGUSR1)`);
  }

  /** PTRACE_KILL (a process tracer: of its tracee, stopped or not; a zombie: nothing to do). */
  kill(t: Task, caller?: Caller): CallResult {
    if (caller !== undefined) {
      const e = this.stopped(t, caller, true);
      if (e) return e;
      if (!t.alive) return { ok: true };
    }
    const e = this.alive(t);
    if (e) return e;
    this.machine.kill(t);
    return { ok: true };
  }

  // ---- becoming and ceasing to be a tracer (a process's calls) ----

  /** PTRACE_TRACEME: the caller's parent traces it. EPERM when it is traced already, or its parent is
   * not a process of the machine (a task started from outside has none that could trace it). */
  traceMe(caller: Task): CallResult {
    if (caller.traced) return fail('EPERM', `pid ${caller.pid} is traced already`);
    const parent = caller.parent;
    if (!parent || !parent.alive) return fail('EPERM', `pid ${caller.pid} has no parent in the machine to trace it`);
    caller.tracer = parent;
    return { ok: true };
  }

  /**
   * PTRACE_ATTACH (SIGSTOP sent, the tracer's wait sees the stop) and PTRACE_SEIZE (no stop; the
   * options set at once). EPERM for the caller itself, a zombie or a task traced already.
   */
  attach(t: Task, caller: Task, seize: boolean, options: number): CallResult {
    if (seize && (options & ~PTRACE_O.MASK) !== 0)
      return fail('EIO', `options 0x${options.toString(16)} are not PTRACE_O_* bits`);
    if (t === caller) return fail('EPERM', 'a process cannot trace itself');
    if (!t.alive || t.reaped) return fail('EPERM', `pid ${t.pid} has ${t.state}`);
    if (t.traced) return fail('EPERM', `pid ${t.pid} is traced already`);
    t.tracer = caller;
    t.seized = seize;
    t.ptraceOptions = seize ? options : 0;
    if (t.state === 'stopped' && t.stopKind === 'group') {
      // a group-stopped task becomes a traced stop at once (JOBCTL_TRAP_STOP): the tracer's wait sees it
      t.stopKind = 'ptrace';
      this.machine.processes.stopped(t, ((SIGNALS.SIGSTOP << 8) | 0x7f) >>> 0);
    } else if (!seize)
      this.machine.signals.send(t, SIGNALS.SIGSTOP, { signal: 'SIGSTOP', siCode: 'SI_KERNEL', siAddr: 0n });
    return { ok: true };
  }

  /**
   * The external tracer starts tracing a task nobody traces (a process a task forked): PTRACE_SEIZE
   * then PTRACE_INTERRUPT, and the machine runs until it stops (a task already stopped is traced in
   * that stop). EPERM when something traces it already.
   */
  attachExternal(t: Task, maxSteps: number): CallResult<{ stop: StopInfo }> {
    const e = this.alive(t);
    if (e) return e;
    if (t.traced)
      return fail(
        'EPERM',
        `task ${t.name} (pid ${t.pid}) is traced already${t.guestTracer ? ` by pid ${t.guestTracer.pid}` : ''}`,
      );
    t.tracer = 'external';
    t.seized = true;
    if (t.state === 'stopped') {
      t.stopKind = 'ptrace';
      t.stopReport = undefined;
      return { ok: true, stop: t.lastStop ?? { event: 'stopped', signal: 'SIGSTOP', pc: t.thread.pc } };
    }
    t.pendingPtraceEvent = PTRACE_EVENT.STOP;
    if (t.sleep) this.machine.wake(t);
    return { ok: true, stop: this.machine.runUntilStop(t, maxSteps) };
  }

  /** PTRACE_DETACH: tracing ends and the tracee resumes, with `signal` delivered. */
  detach(t: Task, caller: Task, signal?: number): CallResult {
    const e = this.stopped(t, caller) ?? this.badSignal(signal);
    if (e) return e;
    this.machine.processes.untrace(t, resumeSignal(signal));
    return { ok: true };
  }

  /** PTRACE_INTERRUPT (a seized tracee): a PTRACE_EVENT_STOP trap before it next returns to user mode. */
  interrupt(t: Task, caller: Task): CallResult {
    const e = this.stopped(t, caller, true);
    if (e) return e;
    if (!t.seized) return fail('EIO', `pid ${t.pid} was not attached with PTRACE_SEIZE`);
    if (t.state === 'stopped' || !t.alive) return { ok: true };
    t.pendingPtraceEvent = PTRACE_EVENT.STOP;
    if (t.sleep) this.machine.wake(t);
    return { ok: true };
  }

  /** PTRACE_LISTEN: only for a seized tracee in a group stop; it stays stopped (no job control here). */
  listen(t: Task, caller: Task): CallResult {
    const e = this.stopped(t, caller, true);
    if (e) return e;
    if (!t.seized) return fail('EIO', `pid ${t.pid} was not attached with PTRACE_SEIZE`);
    const si = t.lastSiginfo;
    if (t.state !== 'stopped' || !si || Number(si.siCode) >> 8 !== PTRACE_EVENT.STOP)
      return fail('EIO', `pid ${t.pid} is not in a group-stop event stop`);
    return { ok: true };
  }

  setOptions(t: Task, caller: Task, options: number): CallResult {
    const e = this.stopped(t, caller);
    if (e) return e;
    if (options < 0 || (options & ~PTRACE_O.MASK) !== 0)
      return fail('EINVAL', `options 0x${options.toString(16)} are not PTRACE_O_* bits`);
    t.ptraceOptions = options;
    return { ok: true };
  }

  getEventMsg(t: Task, caller: Task): CallResult<{ value: bigint }> {
    const e = this.stopped(t, caller);
    if (e) return e;
    return { ok: true, value: t.ptraceMsg };
  }

  /** PTRACE_GETSIGINFO: the siginfo of the signal (or event) the tracee stopped for; EINVAL if none. */
  getSiginfo(t: Task, caller?: Caller): CallResult<{ info: PtraceSiginfo }> {
    const e = this.stopped(t, caller);
    if (e) return e;
    const s = t.lastSiginfo;
    if (!s) return fail('EINVAL', `pid ${t.pid} stopped for no signal`);
    return { ok: true, info: siginfoOf(s) };
  }

  setSiginfo(t: Task, caller: Task, si: PtraceSiginfo): CallResult {
    const e = this.stopped(t, caller);
    if (e) return e;
    if (!t.lastSiginfo) return fail('EINVAL', `pid ${t.pid} stopped for no signal`);
    const code = Object.entries(SI_CODES).find(([, v]) => v === si.code)?.[0] ?? String(si.code);
    t.lastSiginfo = { signal: signalName(si.signo), siCode: code, siAddr: si.addr ?? 0n };
    return { ok: true };
  }

  // ---- registers and memory (PTRACE_GETREGS/SETREGS, PEEKDATA/POKEDATA) ----

  getReg(t: Task, reg: string, caller?: Caller): CallResult<{ value: bigint }> {
    const e = this.stopped(t, caller);
    if (e) return e;
    const v = getRegister(t.thread, reg);
    return v === undefined ? fail('EINVAL', `no register "${reg}"`) : { ok: true, value: v };
  }

  /** Setting the PC does not call thread_change_pc (SEMANTICS §6): PTRACE_SETREGS never did. */
  setReg(t: Task, reg: string, value: bigint, caller?: Caller): CallResult {
    const e = this.stopped(t, caller);
    if (e) return e;
    return setRegister(t.thread, reg, value) ? { ok: true } : fail('EINVAL', `no register "${reg}"`);
  }

  /** struct pt_regs as PTRACE_GETREGS gives it (softe is 1: interrupts on in user mode). */
  getRegs(t: Task, caller?: Caller): CallResult<{ regs: PtraceRegs }> {
    const e = this.stopped(t, caller);
    if (e) return e;
    const th = t.thread;
    const gpr: bigint[] = [];
    for (let i = 0; i < 32; i++) gpr.push(th.getGpr(i));
    return {
      ok: true,
      regs: {
        gpr,
        nip: th.pc,
        msr: th.msr,
        origGpr3: t.origGpr3,
        ctr: th.ctr,
        link: th.lr,
        xer: th.xer,
        ccr: BigInt(th.cr >>> 0),
        softe: 1n,
        trap: t.trap,
        dar: t.dar,
        dsisr: t.dsisr,
        result: 0n,
      },
    };
  }

  /** PTRACE_SETREGS (gpr_set): r0..r31, nip, ctr, link, xer, ccr and orig_gpr3 as given; of the MSR
   * only SE and BE; trap's low bits stay the kernel's; softe, dar, dsisr and result are ignored. */
  setRegs(t: Task, regs: PtraceRegs, caller?: Caller): CallResult {
    const e = this.stopped(t, caller);
    if (e) return e;
    const th = t.thread;
    for (let i = 0; i < 32; i++) th.setGpr(i, regs.gpr[i]);
    th.pc = regs.nip;
    th.msr = (th.msr & ~MSR_DEBUGCHANGE) | (regs.msr & MSR_DEBUGCHANGE);
    t.origGpr3 = regs.origGpr3;
    th.ctr = regs.ctr;
    th.lr = regs.link;
    th.xer = regs.xer;
    th.cr = Number(regs.ccr & 0xffffffffn);
    t.trap = (t.trap & 0xfn) | (regs.trap & 0xfff0n);
    return { ok: true };
  }

  /** the tracee's register state itself (PTRACE_GETFPREGS, GETVRREGS, GETVSRREGS and their sets) */
  thread(t: Task, caller?: Caller): CallResult<{ thread: ThreadState }> {
    const e = this.stopped(t, caller);
    if (e) return e;
    return { ok: true, thread: t.thread };
  }

  /** PTRACE_GETSIGMASK / SETSIGMASK: the blocked mask (before the change) */
  sigmask(t: Task, next: bigint | undefined, caller?: Caller): CallResult<{ value: bigint }> {
    const e = this.stopped(t, caller);
    if (e) return e;
    const old = t.sig.blocked;
    if (next !== undefined) t.sig.blocked = next & ~((1n << 8n) | (1n << 18n));
    return { ok: true, value: old };
  }

  peek(t: Task, addr: bigint, len: number, caller?: Caller): CallResult<{ value: bigint }> {
    const e = this.stopped(t, caller);
    if (e) return e;
    if (![1, 2, 4, 8].includes(len)) return fail('EINVAL', `length ${len}: peek reads 1, 2, 4 or 8 bytes`);
    const v = t.mem.read(addr, len as 1 | 2 | 4 | 8);
    return v === undefined
      ? fail('EIO', `address 0x${addr.toString(16)} is not mapped in ${t.name}`)
      : { ok: true, value: v };
  }

  /** PTRACE_POKEDATA writes through the tracee's page protections (as the kernel's access_process_vm does). */
  poke(t: Task, addr: bigint, len: number, value: bigint, caller?: Caller): CallResult {
    const e = this.stopped(t, caller);
    if (e) return e;
    if (![1, 2, 4, 8].includes(len)) return fail('EINVAL', `length ${len}: poke writes 1, 2, 4 or 8 bytes`);
    if (!t.mem.isMapped(addr, len)) return fail('EIO', `address 0x${addr.toString(16)} is not mapped in ${t.name}`);
    const bytes = new Uint8Array(len);
    let v = BigInt.asUintN(64, value);
    for (let i = 0; i < len; i++) {
      bytes[i] = Number(v & 0xffn);
      v >>= 8n;
    }
    return t.mem.writeBytesAs(addr, bytes, true)
      ? { ok: true }
      : fail('EIO', `cannot write 0x${addr.toString(16)} in ${t.name}`);
  }

  /**
   * A run of bytes written as a debugger writes /proc/pid/mem (access_process_vm: through page
   * protections): all of them, or with `partial` the mapped ones from the start. `written` bytes;
   * none written is EIO.
   */
  writeMemory(t: Task, addr: bigint, bytes: Uint8Array, partial: boolean): CallResult<{ written: number }> {
    const e = this.stopped(t);
    if (e) return e;
    if (t.mem.writeBytesAs(addr, bytes, true)) return { ok: true, written: bytes.length };
    let written = 0;
    const one = (k: number) => t.mem.writeBytesAs(addr + BigInt(k), bytes.subarray(k, k + 1), true);
    while (partial && written < bytes.length && one(written)) written++;
    if (written === 0 && bytes.length > 0) {
      return fail('EIO', `address 0x${addr.toString(16)} is not mapped in ${t.name}`);
    }
    return { ok: true, written };
  }

  /** The handler's decision that raised the task's last SIGTRAP TRAP_HWBKPT stop (its slots name
   * the breakpoints that hit); undefined for another stop, or once the bounded log dropped it. */
  stopDecision(t: Task): Decision | undefined {
    const s = t.lastStop;
    if (!s || s.event !== 'stopped' || s.si_code !== 'TRAP_HWBKPT') return undefined;
    const seq = t.lastSiginfo?.decision;
    return seq === undefined ? undefined : this.machine.log.get(seq);
  }
}

/** A pending signal's siginfo as PTRACE_GETSIGINFO gives it. */
export function siginfoOf(s: PendingSignal): PtraceSiginfo {
  const named = (SI_CODES as Record<string, number>)[s.siCode];
  const code = named ?? (Number.isFinite(Number(s.siCode)) ? Number(s.siCode) : 0);
  const signo = signalNumber(s.signal) ?? 0;
  if (s.pid !== undefined)
    return { signo, errno: 0, code, pid: s.pid, uid: 0, ...(s.status !== undefined ? { status: s.status } : {}) };
  return { signo, errno: 0, code, addr: s.siAddr };
}
