// The signal frame handle_rt_signal64 builds on the user stack, and the vdso trampoline a handler
// returns through (arch/powerpc/kernel/signal_64.c, vdso64/sigtramp.S).
//
// Simplified, but self-consistent (what a handler can observe is laid out as on ppc64):
// * The frame is RT_SIGFRAME_SIZE bytes below the interrupted r1 (16-byte aligned), and the handler's
//   r1 is __SIGNAL_FRAMESIZE (128) below the frame, with the back chain (the old r1) stored there.
// * Inside the frame, struct ucontext comes first: uc_sigmask at +40 and uc_mcontext (struct
//   sigcontext) at +168 with signal, handler, oldmask, the regs pointer and gp_regs[48] in pt_regs
//   order (r0..r31, nip, msr, orig_r3, ctr, link, xer, ccr, ...). siginfo (si_signo, si_errno,
//   si_code, then si_addr or si_pid/si_uid) is at SIGINFO_OFFSET; pinfo/puc point at it and at uc.
// * fp_regs, v_regs and the VMX/VSX area are left zero: the full register state (FP/VSX included)
//   is kept in the kernel (TaskSignals.frames). rt_sigreturn takes it from there, then applies the
//   frame's gp_regs, nip, ctr, link, xer, ccr and uc_sigmask, so a handler that edits its ucontext
//   (e.g. moves the nip) is obeyed as on Linux. The MSR is not taken from the frame (only its LE
//   bit is, and user processes here are always little-endian), so MSR_SE is not restored either.
// * The kernel writes the frame with __put_user, which are kernel-mode accesses a DAWR could match;
//   here the frame is written and read without matching watchpoints.
// * RT_SIGFRAME_SIZE approximates sizeof(struct rt_sigframe) for a little-endian ELFv2 task without
//   transactional memory (ucontext 1696 + _unused 16 + tramp 32 + pinfo/puc 16 + siginfo 128 +
//   the 512-byte ABI red zone gap = 2400).
import { PAGE_SIZE } from '../cpu/address-space';
import type { AddressSpace } from '../cpu/address-space';
import type { ThreadState } from '../cpu/thread-state';

export const SIGNAL_FRAMESIZE = 128n;
export const RT_SIGFRAME_SIZE = 2400n;
/** uc_stack (stack_t: ss_sp, ss_flags, ss_size) */
export const UC_STACK_OFFSET = 16n;
export const UC_SIGMASK_OFFSET = 40n;
export const UC_MCONTEXT_OFFSET = 168n;
/** within struct sigcontext */
export const SC_SIGNAL = 32n;
export const SC_HANDLER = 40n;
export const SC_OLDMASK = 48n;
export const SC_REGS = 56n;
export const SC_GP_REGS = 64n;
export const PINFO_OFFSET = 1744n;
export const PUC_OFFSET = 1752n;
export const SIGINFO_OFFSET = 1760n;

/** pt_regs indices in gp_regs[] */
export const PT_NIP = 32;
export const PT_MSR = 33;
export const PT_ORIG_R3 = 34;
export const PT_CTR = 35;
export const PT_LNK = 36;
export const PT_XER = 37;
export const PT_CCR = 38;
export const PT_RESULT = 43;

/** Where the vdso is mapped in every task that takes a handler (above the stack, below TASK_SIZE). */
export const VDSO_BASE = 0x7ffffff10000n;
/** __kernel_sigtramp_rt64: the handler's return address (LR) */
export const SIGTRAMP_RT64 = VDSO_BASE;
/** addi r1,r1,__SIGNAL_FRAMESIZE ; li r0,__NR_rt_sigreturn ; sc */
const SIGTRAMP_WORDS = [0x38210080, 0x380000ac, 0x44000002];

/** Maps the vdso page (r-x) holding the trampoline, once per address space. */
export function ensureVdso(mem: AddressSpace): void {
  if (mem.isMapped(VDSO_BASE, 4) && mem.read(SIGTRAMP_RT64, 4) === BigInt(SIGTRAMP_WORDS[0])) return;
  mem.map(VDSO_BASE, PAGE_SIZE, { read: true, write: false, exec: true });
  const bytes = new Uint8Array(4 * SIGTRAMP_WORDS.length);
  const view = new DataView(bytes.buffer);
  SIGTRAMP_WORDS.forEach((w, i) => view.setUint32(4 * i, w >>> 0, true));
  mem.writeBytesAs(SIGTRAMP_RT64, bytes, true);
}

export interface FrameInfo {
  signo: number;
  /** numeric si_code */
  siCode: number;
  siAddr?: bigint;
  pid?: number;
  /** si_status (SIGCHLD) */
  status?: number;
  /** si_value (sigqueue, POSIX timers): 8 bytes where SIGCHLD's si_status is */
  value?: bigint;
  handler: bigint;
  /** the blocked mask before delivery (uc_sigmask, oldmask) */
  oldBlocked: bigint;
  /** where the frame goes below: the top of the alternate stack (sigsp); the interrupted r1 when absent */
  sp?: bigint;
  /** uc_stack: the alternate stack as __save_altstack saves it */
  ucStack?: { sp: bigint; flags: number; size: bigint };
}

/** The gp_regs[] image of a register state (pt_regs order). */
function gpRegs(t: ThreadState): bigint[] {
  const g = new Array<bigint>(48).fill(0n);
  for (let i = 0; i < 32; i++) g[i] = t.getGpr(i);
  g[PT_NIP] = t.pc;
  g[PT_MSR] = t.msr;
  g[PT_ORIG_R3] = t.getGpr(3);
  g[PT_CTR] = t.ctr;
  g[PT_LNK] = t.lr;
  g[PT_XER] = t.xer;
  g[PT_CCR] = BigInt(t.cr >>> 0);
  return g;
}

