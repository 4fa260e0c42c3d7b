// ptrace(request, pid, addr, data) as a system call: the requests of kernel/ptrace.c and of
// powerpc's arch_ptrace, with the uapi layouts (struct pt_regs, siginfo_t, struct ppc_hw_breakpoint,
// struct ppc_debug_info, struct iovec for the regsets) read from and written to user memory. What each
// request does is the tracer's (the same calls the scenario runner and the debugger make), with the
// calling process as the tracer (sim/machine/guest-ptrace.ts).
import type { ThreadState } from '../../cpu/thread-state';
import { E } from '../errno';
import { fail, type SyscallContext, type SyscallDef } from './context';
import type { PtraceRegs, PtraceSiginfo, ResumeHow } from './ptrace-calls';

export const PTRACE = {
  TRACEME: 0,
  PEEKTEXT: 1,
  PEEKDATA: 2,
  PEEKUSR: 3,
  POKETEXT: 4,
  POKEDATA: 5,
  POKEUSR: 6,
  CONT: 7,
  KILL: 8,
  SINGLESTEP: 9,
  GETREGS: 12,
  SETREGS: 13,
  GETFPREGS: 14,
  SETFPREGS: 15,
  ATTACH: 16,
  DETACH: 17,
  GETVRREGS: 18,
  SETVRREGS: 19,
  GETREGS64: 22,
  SETREGS64: 23,
  SYSCALL: 24,
  GET_DEBUGREG: 25,
  SET_DEBUGREG: 26,
  GETVSRREGS: 27,
  SETVSRREGS: 28,
  SINGLEBLOCK: 0x100,
  SETOPTIONS: 0x4200,
  GETEVENTMSG: 0x4201,
  GETSIGINFO: 0x4202,
  SETSIGINFO: 0x4203,
  GETREGSET: 0x4204,
  SETREGSET: 0x4205,
  SEIZE: 0x4206,
  INTERRUPT: 0x4207,
  LISTEN: 0x4208,
  PEEKSIGINFO: 0x4209,
  GETSIGMASK: 0x420a,
  SETSIGMASK: 0x420b,
  PPC_GETHWDBGINFO: 0x89,
  PPC_SETHWDEBUG: 0x88,
  PPC_DELHWDEBUG: 0x87,
} as const;

/** pt_regs indices (uapi asm/ptrace.h) */
const PT_MSR = 33;
const PT_TRAP = 40;
const PT_FPR0 = 48;
const PT_FPSCR = PT_FPR0 + 32;
/** ptrace_put_reg writes r0..ccr (PT_MAX_PUT_REG = PT_CCR) */
const PT_MAX_PUT_REG = 38;
/** sizeof(struct user_pt_regs) / 8 */
const USER_PT_REGS = 44;
/** ELF_NGREG: the NT_PRSTATUS regset's doublewords */
const ELF_NGREG = 48;
const NT = { PRSTATUS: 1, PRFPREG: 2, PPC_VMX: 0x100, PPC_VSX: 0x102 } as const;

const int = (v: bigint) => Number(BigInt.asIntN(32, v));

function u64s(words: bigint[]): Uint8Array {
  const out = new Uint8Array(8 * words.length);
  const dv = new DataView(out.buffer);
  words.forEach((w, i) => dv.setBigUint64(8 * i, BigInt.asUintN(64, w), true));
  return out;
}
function readU64s(b: Uint8Array): bigint[] {
  const dv = new DataView(b.buffer, b.byteOffset, b.byteLength);
  const out: bigint[] = [];
  for (let i = 0; i + 8 <= b.length; i += 8) out.push(dv.getBigUint64(i, true));
  return out;
}

/** pt_regs as its 44 doublewords */
function regsWords(r: PtraceRegs): bigint[] {
  return [...r.gpr, r.nip, r.msr, r.origGpr3, r.ctr, r.link, r.xer, r.ccr, r.softe, r.trap, r.dar, r.dsisr, r.result];
}
function regsFromWords(w: bigint[]): PtraceRegs {
  return {
    gpr: w.slice(0, 32),
    nip: w[32],
    msr: w[33],
    origGpr3: w[34],
    ctr: w[35],
    link: w[36],
    xer: w[37],
    ccr: w[38],
    softe: w[39],
    trap: w[40],
    dar: w[41],
    dsisr: w[42],
    result: w[43],
  };
}

