// Sockets: socketpair(AF_UNIX) and the data calls on its ends (send/sendto, recv/recvfrom, shutdown),
// over the connected pair of sim/os/vfs/socket.ts; AF_UNIX stream servers and clients (socket, bind to
// a path or an abstract name, listen, connect, accept/accept4, getsockname) over unix-socket.ts: a
// connection is such a pair. Other families and types are not modelled (ENOSYS).
import { E } from '../errno';
import { O, OpenFile } from '../vfs/open-file';
import { PIPE_CAPACITY } from '../vfs/pipe';
import { SocketInode, socketPair } from '../vfs/socket';
import { SocketFileInode, UnixSocketInode } from '../vfs/unix-socket';
import type { Kernel } from '../kernel';
import { registerSideTable } from '../../side-tables';
import { fail, type SyscallContext, type SyscallDef } from './context';
import { caller, readInto, writeFrom } from './files';

const int = (v: bigint) => Number(BigInt.asIntN(32, v));
const AF_UNIX = 1;
const SOCK = { STREAM: 1, DGRAM: 2, SEQPACKET: 5, NONBLOCK: 0o4000, CLOEXEC: 0o2000000 } as const;
const MSG = { PEEK: 0x2, DONTWAIT: 0x40, WAITALL: 0x100, NOSIGNAL: 0x4000 } as const;

/** socketpair(domain, type, protocol, sv[2]) */
function sysSocketpair(ctx: SyscallContext): bigint {
  const domain = int(ctx.arg(0));
  const type = int(ctx.arg(1));
  const kind = type & ~(SOCK.NONBLOCK | SOCK.CLOEXEC);
  if (domain !== AF_UNIX) return fail(E.EAFNOSUPPORT);
  if (kind !== SOCK.STREAM && kind !== SOCK.DGRAM && kind !== SOCK.SEQPACKET) return fail(E.EINVAL);
  if (ctx.arg(2) !== 0n) return fail(E.EPROTONOSUPPORT);
  const [a, b] = socketPair(ctx.kernel.clock.realtimeNs());
  const status = type & SOCK.NONBLOCK ? O.NONBLOCK : 0;
  const cloexec = (type & SOCK.CLOEXEC) !== 0;
  const fds = ctx.proc.fds;
  const fa = fds.install(new OpenFile(a, O.RDWR | status), cloexec);
  if (fa < 0) return fail(-fa);
  const fb = fds.install(new OpenFile(b, O.RDWR | status), cloexec);
  if (fb < 0) {
    fds.close(fa);
    return fail(-fb);
  }
  const out = new Uint8Array(8);
  const dv = new DataView(out.buffer);
  dv.setInt32(0, fa, true);
  dv.setInt32(4, fb, true);
  if (!ctx.copyToUser(ctx.arg(3), out)) {
    fds.close(fa);
    fds.close(fb);
    return fail(E.EFAULT);
  }
  return 0n;
}

function socketOf(ctx: SyscallContext, fd: number): { f: OpenFile; s: SocketInode } | number {
  const f = ctx.proc.fds.getFile(fd);
  if (!f) return E.EBADF;
  if (!(f.inode instanceof SocketInode)) return E.ENOTSOCK;
  return { f, s: f.inode };
}

/** send/sendto(fd, buf, len, flags[, addr, addrlen]): MSG_DONTWAIT, MSG_NOSIGNAL (EPIPE without SIGPIPE) */
function sysSendto(ctx: SyscallContext): bigint {
  const r = socketOf(ctx, int(ctx.arg(0)));
  if (typeof r === 'number') return fail(r);
  const flags = int(ctx.arg(3));
  const len = Number(ctx.arg(2) < 0x7ffff000n ? ctx.arg(2) : 0x7ffff000n);
  if (len === 0) return 0n;
  if ((r.s.shutWr || r.s.tx.readers === 0) && flags & MSG.NOSIGNAL) return fail(E.EPIPE);
  if (flags & MSG.DONTWAIT && r.s.tx.readers > 0 && r.s.tx.available() >= PIPE_CAPACITY) return fail(E.EAGAIN);
  return writeFrom(ctx, r.f, ctx.arg(1), len);
}

/** recv/recvfrom(fd, buf, len, flags[, addr, addrlen]): MSG_DONTWAIT; MSG_PEEK is not modelled
 * (EOPNOTSUPP rather than a wrong answer) */
function sysRecvfrom(ctx: SyscallContext): bigint {
  const r = socketOf(ctx, int(ctx.arg(0)));
  if (typeof r === 'number') return fail(r);
  const flags = int(ctx.arg(3));
  if (flags & MSG.PEEK) return fail(E.EOPNOTSUPP);
  const len = Number(ctx.arg(2) < 0x7ffff000n ? ctx.arg(2) : 0x7ffff000n);
  if (len === 0) return 0n;
  // the peer of a socketpair has no address: *addrlen becomes 0 (unix_copy_addr with no address)
  if (ctx.arg(4) !== 0n && ctx.arg(5) !== 0n && !ctx.copyToUser(ctx.arg(5), new Uint8Array(4))) return fail(E.EFAULT);
  return readInto(ctx, r.f, ctx.arg(1), len, undefined, (flags & MSG.DONTWAIT) === 0);
}

