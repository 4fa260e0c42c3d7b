// Signal system calls: handlers and masks (rt_sigaction, rt_sigprocmask), sending (kill, tkill,
// tgkill) and returning from a handler (rt_sigreturn), as the machine's signal delivery implements
// them (sim/machine/signal-delivery.ts).
import { E } from '../errno';
import { type AltStackValue, fail, type SigActionValue, type SyscallContext, type SyscallDef } from './context';

/** sizeof(struct sigaction) on ppc64 */
export const SIGACTION_SIZE = 32;
/** sizeof(sigset_t) on ppc64, the only sigsetsize rt_sigaction and rt_sigprocmask accept */
export const SIGSET_SIZE = 8n;

const int = (v: bigint) => Number(BigInt.asIntN(32, v));

function le64(bytes: Uint8Array, off: number): bigint {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getBigUint64(off, true);
}
function put64(out: Uint8Array, off: number, v: bigint): void {
  new DataView(out.buffer, out.byteOffset, out.byteLength).setBigUint64(off, BigInt.asUintN(64, v), true);
}

/** rt_sigaction(sig, act, oact, sigsetsize): act is read before the change, oact written after. */
function sysRtSigaction(ctx: SyscallContext): bigint {
  const sig = ctx.signals;
  if (!sig) return fail(E.ENOSYS);
  const signo = int(ctx.arg(0));
  const actPtr = ctx.arg(1);
  const oactPtr = ctx.arg(2);
  if (ctx.arg(3) !== SIGSET_SIZE) return fail(E.EINVAL);
  let act: SigActionValue | undefined;
  if (actPtr !== 0n) {
    const b = ctx.copyFromUser(actPtr, SIGACTION_SIZE);
    if (!b) return fail(E.EFAULT);
    act = { handler: le64(b, 0), flags: le64(b, 8), restorer: le64(b, 16), mask: le64(b, 24) };
  }
  const r = sig.sigaction(signo, act);
  if (!r.ok) return fail(r.errno);
  if (oactPtr !== 0n) {
    const out = new Uint8Array(SIGACTION_SIZE);
    put64(out, 0, r.value.handler);
    put64(out, 8, r.value.flags);
    put64(out, 16, r.value.restorer);
    put64(out, 24, r.value.mask);
    if (!ctx.copyToUser(oactPtr, out)) return fail(E.EFAULT);
  }
  return 0n;
}

/** rt_sigprocmask(how, set, oset, sigsetsize) */
function sysRtSigprocmask(ctx: SyscallContext): bigint {
  const sig = ctx.signals;
  if (!sig) return fail(E.ENOSYS);
  const how = int(ctx.arg(0));
  const setPtr = ctx.arg(1);
  const osetPtr = ctx.arg(2);
  if (ctx.arg(3) !== SIGSET_SIZE) return fail(E.EINVAL);
  let set: bigint | undefined;
  if (setPtr !== 0n) {
    const b = ctx.copyFromUser(setPtr, 8);
    if (!b) return fail(E.EFAULT);
    set = le64(b, 0);
  }
  const r = sig.sigprocmask(how, set);
  if (!r.ok) return fail(r.errno);
  if (osetPtr !== 0n) {
    const out = new Uint8Array(8);
    put64(out, 0, r.value);
    if (!ctx.copyToUser(osetPtr, out)) return fail(E.EFAULT);
  }
  return 0n;
}

function sysKill(ctx: SyscallContext): bigint {
  if (!ctx.signals) return fail(E.ENOSYS);
  return fail(ctx.signals.kill({ kind: 'kill', pid: int(ctx.arg(0)), signo: int(ctx.arg(1)) }));
}
function sysTkill(ctx: SyscallContext): bigint {
  if (!ctx.signals) return fail(E.ENOSYS);
  return fail(ctx.signals.kill({ kind: 'tkill', tid: int(ctx.arg(0)), signo: int(ctx.arg(1)) }));
}
function sysTgkill(ctx: SyscallContext): bigint {
  if (!ctx.signals) return fail(E.ENOSYS);
  return fail(
    ctx.signals.kill({ kind: 'tgkill', tgid: int(ctx.arg(0)), tid: int(ctx.arg(1)), signo: int(ctx.arg(2)) }),
  );
}

