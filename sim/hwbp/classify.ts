// Which breakpoints an exception hit (SEMANTICS §5.2: wp_get_instr_detail results checked by
// wp_check_constraints), and the hardware match that raised it (§5.1). Pure functions: the handler
// applies the EXTRANEOUS bit itself; the reason texts are what a decision record shows per slot.
import {
  alignDown,
  alignUp,
  HW_BREAKPOINT_SIZE,
  HW_BREAKPOINT_SIZE_QUADWORD,
  HW_BRK_TYPE_KERNEL,
  HW_BRK_TYPE_READ,
  HW_BRK_TYPE_USER,
  HW_BRK_TYPE_WRITE,
  PAGE_OFFSET,
  type ArchHwBreakpoint,
} from './breakpoint';
import type { CpuModel } from './cpu-model';
import type { DawrProgram } from './dawr-program';
import type { InstrDetail, TrapRegs } from './trap';
import type { SlotResult } from '../decision';

export type InstrType = InstrDetail['type'];

export function hex(x: bigint): string {
  return `0x${x.toString(16)}`;
}

function range(a: bigint, b: bigint): string {
  return `[${hex(a)},${hex(b)})`;
}

/** OP_IS_LOAD: LOAD..LOAD_VSX or LARX */
export function isLoadType(t: InstrType): boolean {
  return t === 'load' || t === 'load_vsx' || t === 'larx';
}

/** OP_IS_STORE: STORE..STORE_VSX or STCX */
export function isStoreType(t: InstrType): boolean {
  return t === 'store' || t === 'store_vsx' || t === 'stcx';
}

export function isLarxStcx(t: InstrType): boolean {
  return t === 'larx' || t === 'stcx';
}

/** is_octword_vsx_instr: a 32-byte VSX load or store (the P10 DD1 workaround looks for these). */
export function isOctwordVsx(d: InstrDetail): boolean {
  return d.vsx32 || ((d.type === 'load_vsx' || d.type === 'store_vsx') && d.size === 32);
}

/**
 * check_dawrx_constraints: null when the DAWRX bits allow this access, otherwise the check that
 * failed. HYP is never checked.
 */
export function dawrxCheck(
  type: InstrType,
  info: Pick<ArchHwBreakpoint, 'type'>,
  regs: Pick<TrapRegs, 'pc' | 'mode'>,
): string | null {
  if (isLoadType(type) && !(info.type & HW_BRK_TYPE_READ))
    return `${type === 'larx' ? 'larx (load)' : 'load'} but breakpoint lacks READ`;
  // Cache operations other than dcbz never match, so a CACHEOP here is dcbz: a store.
  if ((isStoreType(type) || type === 'cacheop') && !(info.type & HW_BRK_TYPE_WRITE)) {
    return (
      `${type === 'cacheop' ? 'dcbz (store)' : type === 'stcx' ? 'stcx (store)' : 'store'}` +
      ' but breakpoint lacks WRITE'
    );
  }
  if (regs.pc >= PAGE_OFFSET && !(info.type & HW_BRK_TYPE_KERNEL)) return 'kernel NIP but breakpoint lacks KERNEL';
  if (regs.mode === 'user' && !(info.type & HW_BRK_TYPE_USER)) return 'user mode but breakpoint lacks USER';
  return null;
}

export function dawrxOk(
  type: InstrType,
  info: Pick<ArchHwBreakpoint, 'type'>,
  regs: Pick<TrapRegs, 'pc' | 'mode'>,
): boolean {
  return dawrxCheck(type, info, regs) === null;
}

/** The user range [address, address + len). */
export function userRangeOf(info: Pick<ArchHwBreakpoint, 'address' | 'len'>): { start: bigint; end: bigint } {
  return { start: info.address, end: info.address + BigInt(info.len) };
}

/**
 * The hardware range as the handler computes it (from address and len, not hw_len): rounded out to
 * 8 bytes, or to 16 on CPUs before POWER10 when the access is a quadword (size 16).
 */
export function hwRangeOf(
  info: Pick<ArchHwBreakpoint, 'address' | 'len'>,
  align: number = HW_BREAKPOINT_SIZE,
): { start: bigint; end: bigint } {
  const a = BigInt(align);
  return { start: alignDown(info.address, a), end: alignUp(info.address + BigInt(info.len), a) };
}

/** The facts of one exception that classification reads. */
export interface ExceptionSite {
  model: Pick<CpuModel, 'arch31' | 'quadwordAlign16'>;
  regs: Pick<TrapRegs, 'pc' | 'mode'>;
  /** the data address the hardware latched */
  dar: bigint;
  detail: InstrDetail;
}

export interface WpCheck {
  /** wp_check_constraints returned true */
  hit: boolean;
  /** HW_BRK_TYPE_EXTRANEOUS_IRQ is to be set (only with hit) */
  extraneous: boolean;
  reason: string;
}