/** shutdown(fd, how): SHUT_RD 0, SHUT_WR 1 (the peer reads end of file), SHUT_RDWR 2 */
function sysShutdown(ctx: SyscallContext): bigint {
  const r = socketOf(ctx, int(ctx.arg(0)));
  if (typeof r === 'number') return fail(r);
  const how = int(ctx.arg(1));
  if (how < 0 || how > 2) return fail(E.EINVAL);
  const s = r.s;
  if ((how === 0 || how === 2) && !s.shutRd) {
    s.shutRd = true;
    s.rx.readers--;
    s.rx.closed();
  }
  if ((how === 1 || how === 2) && !s.shutWr) {
    s.shutWr = true;
    s.tx.writers--;
    s.tx.closed();
  }
  return 0n;
}

/** abstract names (sun_path starting with NUL) per machine */
const abstractNames = new WeakMap<Kernel, Map<string, UnixSocketInode>>();
registerSideTable(abstractNames);
function abstract(ctx: SyscallContext): Map<string, UnixSocketInode> {
  let m = abstractNames.get(ctx.kernel);
  if (!m) abstractNames.set(ctx.kernel, (m = new Map()));
  return m;
}

/** socket(domain, type, protocol): AF_UNIX SOCK_STREAM only */
function sysSocket(ctx: SyscallContext): bigint {
  const type = int(ctx.arg(1));
  const kind = type & ~(SOCK.NONBLOCK | SOCK.CLOEXEC);
  if (int(ctx.arg(0)) !== AF_UNIX || kind !== SOCK.STREAM) return fail(E.ENOSYS);
  if (ctx.arg(2) !== 0n) return fail(E.EPROTONOSUPPORT);
  const f = new OpenFile(
    new UnixSocketInode(ctx.kernel.clock.realtimeNs()),
    O.RDWR | (type & SOCK.NONBLOCK ? O.NONBLOCK : 0),
  );
  const fd = ctx.proc.fds.install(f, (type & SOCK.CLOEXEC) !== 0);
  return fd < 0 ? fail(-fd) : BigInt(fd);
}

/** struct sockaddr_un at `ea` (`len` bytes): its sun_path bytes (up to the first NUL unless abstract), or -errno */
function sunPath(ctx: SyscallContext, ea: bigint, len: number): Uint8Array | number {
  if (len < 2 || len > 110) return -E.EINVAL;
  const b = ctx.copyFromUser(ea, len);
  if (!b) return -E.EFAULT;
  if ((b[0] | (b[1] << 8)) !== AF_UNIX) return -E.EINVAL;
  const path = b.subarray(2);
  if (path.length === 0) return -E.EINVAL;
  if (path[0] === 0) return path.slice();
  const nul = path.indexOf(0);
  return path.slice(0, nul < 0 ? path.length : nul);
}

function unixOf(ctx: SyscallContext, fd: number): UnixSocketInode | number {
  const f = ctx.proc.fds.getFile(fd);
  if (!f) return E.EBADF;
  if (f.inode instanceof SocketInode) return E.EISCONN;
  return f.inode instanceof UnixSocketInode ? f.inode : E.ENOTSOCK;
}

function sysBind(ctx: SyscallContext): bigint {
  const u = unixOf(ctx, int(ctx.arg(0)));
  if (typeof u === 'number') return fail(u === E.EISCONN ? E.EINVAL : u);
  const path = sunPath(ctx, ctx.arg(1), int(ctx.arg(2)));
  if (typeof path === 'number') return fail(-path);
  if (u.boundTo) return fail(E.EINVAL);
  if (path[0] === 0) {
    const key = new TextDecoder('latin1').decode(path);
    if (abstract(ctx).has(key)) return fail(E.EADDRINUSE);
    abstract(ctx).set(key, u);
  } else {
    const fs = ctx.kernel.fs;
    const name = new TextDecoder().decode(path);
    const p = fs.parent(name, ctx.proc.cwd, caller(ctx));
    if (typeof p === 'number') return fail(p);
    if (p.existing) return fail(E.EADDRINUSE);
    p.dir.setEntry(p.name, new SocketFileInode(u, 0o777 & ~ctx.proc.umask, ctx.kernel.clock.realtimeNs()));
  }
  u.boundTo = path;
  return 0n;
}

function sysListen(ctx: SyscallContext): bigint {
  const u = unixOf(ctx, int(ctx.arg(0)));
  if (typeof u === 'number') return fail(u === E.EISCONN ? E.EINVAL : u);
  if (!u.boundTo) return fail(E.EINVAL);
  u.listening = true;
  return 0n;
}

