// Memory system calls: the break (brk), mappings (mmap, munmap, mprotect, mremap) and the advice and
// locking calls that need no effect here (madvise, mlock), and msync, over the process's MemoryMap.
import { E } from '../errno';
import { LINUX_PAGE, MAP, protOf, PROT } from '../memory-map';
import { DeviceInode, FileInode } from '../vfs/inode';

/** /dev/zero's device number (1, 5): mapping it gives zero-filled memory, as an anonymous mapping */
const DEV_ZERO = (1 << 8) | 5;
import { addSharedMapping, syncRange } from '../vfs/shared-mapping';
import { fail, type SyscallContext, type SyscallDef } from './context';

const int = (v: bigint) => Number(BigInt.asIntN(32, v));
/** user addresses are below 2^47: as a number, or -1 beyond */
function addrNum(v: bigint): number {
  return v < 1n << 47n ? Number(v) : -1;
}
const up = (x: number) => Math.ceil(x / LINUX_PAGE) * LINUX_PAGE;

function sysBrk(ctx: SyscallContext): bigint {
  const mm = ctx.proc.mm;
  const want = addrNum(ctx.arg(0));
  if (want <= 0) return BigInt(mm.brk);
  return BigInt(mm.setBrk(want));
}

function sysMmap(ctx: SyscallContext): bigint {
  const addr = addrNum(ctx.arg(0));
  const lenBig = ctx.arg(1);
  const prot = int(ctx.arg(2));
  const flags = int(ctx.arg(3));
  const fd = int(ctx.arg(4));
  const off = ctx.arg(5);
  if (lenBig === 0n || lenBig >= 1n << 47n) return fail(lenBig === 0n ? E.EINVAL : E.ENOMEM);
  const type = flags & 0x3;
  if (type !== MAP.SHARED && type !== MAP.PRIVATE && type !== 0x3) return fail(E.EINVAL);
  if (prot & ~(PROT.READ | PROT.WRITE | PROT.EXEC | 0x08)) return fail(E.EINVAL);
  if (off % BigInt(LINUX_PAGE) !== 0n) return fail(E.EINVAL);
  if (addr < 0 && flags & MAP.FIXED) return fail(E.ENOMEM);
  const len = Number(lenBig);
  let file: FileInode | undefined;
  if (!(flags & MAP.ANONYMOUS)) {
    const f = ctx.proc.fds.getFile(fd);
    if (!f) return fail(E.EBADF);
    if (!f.readable) return fail(E.EACCES);
    if (type === MAP.SHARED && prot & PROT.WRITE && !f.writable) return fail(E.EACCES);
    if (f.inode instanceof DeviceInode && f.inode.rdev === DEV_ZERO) file = undefined;
    else if (!(f.inode instanceof FileInode)) return fail(E.ENODEV);
    else file = f.inode;
  }
  // MAP_SHARED anonymous memory (or of /dev/zero): one set of pages that fork children share
  const shared = type !== MAP.PRIVATE && !file ? new Map<number, Uint8Array>() : undefined;
  const r = ctx.proc.mm.mmap(Math.max(0, addr), len, protOf(prot), flags, shared);
  if (r < 0) return fail(-r);
  if (file) {
    // a copy of the file's bytes; a MAP_SHARED one is kept in agreement with the file (shared-mapping.ts)
    const data = file.read(Number(off), len);
    if (data.length > 0) ctx.proc.mm.mem.writeBytesAs(BigInt(r), data, true);
    if (type === MAP.SHARED) addSharedMapping(file, ctx.proc.mm.mem, r, len, Number(off));
  }
  return BigInt(r);
}

/** msync(addr, len, flags): a MAP_SHARED file mapping's bytes go back to the file (EINVAL for an
 * unaligned address or unknown flags, MS_ASYNC with MS_SYNC). */
function sysMsync(ctx: SyscallContext): bigint {
  const addr = addrNum(ctx.arg(0));
  const flags = int(ctx.arg(2));
  const MS_ASYNC = 1;
  const MS_INVALIDATE = 2;
  const MS_SYNC = 4;
  if (addr < 0 || addr % LINUX_PAGE !== 0 || flags & ~(MS_ASYNC | MS_INVALIDATE | MS_SYNC)) return fail(E.EINVAL);
  if (flags & MS_ASYNC && flags & MS_SYNC) return fail(E.EINVAL);
  if (ctx.arg(1) >= 1n << 47n) return fail(E.ENOMEM);
  syncRange(ctx.proc.mm.mem, addr, addr + up(Number(ctx.arg(1))), false);
  return 0n;
}

