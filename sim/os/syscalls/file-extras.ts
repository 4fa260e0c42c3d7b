// File calls programs make beside read and write: sendfile and copy_file_range (a copy inside the
// kernel), flock (advisory locks: granted at once, no other holder is modelled), fallocate
// (posix_fallocate: the file grows to cover the range) and memfd_create (an unnamed in-memory file).
import { E } from '../errno';
import { FileInode } from '../vfs/inode';
import { MAX_FILE, O, OpenFile } from '../vfs/open-file';
import { fail, type SyscallContext, type SyscallDef } from './context';

const int = (v: bigint) => Number(BigInt.asIntN(32, v));
/** the most one call moves (MAX_RW_COUNT) */
const MAX_RW = 0x7ffff000;

function readOffset(ctx: SyscallContext, ea: bigint): bigint | number {
  const b = ctx.copyFromUser(ea, 8);
  if (!b) return E.EFAULT;
  return new DataView(b.buffer, b.byteOffset, 8).getBigInt64(0, true);
}
function writeOffset(ctx: SyscallContext, ea: bigint, v: bigint): boolean {
  const out = new Uint8Array(8);
  new DataView(out.buffer).setBigInt64(0, v, true);
  return ctx.copyToUser(ea, out);
}

/** Copies up to `count` bytes from `src` (at `inAt`, else its position) to `dst` (at `outAt`, else its position). */
function copyBetween(
  src: OpenFile,
  inAt: number | undefined,
  dst: OpenFile,
  outAt: number | undefined,
  count: number,
  nowNs: bigint,
): number {
  const data = src.read(Math.min(count, MAX_RW), inAt);
  if (typeof data === 'number') return -data;
  if (data.length === 0) return 0;
  const w = dst.write(data, nowNs, outAt);
  if (w < 0) {
    if (inAt === undefined) src.pos -= data.length;
    return w;
  }
  if (w < data.length && inAt === undefined) src.pos -= data.length - w;
  return w;
}

/** sendfile(out_fd, in_fd, offset, count): from *offset (updated, the position kept) or the position. */
function sysSendfile(ctx: SyscallContext): bigint {
  const out = ctx.proc.fds.getFile(int(ctx.arg(0)));
  const inp = ctx.proc.fds.getFile(int(ctx.arg(1)));
  if (!out || !inp || !inp.readable || !out.writable) return fail(E.EBADF);
  if (!(inp.inode instanceof FileInode)) return fail(E.EINVAL);
  if (out.flags & O.APPEND) return fail(E.EINVAL);
  const offEa = ctx.arg(2);
  let at: number | undefined;
  if (offEa !== 0n) {
    const o = readOffset(ctx, offEa);
    if (typeof o === 'number') return fail(o);
    if (o < 0n) return fail(E.EINVAL);
    at = Number(o);
  }
  const count = ctx.arg(3);
  if (BigInt.asIntN(64, count) < 0n) return fail(E.EINVAL);
  const n = copyBetween(
    inp,
    at,
    out,
    undefined,
    Number(count < BigInt(MAX_RW) ? count : BigInt(MAX_RW)),
    ctx.kernel.clock.realtimeNs(),
  );
  if (n < 0) return fail(-n);
  if (at !== undefined && !writeOffset(ctx, offEa, BigInt(at + n))) return fail(E.EFAULT);
  return BigInt(n);
}