function sysConnect(ctx: SyscallContext): bigint {
  const fd = int(ctx.arg(0));
  const u = unixOf(ctx, fd);
  if (typeof u === 'number') return fail(u);
  const path = sunPath(ctx, ctx.arg(1), int(ctx.arg(2)));
  if (typeof path === 'number') return fail(-path);
  let listener: UnixSocketInode | undefined;
  if (path[0] === 0) {
    listener = abstract(ctx).get(new TextDecoder('latin1').decode(path));
    if (!listener) return fail(E.ECONNREFUSED);
  } else {
    const r = ctx.kernel.fs.resolve(new TextDecoder().decode(path), ctx.proc.cwd, caller(ctx));
    if (typeof r === 'number') return fail(r);
    const inode = r.inode;
    if (!(inode instanceof SocketFileInode)) return fail(E.ECONNREFUSED);
    listener = inode.socket;
  }
  if (!listener.listening) return fail(E.ECONNREFUSED);
  const [client, server] = socketPair(ctx.kernel.clock.realtimeNs());
  const held = new OpenFile(server, O.RDWR);
  held.acquire(); // the backlog's reference, until accept installs it
  listener.enqueue(held);
  // the descriptor becomes the connected end (a dup of it made before connect keeps the old socket)
  const e = ctx.proc.fds.entry(fd)!;
  ctx.proc.fds.installAt(fd, new OpenFile(client, O.RDWR | (e.file.flags & O.NONBLOCK)), e.cloexec);
  return 0n;
}

/** accept4(fd, addr, addrlen, flags): the next connection; the peer's address is unnamed (family only) */
function sysAccept4(ctx: SyscallContext, flags: number): bigint {
  if (flags & ~(SOCK.NONBLOCK | SOCK.CLOEXEC)) return fail(E.EINVAL);
  const f = ctx.proc.fds.getFile(int(ctx.arg(0)));
  if (!f) return fail(E.EBADF);
  if (!(f.inode instanceof UnixSocketInode)) return fail(f.inode instanceof SocketInode ? E.EINVAL : E.ENOTSOCK);
  const u = f.inode;
  if (!u.listening) return fail(E.EINVAL);
  const server = u.backlog.shift();
  if (!server) {
    if (f.flags & O.NONBLOCK || !ctx.block) return fail(E.EAGAIN);
    if (ctx.resumed && ctx.signalPending?.()) return fail(E.ERESTARTSYS);
    return ctx.block({ why: 'accept', queues: [u.readWait] });
  }
  server.flags = O.RDWR | (flags & SOCK.NONBLOCK ? O.NONBLOCK : 0);
  const fd = ctx.proc.fds.install(server, (flags & SOCK.CLOEXEC) !== 0);
  if (fd < 0) {
    u.backlog.unshift(server);
    return fail(-fd);
  }
  server.release(); // the backlog's reference
  if (ctx.arg(1) !== 0n && ctx.arg(2) !== 0n) {
    const out = new Uint8Array(4);
    new DataView(out.buffer).setUint32(0, 2, true);
    if (!ctx.copyToUser(ctx.arg(1), new Uint8Array([AF_UNIX, 0])) || !ctx.copyToUser(ctx.arg(2), out))
      return fail(E.EFAULT);
  }
  return BigInt(fd);
}

/** getsockname: a bound socket's address, else the family alone */
function sysGetsockname(ctx: SyscallContext): bigint {
  const f = ctx.proc.fds.getFile(int(ctx.arg(0)));
  if (!f) return fail(E.EBADF);
  if (!(f.inode instanceof UnixSocketInode) && !(f.inode instanceof SocketInode)) return fail(E.ENOTSOCK);
  const path = f.inode instanceof UnixSocketInode ? f.inode.boundTo : undefined;
  const addr = new Uint8Array(2 + (path ? path.length + (path[0] === 0 ? 0 : 1) : 0));
  addr[0] = AF_UNIX;
  if (path) addr.set(path, 2);
  const lb = ctx.copyFromUser(ctx.arg(2), 4);
  if (!lb) return fail(E.EFAULT);
  const room = new DataView(lb.buffer, lb.byteOffset, 4).getUint32(0, true);
  const out = new Uint8Array(4);
  new DataView(out.buffer).setUint32(0, addr.length, true);
  if (!ctx.copyToUser(ctx.arg(1), addr.subarray(0, Math.min(room, addr.length))) || !ctx.copyToUser(ctx.arg(2), out))
    return fail(E.EFAULT);
  return 0n;
}

export const SOCKET_SYSCALLS: readonly SyscallDef[] = [
  [326, 'socket', sysSocket],
  [327, 'bind', sysBind],
  [328, 'connect', sysConnect],
  [329, 'listen', sysListen],
  [330, 'accept', (ctx) => sysAccept4(ctx, 0)],
  [331, 'getsockname', sysGetsockname],
  [344, 'accept4', (ctx) => sysAccept4(ctx, int(ctx.arg(3)))],
  [333, 'socketpair', sysSocketpair],
  [334, 'send', (ctx) => sysSendto(ctx)],
  [335, 'sendto', sysSendto],
  [336, 'recv', (ctx) => sysRecvfrom(ctx)],
  [337, 'recvfrom', sysRecvfrom],
  [338, 'shutdown', sysShutdown],
];