function sysMunmap(ctx: SyscallContext): bigint {
  const addr = addrNum(ctx.arg(0));
  const len = ctx.arg(1);
  if (addr < 0 || addr % LINUX_PAGE !== 0 || len === 0n || len >= 1n << 47n) return fail(E.EINVAL);
  syncRange(ctx.proc.mm.mem, addr, addr + up(Number(len)), true);
  ctx.proc.mm.unmapRange(addr, addr + up(Number(len)));
  return 0n;
}

function sysMprotect(ctx: SyscallContext): bigint {
  const addr = addrNum(ctx.arg(0));
  const len = ctx.arg(1);
  const prot = int(ctx.arg(2));
  if (addr < 0 || addr % LINUX_PAGE !== 0) return fail(E.EINVAL);
  if (prot & ~(PROT.READ | PROT.WRITE | PROT.EXEC | 0x08 | 0x01000000 | 0x02000000)) return fail(E.EINVAL);
  if (len === 0n) return 0n;
  if (len >= 1n << 47n) return fail(E.ENOMEM);
  const r = ctx.proc.mm.protect(addr, addr + up(Number(len)), protOf(prot));
  return r ? fail(r) : 0n;
}

function sysMremap(ctx: SyscallContext): bigint {
  const old = addrNum(ctx.arg(0));
  const oldLen = ctx.arg(1);
  const newLen = ctx.arg(2);
  const flags = int(ctx.arg(3));
  if (old < 0 || flags & ~7 || newLen === 0n || newLen >= 1n << 47n || oldLen >= 1n << 47n) return fail(E.EINVAL);
  const r = ctx.proc.mm.mremap(old, Number(oldLen), Number(newLen), flags, addrNum(ctx.arg(4)));
  return r < 0 ? fail(-r) : BigInt(r);
}

/** the advice values Linux knows (madvise_behavior_valid); others are EINVAL */
const MADV_KNOWN = new Set([
  0, 1, 2, 3, 4, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 100, 101,
]);

/**
 * madvise: MADV_DONTNEED drops the anonymous pages of the range (they read as zeros afterwards, made
 * again on touch); other advice has no effect here. MADV_FREE keeps the contents: Linux frees such
 * pages only under memory pressure, which this machine never has. A hole in the range is ENOMEM,
 * after the mapped parts had the advice.
 */
function sysMadvise(ctx: SyscallContext): bigint {
  const addr = addrNum(ctx.arg(0));
  const lenIn = ctx.arg(1);
  const advice = int(ctx.arg(2));
  if (!MADV_KNOWN.has(advice)) return fail(E.EINVAL);
  if (addr < 0 || addr % LINUX_PAGE !== 0) return fail(E.EINVAL);
  if (lenIn >= 1n << 47n) return fail(E.EINVAL);
  const end = addr + up(Number(lenIn));
  if (end === addr) return 0n;
  const mm = ctx.proc.mm;
  let hole = false;
  for (let a = addr; a < end;) {
    const v = mm.find(a);
    if (!v) {
      hole = true;
      const next = mm.vmas.find((w) => w.start > a);
      a = next ? next.start : end;
      continue;
    }
    const stop = Math.min(v.end, end);
    const DONTNEED = 4;
    if (advice === DONTNEED && v.kind !== 'image' && v.kind !== 'file') {
      for (const pn of mm.madePages(a, stop)) mm.mem.pages.delete(pn);
      mm.mem.generation++;
    }
    a = stop;
  }
  return hole ? fail(E.ENOMEM) : 0n;
}

const sysNothing = () => 0n;

export const MEMORY_SYSCALLS: readonly SyscallDef[] = [
  [45, 'brk', sysBrk],
  [90, 'mmap', sysMmap],
  [91, 'munmap', sysMunmap],
  [125, 'mprotect', sysMprotect],
  [144, 'msync', sysMsync],
  [150, 'mlock', sysNothing],
  [151, 'munlock', sysNothing],
  [152, 'mlockall', sysNothing],
  [153, 'munlockall', sysNothing],
  [163, 'mremap', sysMremap],
  [205, 'madvise', sysMadvise],
];
