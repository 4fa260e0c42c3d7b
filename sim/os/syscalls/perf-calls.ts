// What perf_event_open asks of the machine, and struct perf_event_attr as user memory holds it
// (include/uapi/linux/perf_event.h): every size the uapi has had (PERF_ATTR_SIZE_VER0 64 ... VER8 136).
import { E } from '../errno';

export const PERF_ATTR_SIZES = [64, 72, 80, 96, 104, 112, 120, 128, 136] as const;
/** sizeof(struct perf_event_attr) this kernel knows (VER8) */
export const PERF_ATTR_SIZE = 136;

export const PERF_TYPE_BREAKPOINT = 5;
/** the attr's flag bits (the bitfield at offset 40) */
export const PERF_ATTR_FLAG = {
  disabled: 1n << 0n,
  inherit: 1n << 1n,
  pinned: 1n << 2n,
  exclusive: 1n << 3n,
  excludeUser: 1n << 4n,
  excludeKernel: 1n << 5n,
  excludeHv: 1n << 6n,
  excludeIdle: 1n << 7n,
  freq: 1n << 10n,
  inheritStat: 1n << 11n,
  enableOnExec: 1n << 12n,
  excludeHost: 1n << 19n,
  excludeGuest: 1n << 20n,
  inheritThread: 1n << 35n,
  removeOnExec: 1n << 36n,
  sigtrap: 1n << 37n,
  /** __reserved_1: bits 38..63 */
  reserved: ~((1n << 38n) - 1n) & 0xffffffffffffffffn,
} as const;

export const PERF_FORMAT = { TOTAL_TIME_ENABLED: 1n, TOTAL_TIME_RUNNING: 2n, ID: 4n, GROUP: 8n, LOST: 16n } as const;
const PERF_FORMAT_MAX = 32n;
/** PERF_SAMPLE_MAX in 6.6 (1U << 25) */
const PERF_SAMPLE_MAX = 1n << 25n;
export const PERF_FLAG = { FD_NO_GROUP: 1, FD_OUTPUT: 2, PID_CGROUP: 4, FD_CLOEXEC: 8 } as const;

/** struct perf_event_attr, the fields the kernel looks at here, and the bytes it was read from */
export interface PerfAttr {
  type: number;
  size: number;
  config: bigint;
  samplePeriod: bigint;
  sampleType: bigint;
  readFormat: bigint;
  flags: bigint;
  wakeupEvents: number;
  bpType: number;
  bpAddr: bigint;
  bpLen: bigint;
  branchSampleType: bigint;
  sampleRegsUser: bigint;
  sampleStackUser: number;
  clockid: number;
  sampleRegsIntr: bigint;
  auxWatermark: number;
  sampleMaxStack: number;
  reserved2: number;
  auxSampleSize: number;
  reserved3: number;
  sigData: bigint;
  config3: bigint;
  /** the attr as this kernel holds it (136 bytes, zero past what the program gave) */
  bytes: Uint8Array;
}

export function flag(a: PerfAttr, f: bigint): boolean {
  return (a.flags & f) !== 0n;
}

/**
 * perf_copy_attr: `size` is the attr's own size field (0 means VER0). Returns the attr, or the errno:
 * E2BIG for a size below VER0 or above a page, or one whose bytes past this kernel's attr are not
 * all zero (the caller then writes the size the kernel knows into the attr's size field); EINVAL for
 * reserved bits or unknown sample/read formats.
 */