/** copy_file_range(fd_in, off_in, fd_out, off_out, len, flags): regular files, flags 0. */
function sysCopyFileRange(ctx: SyscallContext): bigint {
  if (ctx.arg(5) !== 0n) return fail(E.EINVAL);
  const inp = ctx.proc.fds.getFile(int(ctx.arg(0)));
  const out = ctx.proc.fds.getFile(int(ctx.arg(2)));
  if (!inp || !out || !inp.readable || !out.writable || out.flags & O.APPEND) return fail(E.EBADF);
  if (inp.inode.isDir() || out.inode.isDir()) return fail(E.EISDIR);
  if (!(inp.inode instanceof FileInode) || !(out.inode instanceof FileInode)) return fail(E.EINVAL);
  const offs: (number | undefined)[] = [];
  for (const ea of [ctx.arg(1), ctx.arg(3)]) {
    if (ea === 0n) offs.push(undefined);
    else {
      const o = readOffset(ctx, ea);
      if (typeof o === 'number') return fail(o);
      if (o < 0n) return fail(E.EINVAL);
      offs.push(Number(o));
    }
  }
  const len = Number(ctx.arg(4) < BigInt(MAX_RW) ? ctx.arg(4) : BigInt(MAX_RW));
  const n = copyBetween(inp, offs[0], out, offs[1], len, ctx.kernel.clock.realtimeNs());
  if (n < 0) return fail(-n);
  if (offs[0] !== undefined && !writeOffset(ctx, ctx.arg(1), BigInt(offs[0] + n))) return fail(E.EFAULT);
  if (offs[1] !== undefined && !writeOffset(ctx, ctx.arg(3), BigInt(offs[1] + n))) return fail(E.EFAULT);
  return BigInt(n);
}

/** flock(fd, operation): LOCK_SH 1, LOCK_EX 2, LOCK_UN 8, with LOCK_NB 4 */
function sysFlock(ctx: SyscallContext): bigint {
  const f = ctx.proc.fds.getFile(int(ctx.arg(0)));
  if (!f || f.flags & O.PATH) return fail(E.EBADF);
  const op = int(ctx.arg(1)) & ~4;
  return op === 1 || op === 2 || op === 8 ? 0n : fail(E.EINVAL);
}

/** fallocate(fd, mode, offset, len): mode 0 grows the file to offset+len; FALLOC_FL_KEEP_SIZE (1) keeps it */
function sysFallocate(ctx: SyscallContext): bigint {
  const mode = int(ctx.arg(1));
  const off = BigInt.asIntN(64, ctx.arg(2));
  const len = BigInt.asIntN(64, ctx.arg(3));
  if (off < 0n || len <= 0n) return fail(E.EINVAL);
  const f = ctx.proc.fds.getFile(int(ctx.arg(0)));
  if (!f || !f.writable) return fail(E.EBADF);
  if (!f.seekable) return fail(E.ESPIPE);
  if (f.inode.isDir()) return fail(E.EISDIR);
  if (!(f.inode instanceof FileInode)) return fail(E.ENODEV);
  if (mode & ~1) return fail(E.EOPNOTSUPP);
  if (off + len > BigInt(MAX_FILE)) return fail(E.EFBIG);
  const end = Number(off + len);
  if (!(mode & 1) && f.inode.size() < end) f.inode.truncate(end);
  return 0n;
}

/** memfd_create(name, flags): MFD_CLOEXEC 1, MFD_ALLOW_SEALING 2 (sealing itself is not modelled) */
function sysMemfdCreate(ctx: SyscallContext): bigint {
  const name = ctx.stringFromUser(ctx.arg(0), 249);
  if (typeof name === 'number') return fail(name === -E.ENAMETOOLONG ? E.EINVAL : -name);
  const flags = int(ctx.arg(1));
  if (flags & ~0x7) return fail(E.EINVAL);
  const inode = new FileInode(0o777, ctx.kernel.clock.realtimeNs());
  const fd = ctx.proc.fds.install(new OpenFile(inode, O.RDWR), (flags & 1) !== 0);
  return fd < 0 ? fail(-fd) : BigInt(fd);
}

export const FILE_EXTRA_SYSCALLS: readonly SyscallDef[] = [
  [143, 'flock', sysFlock],
  [186, 'sendfile', sysSendfile],
  [309, 'fallocate', sysFallocate],
  [360, 'memfd_create', sysMemfdCreate],
  [379, 'copy_file_range', sysCopyFileRange],
];
