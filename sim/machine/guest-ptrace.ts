// ptrace as a system call: the PtraceCalls of one calling process, made of the Tracer's calls with
// that process as the caller (so a guest tracer and a scenario's script take the same decisions),
// their errno names turned into numbers.
import { E, type ErrnoName } from '../os/errno';
import type { SyscallValue } from '../os/syscalls/context';
import type { PtraceCalls } from '../os/syscalls/ptrace-calls';
import type { Machine } from './machine';
import type { Task } from './task';
import type { CallResult, Tracer } from './tracer';

function errnoOf(name: string): number {
  return (E as Record<string, number>)[name as ErrnoName] ?? E.EINVAL;
}

function num(r: CallResult): number {
  return r.ok ? 0 : -errnoOf(r.errno);
}

function val<T, R extends object>(r: CallResult<R>, f: (v: R) => T): SyscallValue<T> {
  return r.ok ? { ok: true, value: f(r) } : { ok: false, errno: errnoOf(r.errno) };
}

export function ptraceCalls(m: Machine, tracer: Tracer, caller: Task): PtraceCalls {
  const task = (pid: number): Task | undefined => m.tasks.find((t) => t.pid === pid && !t.reaped);
  const ESRCH = { ok: false as const, errno: E.ESRCH };
  /** the tracee, or -ESRCH (sys_ptrace looks the pid up before anything else) */
  const on = <T>(pid: number, f: (t: Task) => T, none: T): T => {
    const t = task(pid);
    return t ? f(t) : none;
  };
  return {
    traceme: () => num(tracer.traceMe(caller)),
    attach: (pid, seize, options) => on(pid, (t) => num(tracer.attach(t, caller, seize, options)), -E.ESRCH),
    check: (pid, ignoreState) => on(pid, (t) => num(tracer.checkAttach(t, caller, ignoreState)), -E.ESRCH),
    resume: (pid, how, signo) =>
      on(
        pid,
        (t) => {
          // PTRACE_SYSCALL and PTRACE_SINGLEBLOCK (branch tracing) are not modelled
          if (how === 'syscall' || how === 'singleblock') return -E.EIO;
          return num(tracer.resume(t, how === 'singlestep', signo, caller));
        },
        -E.ESRCH,
      ),
    detach: (pid, signo) => on(pid, (t) => num(tracer.detach(t, caller, signo)), -E.ESRCH),
    kill: (pid) => on(pid, (t) => num(tracer.kill(t, caller)), -E.ESRCH),
    interrupt: (pid) => on(pid, (t) => num(tracer.interrupt(t, caller)), -E.ESRCH),
    listen: (pid) => on(pid, (t) => num(tracer.listen(t, caller)), -E.ESRCH),
    setOptions: (pid, options) => on(pid, (t) => num(tracer.setOptions(t, caller, options)), -E.ESRCH),
    getEventMsg: (pid) => on(pid, (t) => val(tracer.getEventMsg(t, caller), (r) => r.value), ESRCH),
    getRegs: (pid) => on(pid, (t) => val(tracer.getRegs(t, caller), (r) => r.regs), ESRCH),
    setRegs: (pid, regs) => on(pid, (t) => num(tracer.setRegs(t, regs, caller)), -E.ESRCH),
    thread: (pid) => on(pid, (t) => val(tracer.thread(t, caller), (r) => r.thread), ESRCH),
    sigmask: (pid, next) => on(pid, (t) => val(tracer.sigmask(t, next, caller), (r) => r.value), ESRCH),
    peek: (pid, addr) => on(pid, (t) => val(tracer.peek(t, addr, 8, caller), (r) => r.value), ESRCH),
    poke: (pid, addr, value) => on(pid, (t) => num(tracer.poke(t, addr, 8, value, caller)), -E.ESRCH),
    getSiginfo: (pid) => on(pid, (t) => val(tracer.getSiginfo(t, caller), (r) => r.info), ESRCH),
    setSiginfo: (pid, si) => on(pid, (t) => num(tracer.setSiginfo(t, caller, si)), -E.ESRCH),
    getHwDbgInfo: (pid) =>
      on(
        pid,
        (t) =>
          val(tracer.getHwDbgInfo(t, caller), ({ info: i }) => ({
            version: i.version,
            numInstructionBps: i.num_instruction_bps,
            numDataBps: i.num_data_bps,
            numConditionRegs: i.num_condition_regs,
            dataBpAlignment: i.data_bp_alignment,
            sizeofCondition: i.sizeof_condition,
            features: BigInt(i.features),
          })),
        ESRCH,
      ),
    setHwDebug: (pid, bp) =>
      on(
        pid,
        (t) => {
          const r = tracer.setHwDebugRaw(
            t,
            {
              version: bp.version,
              triggerType: bp.triggerType,
              addrMode: bp.addrMode,
              conditionMode: bp.conditionMode,
              addr: bp.addr,
              addr2: bp.addr2,
              conditionValue: bp.conditionValue,
            },
            caller,
          );
          return r.ok ? r.handle : -errnoOf(r.errno);
        },
        -E.ESRCH,
      ),
    delHwDebug: (pid, handle) => on(pid, (t) => num(tracer.delHwDebug(t, handle, caller)), -E.ESRCH),
    getDebugreg: (pid, index) => on(pid, (t) => val(tracer.getDebugreg(t, caller, index), (r) => r.value), ESRCH),
    setDebugreg: (pid, index, value) => on(pid, (t) => num(tracer.setDebugreg(t, value, caller, index)), -E.ESRCH),
  };
}