export function slotResultOf(c: WpCheck): SlotResult {
  return !c.hit ? 'miss' : c.extraneous ? 'extraneous' : 'hit';
}

/** wp_check_constraints (Book3S; 8xx is not modelled): steps 1-5 of §5.2, in order. */
export function wpCheckConstraints(
  info: Pick<ArchHwBreakpoint, 'address' | 'len' | 'type'>,
  site: ExceptionSite,
): WpCheck {
  const { detail, dar, regs, model } = site;
  const hw = hwRangeOf(info);
  const darInHw = hw.start <= dar && dar < hw.end;

  // 1. instr == 0: unreadable. ISA 3.1 keeps only breakpoints whose hardware range holds the DAR.
  if (!detail.readable) {
    if (model.arch31 && !darInHw)
      return {
        hit: false,
        extraneous: false,
        reason: `instruction unreadable; DAR ${hex(dar)} outside hw range ${range(hw.start, hw.end)}`,
      };
    return {
      hit: true,
      extraneous: false,
      reason: model.arch31
        ? `instruction unreadable; DAR ${hex(dar)} in hw range ${range(hw.start, hw.end)}`
        : 'instruction unreadable (before ISA 3.1 every slot counts as hit)',
    };
  }

  const why = dawrxCheck(detail.type, info, regs);

  // 2. UNKNOWN type: on ISA 3.1 the DAR must be in the hardware range; then only the DAWRX bits decide.
  if (detail.type === 'unknown') {
    if (model.arch31 && !darInHw)
      return {
        hit: false,
        extraneous: false,
        reason: `unknown instruction; DAR ${hex(dar)} outside hw range ${range(hw.start, hw.end)}`,
      };
    return why === null
      ? {
          hit: true,
          extraneous: false,
          reason: model.arch31
            ? `unknown instruction; DAR ${hex(dar)} in hw range, privilege matches`
            : 'unknown instruction; privilege matches',
        }
      : { hit: false, extraneous: false, reason: `unknown instruction; ${why}` };
  }

  const ea = detail.ea;
  const end = ea + BigInt(detail.size);
  const acc = range(ea, end);
  const user = userRangeOf(info);

  // 3. The access touches the requested bytes.
  if (ea < user.end && end > user.start) {
    return why === null
      ? { hit: true, extraneous: false, reason: `access ${acc} overlaps user range ${range(user.start, user.end)}` }
      : { hit: false, extraneous: false, reason: why };
  }

  // 4. It touches only the watched doubleword(s): extraneous. Quadwords round to 16 before POWER10.
  const hwq =
    model.quadwordAlign16 && detail.size === HW_BREAKPOINT_SIZE_QUADWORD
      ? hwRangeOf(info, HW_BREAKPOINT_SIZE_QUADWORD)
      : hw;
  if (ea < hwq.end && end > hwq.start) {
    return why === null
      ? {
          hit: true,
          extraneous: true,
          reason:
            `access ${acc} outside user range ${range(user.start, user.end)} ` +
            `but inside hw range ${range(hwq.start, hwq.end)}`,
        }
      : { hit: false, extraneous: false, reason: why };
  }

  // 5.
  return { hit: false, extraneous: false, reason: `access ${acc} outside hw range ${range(hwq.start, hwq.end)}` };
}

/** slotResultOf(wpCheckConstraints(...)) as a number, without building the reason text: the hot path
 * classifies with this and the decision record rebuilds the text with wpCheckConstraints only when it
 * is read (decision-record.ts). The two must agree (test/hwbp/exception/classify-fast.test.ts). */
const TWO52 = 1n << 52n;
export const WP_MISS = 0;
export const WP_HIT = 1;
export const WP_EXTRANEOUS = 2;
export type WpResultCode = typeof WP_MISS | typeof WP_HIT | typeof WP_EXTRANEOUS;

/** The DAWRX bits an access needs (check_dawrx_constraints as a mask): READ for a load or larx,
 * WRITE for a store, stcx or dcbz, KERNEL at a kernel NIP, USER in user mode. */
export function dawrxNeeded(type: InstrType, kernelPc: boolean, mode: TrapRegs['mode']): number {
  let need = 0;
  if (isLoadType(type)) need |= HW_BRK_TYPE_READ;
  // Cache operations other than dcbz never match, so a CACHEOP here is dcbz: a store.
  if (isStoreType(type) || type === 'cacheop') need |= HW_BRK_TYPE_WRITE;
  if (kernelPc) need |= HW_BRK_TYPE_KERNEL;
  if (mode === 'user') need |= HW_BRK_TYPE_USER;
  return need;
}

