// The ptrace watchpoint calls (arch/powerpc/kernel/ptrace/ptrace-noadv.c, HAVE_HW_BREAKPOINT path):
// PPC_PTRACE_SETHWDEBUG (§2.2), PPC_PTRACE_DELHWDEBUG (§2.4), PTRACE_SET_DEBUGREG and
// PTRACE_GET_DEBUGREG (§2.3), PPC_PTRACE_GETHWDBGINFO (§1.4), and ptrace_triggered (the one-shot).
// A ptrace breakpoint is always per task (cpu -1), pinned, sample_period 1, all exclude_* 0.
import { ptraceBreakpointName } from './breakpoint-name';
import {
  HW_BREAKPOINT_R,
  HW_BREAKPOINT_W,
  HW_BRK_TYPE_DABR,
  HW_BRK_TYPE_PRIV_ALL,
  HW_BRK_TYPE_READ,
  HW_BRK_TYPE_RDWR,
  HW_BRK_TYPE_TRANSLATE,
  HW_BRK_TYPE_WRITE,
  TASK_SIZE,
  type Breakpoint,
  type BreakpointCreator,
} from './breakpoint';
import type { CpuModel } from './cpu-model';
import { refuse, success, type SysResult } from './errno';
import type { HwbpKernel } from './kernel-state';
import { modifyUserHwBreakpoint } from './modify';
import { registerHwBreakpoint, unregisterHwBreakpoint } from './register';
import type { ThreadHw } from './thread-hw';

const M64 = 0xffffffffffffffffn;

export const PTRACE_GET_DEBUGREG = 0x19;
export const PTRACE_SET_DEBUGREG = 0x1a;
export const PPC_PTRACE_GETHWDBGINFO = 0x89;
export const PPC_PTRACE_SETHWDEBUG = 0x88;
export const PPC_PTRACE_DELHWDEBUG = 0x87;

export const PPC_BREAKPOINT_TRIGGER_EXECUTE = 0x1;
export const PPC_BREAKPOINT_TRIGGER_READ = 0x2;
export const PPC_BREAKPOINT_TRIGGER_WRITE = 0x4;
export const PPC_BREAKPOINT_TRIGGER_RW = 0x6;
export const PPC_BREAKPOINT_MODE_EXACT = 0;
export const PPC_BREAKPOINT_MODE_RANGE_INCLUSIVE = 1;
export const PPC_BREAKPOINT_MODE_RANGE_EXCLUSIVE = 2;
export const PPC_BREAKPOINT_MODE_MASK = 3;
export const PPC_BREAKPOINT_CONDITION_NONE = 0;
export const DABR_MAX_LEN = 8;

/** The scenario/adapter names of the trigger and mode fields. */
export const TRIGGER_BY_NAME = {
  read: PPC_BREAKPOINT_TRIGGER_READ,
  write: PPC_BREAKPOINT_TRIGGER_WRITE,
  rw: PPC_BREAKPOINT_TRIGGER_RW,
  execute: PPC_BREAKPOINT_TRIGGER_EXECUTE,
} as const;
export const MODE_BY_NAME = {
  exact: PPC_BREAKPOINT_MODE_EXACT,
  range_inclusive: PPC_BREAKPOINT_MODE_RANGE_INCLUSIVE,
  range_exclusive: PPC_BREAKPOINT_MODE_RANGE_EXCLUSIVE,
  mask: PPC_BREAKPOINT_MODE_MASK,
} as const;

/** struct ppc_hw_breakpoint, as far as the kernel reads it */
export interface PpcHwBreakpoint {
  version: number;
  triggerType: number;
  addrMode: number;
  conditionMode: number;
  addr: bigint;
  addr2: bigint;
  conditionValue?: bigint;
}

/** struct ppc_debug_info */
export interface PpcDebugInfo {
  version: number;
  num_instruction_bps: number;
  num_data_bps: number;
  num_condition_regs: number;
  data_bp_alignment: number;
  sizeof_condition: number;
  features: number;
}

/** ppc_gethwdinfo */
export function ppcGethwdinfo(model: CpuModel): PpcDebugInfo {
  return {
    version: 1,
    num_instruction_bps: 0,
    num_data_bps: model.breakpointAvailable ? model.slots : 0,
    num_condition_regs: 0,
    data_bp_alignment: 8,
    sizeof_condition: 0,
    features: model.features,
  };
}