/** siginfo_t (128 bytes): si_signo, si_errno, si_code, then the union at +16 */
export function siginfoBytes(si: PtraceSiginfo): Uint8Array {
  const out = new Uint8Array(128);
  const dv = new DataView(out.buffer);
  dv.setInt32(0, si.signo, true);
  dv.setInt32(4, si.errno, true);
  dv.setInt32(8, si.code, true);
  if (si.pid !== undefined) {
    dv.setInt32(16, si.pid, true);
    dv.setUint32(20, si.uid ?? 0, true);
    if (si.status !== undefined) dv.setInt32(24, si.status, true);
  } else if (si.addr !== undefined) dv.setBigUint64(16, BigInt.asUintN(64, si.addr), true);
  return out;
}
function siginfoFrom(b: Uint8Array): PtraceSiginfo {
  const dv = new DataView(b.buffer, b.byteOffset, b.byteLength);
  return {
    signo: dv.getInt32(0, true),
    errno: dv.getInt32(4, true),
    code: dv.getInt32(8, true),
    addr: dv.getBigUint64(16, true),
  };
}

/** the FP regset: fpr0..31 and the FPSCR */
function fpWords(t: ThreadState): bigint[] {
  const w: bigint[] = [];
  for (let i = 0; i < 32; i++) w.push(t.getFprBits(i));
  w.push(BigInt(t.fpscr >>> 0) | (BigInt(t.fpscrDrn) << 32n));
  return w;
}
function setFpWords(t: ThreadState, w: bigint[]): void {
  for (let i = 0; i < 32 && i < w.length; i++) t.setFprBits(i, w[i]);
  if (w.length > 32) {
    t.fpscr = Number(w[32] & 0xffffffffn) | 0;
    t.fpscrDrn = Number((w[32] >> 32n) & 7n);
  }
}
/** the VMX regset: v0..v31 (16 bytes each, as the registers hold them), VSCR in the next 16 bytes'
 * first word, VRSAVE as a u32 after them (vr_get) */
function vmxBytes(t: ThreadState, withPad: boolean): Uint8Array {
  const out = new Uint8Array(33 * 16 + (withPad ? 16 : 4));
  out.set(t.vsrBytes.subarray(32 * 16, 64 * 16), 0);
  const dv = new DataView(out.buffer);
  dv.setUint32(32 * 16, t.vscr >>> 0, true);
  dv.setUint32(33 * 16, t.vrsave >>> 0, true);
  return out;
}
function setVmx(t: ThreadState, b: Uint8Array): void {
  t.vsrBytes.set(b.subarray(0, Math.min(b.length, 32 * 16)), 32 * 16);
  const dv = new DataView(b.buffer, b.byteOffset, b.byteLength);
  if (b.length >= 33 * 16) t.vscr = dv.getUint32(32 * 16, true) | 0;
  if (b.length >= 33 * 16 + 4) t.vrsave = dv.getUint32(33 * 16, true) | 0;
}
/** the VSX regset: doubleword 1 of vs0..vs31 */
function vsxWords(t: ThreadState): bigint[] {
  const w: bigint[] = [];
  for (let i = 0; i < 32; i++) w.push(t.getVsr(i)[1]);
  return w;
}
function setVsxWords(t: ThreadState, w: bigint[]): void {
  for (let i = 0; i < 32 && i < w.length; i++) t.setVsr(i, [t.getVsr(i)[0], w[i]]);
}