/** dawrxCheck(...) === null, without the text. */
export function dawrxPasses(type: InstrType, infoType: number, regs: Pick<TrapRegs, 'pc' | 'mode'>): boolean {
  const need = dawrxNeeded(type, regs.pc >= PAGE_OFFSET, regs.mode);
  return (infoType & need) === need;
}

/**
 * Steps 3-5 of §5.2 for a readable load, store or cache operation, in doubles: the access
 * [ea, ea + size) and the user range [start, start + len) below 2^52 (exact there). `passes`: the
 * DAWRX bits allow the access (dawrxPasses); `align16`: the model rounds quadwords to 16.
 */
export function wpCheckNum(
  start: number,
  len: number,
  ea: number,
  size: number,
  align16: boolean,
  passes: boolean,
): WpResultCode {
  const end = ea + size;
  const uEnd = start + len;
  if (ea < uEnd && end > start) return passes ? WP_HIT : WP_MISS;
  const align = align16 && size === HW_BREAKPOINT_SIZE_QUADWORD ? HW_BREAKPOINT_SIZE_QUADWORD : HW_BREAKPOINT_SIZE;
  const hs = start - (start % align);
  const he = uEnd + ((align - (uEnd % align)) % align);
  if (ea < he && end > hs) return passes ? WP_EXTRANEOUS : WP_MISS;
  return WP_MISS;
}

export function wpCheckResult(
  info: Pick<ArchHwBreakpoint, 'address' | 'len' | 'type'>,
  site: ExceptionSite,
): WpResultCode {
  const { detail, dar, regs, model } = site;
  if (!detail.readable || detail.type === 'unknown') {
    if (model.arch31) {
      const hw = hwRangeOf(info);
      if (!(hw.start <= dar && dar < hw.end)) return WP_MISS;
    }
    return !detail.readable || dawrxPasses(detail.type, info.type, regs) ? WP_HIT : WP_MISS;
  }
  const ea = detail.eaNum ?? (detail.ea >= 0n && detail.ea < TWO52 ? Number(detail.ea) : -1);
  if (ea >= 0 && info.address >= 0n && info.address < TWO52) {
    // user addresses: the same compares in doubles (exact here), without bigint arithmetic
    return wpCheckNum(
      Number(info.address),
      info.len,
      ea,
      detail.size,
      model.quadwordAlign16,
      dawrxPasses(detail.type, info.type, regs),
    );
  }
  const eaBig = detail.ea;
  const end = eaBig + BigInt(detail.size);
  if (eaBig < info.address + BigInt(info.len) && end > info.address)
    return dawrxPasses(detail.type, info.type, regs) ? WP_HIT : WP_MISS;
  const hwq = hwRangeOf(
    info,
    model.quadwordAlign16 && detail.size === HW_BREAKPOINT_SIZE_QUADWORD
      ? HW_BREAKPOINT_SIZE_QUADWORD
      : HW_BREAKPOINT_SIZE,
  );
  if (eaBig < hwq.end && end > hwq.start) return dawrxPasses(detail.type, info.type, regs) ? WP_EXTRANEOUS : WP_MISS;
  return WP_MISS;
}

// ---- §5.1: the hardware match --------------------------------------------------------------------

/** What the hardware sees of one access. larx counts as a load, stcx and dcbz as stores; other cache
 * operations never match. */
export interface HwAccess {
  ea: bigint;
  size: number;
  kind: 'load' | 'store' | 'larx' | 'stcx' | 'dcbz' | 'cacheop';
  privilege: 'user' | 'kernel' | 'hyp';
}

/** Does one programmed DAWR fire on this access? */
export function dawrMatches(p: DawrProgram, a: HwAccess, model: Pick<CpuModel, 'quadwordAlign16'>): boolean {
  if (a.kind === 'cacheop') return false;
  const store = a.kind === 'store' || a.kind === 'stcx' || a.kind === 'dcbz';
  if (!(store ? p.write : p.read)) return false;
  if (!(a.privilege === 'user' ? p.user : a.privilege === 'kernel' ? p.kernel : p.hyp)) return false;
  let start = alignDown(p.start, 8n);
  let end = start + BigInt(p.len);
  if (a.size === HW_BREAKPOINT_SIZE_QUADWORD && model.quadwordAlign16) {
    start = alignDown(start, 16n);
    end = alignUp(end, 16n);
  }
  return a.ea < end && a.ea + BigInt(a.size) > start;
}

/** The slots whose DAWR fires on this access (one exception however many match). */
export function matchingSlots(
  slots: ReadonlyArray<DawrProgram | null>,
  a: HwAccess,
  model: Pick<CpuModel, 'quadwordAlign16'>,
): number[] {
  const out: number[] = [];
  for (let i = 0; i < slots.length; i++) {
    const p = slots[i];
    if (p && dawrMatches(p, a, model)) out.push(i);
  }
  return out;
}