/** arch_bp_generic_fields: arch READ/WRITE bits -> generic bp_type */
export function archBpGenericFields(type: number): number {
  let bpType = 0;
  if (type & HW_BRK_TYPE_READ) bpType |= HW_BREAKPOINT_R;
  if (type & HW_BRK_TYPE_WRITE) bpType |= HW_BREAKPOINT_W;
  return bpType;
}

/** (int)(addr2 - addr), then widened back to the u64 attr.bp_len with sign extension. */
export function rangeInclusiveLen(addr: bigint, addr2: bigint): bigint {
  const asInt = BigInt.asIntN(32, (addr2 - addr) & M64);
  return BigInt.asUintN(64, asInt);
}

function ptraceName(th: ThreadHw, index: number): string {
  return ptraceBreakpointName(th.name, index + 1);
}

/** hw_breakpoint_init + the attr ptrace sets: pinned, sample_period 1, every exclude_* 0. */
function ptraceAttr(bpAddr: bigint, bpLen: bigint, bpType: number) {
  return {
    bpAddr,
    bpLen,
    bpType,
    excludeUser: false,
    excludeKernel: false,
    excludeHv: false,
    pinned: true,
    disabled: false,
  };
}

/** ppc_set_hwdebug: returns the handle (index + 1). */
export function ppcSetHwdebug(
  k: HwbpKernel,
  th: ThreadHw,
  info: PpcHwBreakpoint,
  by?: BreakpointCreator,
): SysResult<number> {
  if (info.version !== 1) return refuse('ENOTSUPP', `version ${info.version} is not supported (only 1)`);
  if ((info.triggerType & PPC_BREAKPOINT_TRIGGER_RW) === 0 || (info.triggerType & ~PPC_BREAKPOINT_TRIGGER_RW) !== 0) {
    return refuse(
      'EINVAL',
      `trigger type 0x${info.triggerType.toString(16)} must be read, write or both, ` +
        'and nothing else (execute is not supported)',
    );
  }
  if (info.conditionMode !== PPC_BREAKPOINT_CONDITION_NONE)
    return refuse('EINVAL', 'condition modes are not supported');
  if ((info.addr & M64) >= TASK_SIZE)
    return refuse('EIO', `address 0x${(info.addr & M64).toString(16)} is not below TASK_SIZE`);
  let type = HW_BRK_TYPE_TRANSLATE | HW_BRK_TYPE_PRIV_ALL;
  if (info.triggerType & PPC_BREAKPOINT_TRIGGER_READ) type |= HW_BRK_TYPE_READ;
  if (info.triggerType & PPC_BREAKPOINT_TRIGGER_WRITE) type |= HW_BRK_TYPE_WRITE;
  let len: bigint;
  if (info.addrMode === PPC_BREAKPOINT_MODE_RANGE_INCLUSIVE) len = rangeInclusiveLen(info.addr, info.addr2);
  else if (info.addrMode === PPC_BREAKPOINT_MODE_EXACT) len = 1n;
  else return refuse('EINVAL', `address mode ${info.addrMode} is not supported (only exact and range_inclusive)`);
  const nr = k.model.slots;
  let i = -1;
  for (let j = 0; j < nr; j++)
    if (!th.ptraceBps[j]) {
      i = j;
      break;
    }
  if (i < 0)
    return refuse(
      'ENOSPC',
      `task ${th.name} already has ${nr} ptrace watchpoint${nr === 1 ? '' : 's'} (handles ${th.ptraceBps
        .slice(0, nr)
        .map((_, j) => j + 1)
        .join(', ')}), the per-thread limit`,
    );
  const r = registerHwBreakpoint(k, {
    name: ptraceName(th, i),
    owner: 'ptrace',
    attr: ptraceAttr(info.addr & M64, len, archBpGenericFields(type)),
    target: th.pid,
    cpu: -1,
    ...(by ? { by } : {}),
  });
  if (!r.ok) return r;
  th.ptraceBps[i] = r.value;
  return success(i + 1);
}