export function parsePerfAttr(
  read: (off: number, len: number) => Uint8Array | undefined,
): { ok: true; attr: PerfAttr } | { ok: false; errno: number; writeSize?: boolean } {
  const head = read(0, 8);
  if (!head) return { ok: false, errno: E.EFAULT };
  let size = new DataView(head.buffer, head.byteOffset, 8).getUint32(4, true);
  if (size === 0) size = PERF_ATTR_SIZES[0];
  if (size < PERF_ATTR_SIZES[0] || size > 65536) return { ok: false, errno: E.E2BIG, writeSize: true };
  const raw = read(0, size);
  if (!raw) return { ok: false, errno: E.EFAULT };
  // copy_struct_from_user: bytes this kernel does not know must be zero
  for (let i = PERF_ATTR_SIZE; i < size; i++) if (raw[i] !== 0) return { ok: false, errno: E.E2BIG, writeSize: true };
  const bytes = new Uint8Array(PERF_ATTR_SIZE);
  bytes.set(raw.subarray(0, Math.min(size, PERF_ATTR_SIZE)));
  const dv = new DataView(bytes.buffer);
  const u64 = (o: number) => dv.getBigUint64(o, true);
  const u32 = (o: number) => dv.getUint32(o, true);
  const attr: PerfAttr = {
    type: u32(0),
    size,
    config: u64(8),
    samplePeriod: u64(16),
    sampleType: u64(24),
    readFormat: u64(32),
    flags: u64(40),
    wakeupEvents: u32(48),
    bpType: u32(52),
    bpAddr: u64(56),
    bpLen: u64(64),
    branchSampleType: u64(72),
    sampleRegsUser: u64(80),
    sampleStackUser: u32(88),
    clockid: dv.getInt32(92, true),
    sampleRegsIntr: u64(96),
    auxWatermark: u32(104),
    sampleMaxStack: dv.getUint16(108, true),
    reserved2: dv.getUint16(110, true),
    auxSampleSize: u32(112),
    reserved3: u32(116),
    sigData: u64(120),
    config3: u64(128),
    bytes,
  };
  // the attr's size as the kernel records it
  dv.setUint32(4, size, true);
  if ((attr.flags & PERF_ATTR_FLAG.reserved) !== 0n || attr.reserved2 !== 0 || attr.reserved3 !== 0)
    return { ok: false, errno: E.EINVAL };
  if (attr.sampleType & ~(PERF_SAMPLE_MAX - 1n)) return { ok: false, errno: E.EINVAL };
  if (attr.readFormat & ~(PERF_FORMAT_MAX - 1n)) return { ok: false, errno: E.EINVAL };
  if (!flag(attr, PERF_ATTR_FLAG.inherit) && flag(attr, PERF_ATTR_FLAG.inheritThread))
    return { ok: false, errno: E.EINVAL };
  if (flag(attr, PERF_ATTR_FLAG.removeOnExec) && flag(attr, PERF_ATTR_FLAG.enableOnExec))
    return { ok: false, errno: E.EINVAL };
  if (flag(attr, PERF_ATTR_FLAG.sigtrap) && !flag(attr, PERF_ATTR_FLAG.removeOnExec))
    return { ok: false, errno: E.EINVAL };
  return { ok: true, attr };
}

/** One perf event as its file sees it (sim/machine/guest-perf.ts implements it). */
export interface PerfEventHandle {
  readonly attr: PerfAttr;
  /** the event's id (PERF_EVENT_IOC_ID, PERF_FORMAT_ID) */
  readonly id: bigint;
  /** the group leader (itself for a leader) and, for a leader, the siblings in creation order */
  readonly leader: PerfEventHandle;
  readonly siblings: PerfEventHandle[];
  /** the count, the counts of the events inherited by children included */
  value(): bigint;
  timeEnabled(): bigint;
  timeRunning(): bigint;
  enable(): void;
  disable(): void;
  reset(): void;
  /** PERF_EVENT_IOC_REFRESH: -errno or 0 (breakpoints count without overflow: EINVAL unless sampling) */
  refresh(n: number): number;
  /** PERF_EVENT_IOC_PERIOD */
  period(v: bigint): number;
  /** PERF_EVENT_IOC_MODIFY_ATTRIBUTES: 0 or -errno */
  modify(next: PerfAttr): number;
  /** the last descriptor of the event was closed */
  release(): void;
}

export interface PerfCalls {
  /** perf_event_open after the attr is read: the new fd, or -errno */
  open(attr: PerfAttr, pid: number, cpu: number, groupFd: number, flags: number): number;
}