function sysPtrace(ctx: SyscallContext): bigint {
  const p = ctx.ptrace;
  if (!p) return fail(E.ENOSYS);
  const req = int(ctx.arg(0));
  const pid = int(ctx.arg(1));
  const addr = ctx.arg(2);
  const data = ctx.arg(3);
  const ret = (n: number) => BigInt(n);
  if (req === PTRACE.TRACEME) return ret(p.traceme());
  if (req === PTRACE.ATTACH || req === PTRACE.SEIZE) {
    if (req === PTRACE.SEIZE && addr !== 0n) return fail(E.EIO);
    return ret(p.attach(pid, req === PTRACE.SEIZE, req === PTRACE.SEIZE ? Number(data & 0xffffffffn) : 0));
  }
  const checked = p.check(pid, req === PTRACE.KILL || req === PTRACE.INTERRUPT || req === PTRACE.LISTEN);
  if (checked < 0) return ret(checked);
  const putWord = (v: bigint) => (ctx.copyToUser(data, u64s([v])) ? 0n : fail(E.EFAULT));
  const getBytes = (len: number) => ctx.copyFromUser(data, len);
  switch (req) {
    case PTRACE.PEEKTEXT:
    case PTRACE.PEEKDATA: {
      const r = p.peek(pid, addr);
      return r.ok ? putWord(r.value) : fail(r.errno);
    }
    case PTRACE.POKETEXT:
    case PTRACE.POKEDATA:
      return ret(p.poke(pid, addr, data));
    case PTRACE.PEEKUSR: {
      if (addr & 7n) return fail(E.EIO);
      const index = Number(addr >> 3n);
      if (index < PT_FPR0) {
        if (index >= USER_PT_REGS) return fail(E.EIO);
        const r = p.getRegs(pid);
        if (!r.ok) return fail(r.errno);
        return putWord(regsWords(r.value)[index]);
      }
      if (index > PT_FPSCR) return fail(E.EIO);
      const t = p.thread(pid);
      if (!t.ok) return fail(t.errno);
      return putWord(fpWords(t.value)[index - PT_FPR0]);
    }
    case PTRACE.POKEUSR: {
      if (addr & 7n) return fail(E.EIO);
      const index = Number(addr >> 3n);
      if (index < PT_FPR0) {
        if (index !== PT_MSR && index !== PT_TRAP && index > PT_MAX_PUT_REG) return fail(E.EIO);
        const r = p.getRegs(pid);
        if (!r.ok) return fail(r.errno);
        const w = regsWords(r.value);
        w[index] = data;
        return ret(p.setRegs(pid, regsFromWords(w)));
      }
      if (index > PT_FPSCR) return fail(E.EIO);
      const t = p.thread(pid);
      if (!t.ok) return fail(t.errno);
      const w = fpWords(t.value);
      w[index - PT_FPR0] = data;
      setFpWords(t.value, w);
      return 0n;
    }
    case PTRACE.CONT:
    case PTRACE.SINGLESTEP:
    case PTRACE.SYSCALL:
    case PTRACE.SINGLEBLOCK: {
      const how: ResumeHow =
        req === PTRACE.CONT
          ? 'cont'
          : req === PTRACE.SINGLESTEP
            ? 'singlestep'
            : req === PTRACE.SYSCALL
              ? 'syscall'
              : 'singleblock';
      if (data > 64n) return fail(E.EIO);
      return ret(p.resume(pid, how, Number(data)));
    }
    case PTRACE.KILL:
      return ret(p.kill(pid));
    case PTRACE.DETACH:
      if (data > 64n) return fail(E.EIO);
      return ret(p.detach(pid, Number(data)));
    case PTRACE.INTERRUPT:
      return ret(p.interrupt(pid));
    case PTRACE.LISTEN:
      return ret(p.listen(pid));
    case PTRACE.SETOPTIONS:
      return ret(p.setOptions(pid, Number(data & 0xffffffffn) === Number(data) ? Number(data) : -1));
    case PTRACE.GETEVENTMSG: {
      const r = p.getEventMsg(pid);
      return r.ok ? putWord(r.value) : fail(r.errno);
    }
    case PTRACE.GETREGS:
    case PTRACE.GETREGS64: {
      const r = p.getRegs(pid);
      if (!r.ok) return fail(r.errno);
      return ctx.copyToUser(data, u64s(regsWords(r.value))) ? 0n : fail(E.EFAULT);
    }
    case PTRACE.SETREGS:
    case PTRACE.SETREGS64: {
      const b = getBytes(8 * USER_PT_REGS);
      if (!b) return fail(E.EFAULT);
      return ret(p.setRegs(pid, regsFromWords(readU64s(b))));
    }
    case PTRACE.GETFPREGS:
    case PTRACE.SETFPREGS:
    case PTRACE.GETVRREGS:
    case PTRACE.SETVRREGS:
    case PTRACE.GETVSRREGS:
    case PTRACE.SETVSRREGS: {
      const t = p.thread(pid);
      if (!t.ok) return fail(t.errno);
      const th = t.value;
      switch (req) {
        case PTRACE.GETFPREGS:
          return ctx.copyToUser(data, u64s(fpWords(th))) ? 0n : fail(E.EFAULT);
        case PTRACE.SETFPREGS: {
          const b = getBytes(33 * 8);
          if (!b) return fail(E.EFAULT);
          setFpWords(th, readU64s(b));
          return 0n;
        }
        case PTRACE.GETVRREGS:
          return ctx.copyToUser(data, vmxBytes(th, false)) ? 0n : fail(E.EFAULT);
        case PTRACE.SETVRREGS: {
          const b = getBytes(33 * 16 + 4);
          if (!b) return fail(E.EFAULT);
          setVmx(th, b);
          return 0n;
        }
        case PTRACE.GETVSRREGS:
          return ctx.copyToUser(data, u64s(vsxWords(th))) ? 0n : fail(E.EFAULT);
        default: {
          const b = getBytes(32 * 8);
          if (!b) return fail(E.EFAULT);
          setVsxWords(th, readU64s(b));
          return 0n;
        }
      }
    }
    case PTRACE.GETREGSET:
    case PTRACE.SETREGSET:
      return regset(ctx, pid, Number(addr & 0xffffffffn), data, req === PTRACE.SETREGSET);
    case PTRACE.GETSIGINFO: {
      const r = p.getSiginfo(pid);
      if (!r.ok) return fail(r.errno);
      return ctx.copyToUser(data, siginfoBytes(r.value)) ? 0n : fail(E.EFAULT);
    }
    case PTRACE.SETSIGINFO: {
      const b = getBytes(128);
      if (!b) return fail(E.EFAULT);
      return ret(p.setSiginfo(pid, siginfoFrom(b)));
    }
    case PTRACE.GETSIGMASK:
    case PTRACE.SETSIGMASK: {
      if (addr !== 8n) return fail(E.EINVAL);
      let next: bigint | undefined;
      if (req === PTRACE.SETSIGMASK) {
        const b = getBytes(8);
        if (!b) return fail(E.EFAULT);
        next = readU64s(b)[0];
      }
      const r = p.sigmask(pid, next);
      if (!r.ok) return fail(r.errno);
      return req === PTRACE.GETSIGMASK ? putWord(r.value) : 0n;
    }
    case PTRACE.GET_DEBUGREG: {
      const r = p.getDebugreg(pid, Number(addr > 0xffffn ? 0xffffn : addr));
      return r.ok ? putWord(r.value) : fail(r.errno);
    }
    case PTRACE.SET_DEBUGREG:
      return ret(p.setDebugreg(pid, Number(addr > 0xffffn ? 0xffffn : addr), data));
    case PTRACE.PPC_GETHWDBGINFO: {
      const r = p.getHwDbgInfo(pid);
      if (!r.ok) return fail(r.errno);
      const out = new Uint8Array(32);
      const dv = new DataView(out.buffer);
      const i = r.value;
      dv.setUint32(0, i.version, true);
      dv.setUint32(4, i.numInstructionBps, true);
      dv.setUint32(8, i.numDataBps, true);
      dv.setUint32(12, i.numConditionRegs, true);
      dv.setUint32(16, i.dataBpAlignment, true);
      dv.setUint32(20, i.sizeofCondition, true);
      dv.setBigUint64(24, i.features, true);
      return ctx.copyToUser(data, out) ? 0n : fail(E.EFAULT);
    }
    case PTRACE.PPC_SETHWDEBUG: {
      const b = getBytes(40);
      if (!b) return fail(E.EFAULT);
      const dv = new DataView(b.buffer, b.byteOffset, 40);
      return ret(
        p.setHwDebug(pid, {
          version: dv.getUint32(0, true),
          triggerType: dv.getUint32(4, true),
          addrMode: dv.getUint32(8, true),
          conditionMode: dv.getUint32(12, true),
          addr: dv.getBigUint64(16, true),
          addr2: dv.getBigUint64(24, true),
          conditionValue: dv.getBigUint64(32, true),
        }),
      );
    }
    case PTRACE.PPC_DELHWDEBUG:
      return ret(
        p.delHwDebug(
          pid,
          Number(
            BigInt.asIntN(64, data) > 0x7fffffffn
              ? 0x7fffffffn
              : BigInt.asIntN(64, data) < -1n
                ? -1n
                : BigInt.asIntN(64, data),
          ),
        ),
      );
    default:
      return fail(E.EIO);
  }
}

