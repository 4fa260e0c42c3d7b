// Sockets: socketpair(AF_UNIX) and the data calls on its ends (send/sendto, recv/recvfrom, shutdown),
// over the connected pair of sim/os/vfs/socket.ts. Other families, socket(), bind, connect and the
// rest are not modelled (ENOSYS from the table).
import { E } from '../errno';
import { O, OpenFile } from '../vfs/open-file';
import { PIPE_CAPACITY } from '../vfs/pipe';
import { SocketInode, socketPair } from '../vfs/socket';
import { fail, type SyscallContext, type SyscallDef } from './context';
import { readInto, writeFrom } from './files';

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

export const SOCKET_SYSCALLS: readonly SyscallDef[] = [
  [333, 'socketpair', sysSocketpair],
  [334, 'send', (ctx) => sysSendto(ctx)],
  [335, 'sendto', sysSendto],
  [336, 'recv', (ctx) => sysRecvfrom(ctx)],
  [337, 'recvfrom', sysRecvfrom],
  [338, 'shutdown', sysShutdown],
];