function sysRtSigreturn(ctx: SyscallContext): bigint {
  if (!ctx.signals) return fail(E.ENOSYS);
  ctx.signals.sigreturn();
  ctx.keepRegisters();
  return 0n;
}

/** rt_sigpending(set, sigsetsize) */
function sysRtSigpending(ctx: SyscallContext): bigint {
  if (!ctx.signals) return fail(E.ENOSYS);
  if (ctx.arg(1) > SIGSET_SIZE) return fail(E.EINVAL);
  const out = new Uint8Array(8);
  put64(out, 0, ctx.signals.pending());
  return ctx.copyToUser(ctx.arg(0), out.subarray(0, Number(ctx.arg(1)))) ? 0n : fail(E.EFAULT);
}

/** the signals that can be neither blocked nor waited for */
const KILL_STOP = (1n << 8n) | (1n << 18n);

/** rt_sigsuspend(mask, sigsetsize): sleeps with `mask` blocked until a signal is delivered; the old
 * mask comes back after the handler (or at once when none runs, and the call is restarted). */
function sysRtSigsuspend(ctx: SyscallContext): bigint {
  const sig = ctx.signals;
  if (!sig || !ctx.block) return fail(E.ENOSYS);
  if (ctx.arg(1) !== SIGSET_SIZE) return fail(E.EINVAL);
  if (!ctx.resumed) {
    const b = ctx.copyFromUser(ctx.arg(0), 8);
    if (!b) return fail(E.EFAULT);
    sig.suspendMask(le64(b, 0) & ~KILL_STOP);
  }
  if (ctx.signalPending?.()) return fail(E.ERESTARTNOHAND);
  return ctx.block({ why: 'sigsuspend', data: {} });
}

/** rt_sigtimedwait(set, info, timeout, sigsetsize): takes a pending signal of `set` (blocked or not)
 * without running its handler; EAGAIN when the timeout passes, EINTR when another signal comes. */
function sysRtSigtimedwait(ctx: SyscallContext): bigint {
  const sig = ctx.signals;
  if (!sig) return fail(E.ENOSYS);
  if (ctx.arg(3) !== SIGSET_SIZE) return fail(E.EINVAL);
  const b = ctx.copyFromUser(ctx.arg(0), 8);
  if (!b) return fail(E.EFAULT);
  const set = le64(b, 0) & ~KILL_STOP;
  const c = ctx.kernel.clock;
  let deadline = (ctx.resumed?.data as { deadline?: bigint } | undefined)?.deadline;
  if (!ctx.resumed && ctx.arg(2) !== 0n) {
    const t = ctx.copyFromUser(ctx.arg(2), 16);
    if (!t) return fail(E.EFAULT);
    const dv = new DataView(t.buffer, t.byteOffset, 16);
    const s = dv.getBigInt64(0, true);
    const ns = dv.getBigInt64(8, true);
    if (s < 0n || ns < 0n || ns >= 1_000_000_000n) return fail(E.EINVAL);
    deadline = c.monotonicNs() + s * 1_000_000_000n + ns;
  }
  const got = sig.dequeue(set);
  if (got) {
    if (ctx.arg(1) !== 0n) {
      const out = new Uint8Array(128);
      const dv = new DataView(out.buffer);
      dv.setInt32(0, got.signo, true);
      dv.setInt32(8, got.siCode, true);
      if (got.pid !== undefined) dv.setInt32(16, got.pid, true);
      else dv.setBigUint64(16, BigInt.asUintN(64, got.siAddr), true);
      if (got.value !== undefined) dv.setBigUint64(24, BigInt.asUintN(64, got.value), true);
      if (!ctx.copyToUser(ctx.arg(1), out)) return fail(E.EFAULT);
    }
    return BigInt(got.signo);
  }
  if (deadline !== undefined && c.monotonicNs() >= deadline) return fail(E.EAGAIN);
  if (ctx.resumed && ctx.signalPending?.()) return fail(E.EINTR);
  if (!ctx.block) return fail(E.EAGAIN);
  return ctx.block({ why: 'sigtimedwait', deadlineNs: deadline, wakeMask: set, data: { deadline } });
}