/** ppc_del_hwdebug */
export function ppcDelHwdebug(k: HwbpKernel, th: ThreadHw, handle: number): SysResult<0> {
  if (handle < 1 || handle > k.model.slots)
    return refuse('EINVAL', `handle ${handle} is not between 1 and ${k.model.slots}`);
  const bp = th.ptraceBps[handle - 1];
  if (!bp) return refuse('ENOENT', `task ${th.name} has no ptrace watchpoint with handle ${handle}`);
  unregisterHwBreakpoint(k, bp);
  th.ptraceBps[handle - 1] = null;
  return success(0);
}

/** ptrace_set_debugreg: a DABR-style value; always ptrace_bps[0]. */
export function ptraceSetDebugreg(
  k: HwbpKernel,
  th: ThreadHw,
  addr: number,
  data: bigint,
  by?: BreakpointCreator,
): SysResult<0> {
  data &= M64;
  if (addr > 0) return refuse('EINVAL', `debug register ${addr} does not exist (only 0)`);
  if ((data & ~7n & M64) >= TASK_SIZE)
    return refuse('EIO', `address 0x${(data & ~7n & M64).toString(16)} is not below TASK_SIZE`);
  if (data !== 0n && (data & BigInt(HW_BRK_TYPE_TRANSLATE)) === 0n)
    return refuse('EIO', 'the translation bit (bit 2) must be set');
  const address = data & ~BigInt(HW_BRK_TYPE_DABR) & M64;
  const type = Number(data & BigInt(HW_BRK_TYPE_DABR)) | HW_BRK_TYPE_PRIV_ALL;
  const setBp = data !== 0n && (type & HW_BRK_TYPE_RDWR) !== 0;
  const bp = th.ptraceBps[0];
  if (!setBp) {
    // Quirk: thread.hw_brk[0] keeps the old value (SEMANTICS §2.3, §6).
    if (bp) {
      unregisterHwBreakpoint(k, bp);
      th.ptraceBps[0] = null;
    }
    return success(0);
  }
  const hwBrk = { address, type, len: DABR_MAX_LEN, hwLen: DABR_MAX_LEN };
  if (bp) {
    const err = modifyUserHwBreakpoint(k, bp, {
      bpAddr: address,
      bpLen: BigInt(DABR_MAX_LEN),
      bpType: archBpGenericFields(type),
      disabled: false,
    });
    if (err) return err;
    th.hwBrk[0] = hwBrk;
    return success(0);
  }
  const r = registerHwBreakpoint(k, {
    name: ptraceName(th, 0),
    owner: 'ptrace',
    attr: ptraceAttr(address, BigInt(DABR_MAX_LEN), archBpGenericFields(type)),
    target: th.pid,
    cpu: -1,
    ...(by ? { by } : {}),
  });
  if (!r.ok) return r;
  th.ptraceBps[0] = r.value;
  th.hwBrk[0] = hwBrk;
  return success(0);
}

/** ptrace_get_debugreg: the fake DABR built from hw_brk[0]. */
export function ptraceGetDebugreg(th: ThreadHw, addr = 0): SysResult<bigint> {
  if (addr > 0) return refuse('EINVAL', `debug register ${addr} does not exist (only 0)`);
  const h = th.hwBrk[0];
  return success((h.address & ~BigInt(HW_BRK_TYPE_DABR) & M64) | BigInt(h.type & HW_BRK_TYPE_DABR));
}

/** ptrace_triggered: the one-shot; modify_user_hw_breakpoint with disabled = true. */
export function ptraceTriggered(k: HwbpKernel, bp: Breakpoint): void {
  modifyUserHwBreakpoint(k, bp, {
    bpAddr: bp.attr.bpAddr,
    bpLen: bp.attr.bpLen,
    bpType: bp.attr.bpType,
    disabled: true,
  });
}

/** flush_ptrace_hw_breakpoint (exit and exec): unregister every ptrace breakpoint of the thread. */
export function flushPtraceHwBreakpoint(k: HwbpKernel, th: ThreadHw): void {
  for (let i = 0; i < th.ptraceBps.length; i++) {
    const bp = th.ptraceBps[i];
    if (bp) unregisterHwBreakpoint(k, bp);
    th.ptraceBps[i] = null;
  }
}