/**
 * Writes the frame for the interrupted state `t` below its r1. Returns the frame address, or
 * undefined when the stack cannot hold it (the kernel then forces SIGSEGV).
 */
export function writeFrame(mem: AddressSpace, t: ThreadState, info: FrameInfo): bigint | undefined {
  const oldSp = t.getGpr(1);
  const top = info.sp ?? oldSp;
  const frame = (top - RT_SIGFRAME_SIZE) & ~15n;
  const newSp = frame - SIGNAL_FRAMESIZE;
  if (newSp < 0n || !mem.isMapped(newSp, Number(top - newSp))) return undefined;
  const w = (addr: bigint, size: 4 | 8, v: bigint): boolean => mem.write(addr, size, BigInt.asUintN(size * 8, v));
  let ok = mem.writeBytes(frame, new Uint8Array(Number(RT_SIGFRAME_SIZE)));
  const mc = frame + UC_MCONTEXT_OFFSET;
  ok &&= w(frame + UC_SIGMASK_OFFSET, 8, info.oldBlocked);
  if (info.ucStack) {
    ok &&= w(frame + UC_STACK_OFFSET, 8, info.ucStack.sp);
    ok &&= w(frame + UC_STACK_OFFSET + 8n, 4, BigInt(info.ucStack.flags >>> 0));
    ok &&= w(frame + UC_STACK_OFFSET + 16n, 8, info.ucStack.size);
  }
  ok &&= w(mc + SC_SIGNAL, 4, BigInt(info.signo));
  ok &&= w(mc + SC_HANDLER, 8, info.handler);
  ok &&= w(mc + SC_OLDMASK, 8, info.oldBlocked & 0xffffffffn);
  ok &&= w(mc + SC_REGS, 8, mc + SC_GP_REGS);
  gpRegs(t).forEach((v, i) => (ok &&= w(mc + SC_GP_REGS + BigInt(8 * i), 8, v)));
  const si = frame + SIGINFO_OFFSET;
  ok &&= w(frame + PINFO_OFFSET, 8, si);
  ok &&= w(frame + PUC_OFFSET, 8, frame);
  ok &&= w(si, 4, BigInt(info.signo));
  ok &&= w(si + 8n, 4, BigInt(info.siCode));
  if (info.pid !== undefined) {
    ok &&= w(si + 16n, 4, BigInt(info.pid));
    if (info.status !== undefined) ok &&= w(si + 24n, 4, BigInt(info.status));
    if (info.value !== undefined) ok &&= w(si + 24n, 8, info.value);
  } else if (info.siAddr !== undefined) ok &&= w(si + 16n, 8, info.siAddr);
  // the dummy caller frame: the back chain to the interrupted stack
  ok &&= w(newSp, 8, oldSp);
  return ok ? frame : undefined;
}

/** What rt_sigreturn reads back from the frame: the registers a handler may have edited, and the mask. */
export interface FrameRegs {
  gpr: bigint[];
  nip: bigint;
  ctr: bigint;
  lr: bigint;
  xer: bigint;
  cr: number;
  sigmask: bigint;
  /** uc_stack, which rt_sigreturn gives back to sigaltstack (restore_altstack) */
  ucStack: { sp: bigint; flags: number; size: bigint };
}

export function readFrame(mem: AddressSpace, frame: bigint): FrameRegs | undefined {
  const g: bigint[] = [];
  const base = frame + UC_MCONTEXT_OFFSET + SC_GP_REGS;
  for (let i = 0; i < 48; i++) {
    const v = mem.read(base + BigInt(8 * i), 8);
    if (v === undefined) return undefined;
    g.push(v);
  }
  const sigmask = mem.read(frame + UC_SIGMASK_OFFSET, 8);
  const ssSp = mem.read(frame + UC_STACK_OFFSET, 8);
  const ssFlags = mem.read(frame + UC_STACK_OFFSET + 8n, 4);
  const ssSize = mem.read(frame + UC_STACK_OFFSET + 16n, 8);
  if (sigmask === undefined || ssSp === undefined || ssFlags === undefined || ssSize === undefined) return undefined;
  const ucStack = { sp: ssSp, flags: Number(ssFlags), size: ssSize };
  return {
    gpr: g.slice(0, 32),
    nip: g[PT_NIP],
    ctr: g[PT_CTR],
    lr: g[PT_LNK],
    xer: g[PT_XER],
    cr: Number(g[PT_CCR] & 0xffffffffn),
    sigmask,
    ucStack,
  };
}

/** Copies every register of `src` into `dst` (the task's own ThreadState object stays the same). */
export function copyThreadState(dst: ThreadState, src: ThreadState): void {
  dst.hi.set(src.hi);
  dst.lo.set(src.lo);
  dst.vsr.set(src.vsr);
  dst.pcNum = src.pcNum;
  dst.crNum = src.crNum;
  dst.xerNum = src.xerNum;
  dst.fpscr = src.fpscr;
  dst.fpscrDrn = src.fpscrDrn;
  dst.vscr = src.vscr;
  dst.vrsave = src.vrsave;
  dst.msr = src.msr;
  dst.reservation = src.reservation ? { ...src.reservation } : null;
  dst.reservationValue = src.reservationValue;
}