/** sizeof(stack_t) on ppc64 */
export const STACK_T_SIZE = 24;

/** sigaltstack(uss, uoss): the new stack is read first (EFAULT before any change), the old one written after. */
function sysSigaltstack(ctx: SyscallContext): bigint {
  const sig = ctx.signals;
  if (!sig) return fail(E.ENOSYS);
  let ss: AltStackValue | undefined;
  if (ctx.arg(0) !== 0n) {
    const b = ctx.copyFromUser(ctx.arg(0), STACK_T_SIZE);
    if (!b) return fail(E.EFAULT);
    const dv = new DataView(b.buffer, b.byteOffset, b.byteLength);
    ss = { sp: dv.getBigUint64(0, true), flags: dv.getInt32(8, true) >>> 0, size: dv.getBigUint64(16, true) };
  }
  const r = sig.sigaltstack(ss);
  if (!r.ok) return fail(r.errno);
  if (ctx.arg(1) !== 0n) {
    const out = new Uint8Array(STACK_T_SIZE);
    const dv = new DataView(out.buffer);
    dv.setBigUint64(0, r.value.sp, true);
    dv.setInt32(8, r.value.flags | 0, true);
    dv.setBigUint64(16, r.value.size, true);
    if (!ctx.copyToUser(ctx.arg(1), out)) return fail(E.EFAULT);
  }
  return 0n;
}

/** rt_sigqueueinfo(tgid, sig, uinfo) and rt_tgsigqueueinfo(tgid, tid, sig, uinfo): si_code at +8,
 * si_pid at +16, si_value at +24 of the caller's siginfo. */
function sigqueue(ctx: SyscallContext, tgid: number, tid: number | undefined, signo: number, uinfo: bigint): bigint {
  if (!ctx.signals) return fail(E.ENOSYS);
  const b = ctx.copyFromUser(uinfo, 128);
  if (!b) return fail(E.EFAULT);
  const dv = new DataView(b.buffer, b.byteOffset, b.byteLength);
  return fail(
    ctx.signals.queue({
      tgid,
      tid,
      signo,
      siCode: dv.getInt32(8, true),
      pid: dv.getInt32(16, true),
      value: dv.getBigUint64(24, true),
    }),
  );
}
const sysRtSigqueueinfo = (ctx: SyscallContext) =>
  sigqueue(ctx, int(ctx.arg(0)), undefined, int(ctx.arg(1)), ctx.arg(2));
const sysRtTgsigqueueinfo = (ctx: SyscallContext) =>
  sigqueue(ctx, int(ctx.arg(0)), int(ctx.arg(1)), int(ctx.arg(2)), ctx.arg(3));

export const SIGNAL_SYSCALLS: readonly SyscallDef[] = [
  [176, 'rt_sigtimedwait', sysRtSigtimedwait],
  [177, 'rt_sigqueueinfo', sysRtSigqueueinfo],
  [322, 'rt_tgsigqueueinfo', sysRtTgsigqueueinfo],
  [178, 'rt_sigsuspend', sysRtSigsuspend],
  [37, 'kill', sysKill],
  [172, 'rt_sigreturn', sysRtSigreturn],
  [185, 'sigaltstack', sysSigaltstack],
  [173, 'rt_sigaction', sysRtSigaction],
  [174, 'rt_sigprocmask', sysRtSigprocmask],
  [175, 'rt_sigpending', sysRtSigpending],
  [208, 'tkill', sysTkill],
  [250, 'tgkill', sysTgkill],
];