/** PTRACE_GETREGSET / SETREGSET: `data` points at a struct iovec; a get writes back the length used. */
function regset(ctx: SyscallContext, pid: number, type: number, iovAddr: bigint, set: boolean): bigint {
  const p = ctx.ptrace!;
  const iov = ctx.copyFromUser(iovAddr, 16);
  if (!iov) return fail(E.EFAULT);
  const dv = new DataView(iov.buffer, iov.byteOffset, 16);
  const base = dv.getBigUint64(0, true);
  const len = dv.getBigUint64(8, true);
  let bytes: Uint8Array;
  let apply: ((b: Uint8Array) => number) | undefined;
  const t = p.thread(pid);
  if (!t.ok) return fail(t.errno);
  switch (type) {
    case NT.PRSTATUS: {
      const r = p.getRegs(pid);
      if (!r.ok) return fail(r.errno);
      const w = regsWords(r.value);
      while (w.length < ELF_NGREG) w.push(0n);
      bytes = u64s(w);
      apply = (b) => {
        const next = regsWords(r.value);
        readU64s(b)
          .slice(0, USER_PT_REGS)
          .forEach((v, i) => (next[i] = v));
        return p.setRegs(pid, regsFromWords(next));
      };
      break;
    }
    case NT.PRFPREG:
      bytes = u64s(fpWords(t.value));
      apply = (b) => {
        const w = fpWords(t.value);
        readU64s(b).forEach((v, i) => (w[i] = v));
        setFpWords(t.value, w);
        return 0;
      };
      break;
    case NT.PPC_VMX:
      bytes = vmxBytes(t.value, true);
      apply = (b) => {
        const full = vmxBytes(t.value, true);
        full.set(b.subarray(0, full.length));
        setVmx(t.value, full);
        return 0;
      };
      break;
    case NT.PPC_VSX:
      bytes = u64s(vsxWords(t.value));
      apply = (b) => {
        const w = vsxWords(t.value);
        readU64s(b).forEach((v, i) => (w[i] = v));
        setVsxWords(t.value, w);
        return 0;
      };
      break;
    default:
      return fail(E.EINVAL);
  }
  const n = Number(len < BigInt(bytes.length) ? len : BigInt(bytes.length));
  if (set) {
    const b = ctx.copyFromUser(base, n);
    if (!b) return fail(E.EFAULT);
    const r = apply(b);
    if (r < 0) return BigInt(r);
  } else if (!ctx.copyToUser(base, bytes.subarray(0, n))) return fail(E.EFAULT);
  const out = new Uint8Array(8);
  new DataView(out.buffer).setBigUint64(0, BigInt(n), true);
  return ctx.copyToUser(iovAddr + 8n, out) ? 0n : fail(E.EFAULT);
}

export const PTRACE_SYSCALLS: readonly SyscallDef[] = [[26, 'ptrace', sysPtrace]];
