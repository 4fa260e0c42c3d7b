// socketpair(AF_UNIX) and send/recv/shutdown on its ends (sim/os/syscalls/sockets.ts, vfs/socket.ts):
// they were ENOSYS. Each end reads what the other writes; shutdown(SHUT_WR) is end of file for the
// peer; a closed peer is EPIPE; MSG_DONTWAIT on an empty socket is EAGAIN; fstat says S_IFSOCK.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { E } from '../../sim/os/errno';
import { POLL } from '../../sim/os/syscalls/poll';
import { Guest, NR, O } from './guest';

const SYS = { socketpair: 333, sendto: 335, recvfrom: 337, shutdown: 338, poll: 167 } as const;

function pair(g: Guest, type = 1): [number, number] {
  const b = g.buf(8);
  assert.equal(g.call(SYS.socketpair, 1, type, 0, b), 0);
  return [g.u32(b, 0), g.u32(b, 4)];
}

function recv(g: Guest, fd: number, n: number, flags = 0): string | number {
  const b = g.buf(n);
  const r = g.call(SYS.recvfrom, fd, b, n, flags, 0, 0);
  return r < 0 ? r : new TextDecoder().decode(g.get(b, r));
}

test(
  'socketpair: both directions; shutdown(SHUT_WR) gives ' + 'the peer end of file; MSG_DONTWAIT is EAGAIN when empty',
  () => {
    const g = new Guest();
    const [a, b] = pair(g);
    assert.equal(g.write(a, 'ping'), 4);
    assert.equal(recv(g, b, 16), 'ping');
    const msg = g.str('pong');
    assert.equal(g.call(SYS.sendto, b, msg, 4, 0, 0, 0), 4);
    assert.equal(g.readText(a, 16), 'pong');
    assert.equal(recv(g, a, 16, 0x40), -E.EAGAIN);
    assert.equal(g.call(SYS.shutdown, b, 1), 0);
    assert.equal(recv(g, a, 16), '', 'end of file after the peer shut down writing');
    assert.equal(g.write(a, 'still'), 5, 'the other direction stays open');
    assert.equal(recv(g, b, 16), 'still');
  },
);

test(
  'socketpair: a closed peer is EPIPE (MSG_NOSIGNAL); fstat ' +
    'S_IFSOCK; EAFNOSUPPORT, EINVAL, ENOTSOCK; SOCK_NONBLOCK',
  () => {
    const g = new Guest();
    const [a, b] = pair(g);
    const st = g.buf(144);
    assert.equal(g.call(NR.fstat, a, st), 0);
    assert.equal(g.u32(st, 24) & 0o170000, 0o140000);
    assert.equal(g.call(NR.close, b), 0);
    assert.equal(g.call(SYS.sendto, a, g.str('x'), 1, 0x4000, 0, 0), -E.EPIPE);
    assert.equal(recv(g, a, 4), '', 'end of file from a closed peer');
    assert.equal(g.call(SYS.socketpair, 2, 1, 0, g.buf(8)), -E.EAFNOSUPPORT);
    assert.equal(g.call(SYS.socketpair, 1, 3, 0, g.buf(8)), -E.EINVAL);
    const f = g.open('/tmp/plain', O.CREAT | O.RDWR);
    assert.equal(recv(g, f, 4), -E.ENOTSOCK);
    const [c] = pair(g, 1 | 0o4000);
    assert.equal(g.call(NR.read, c, g.buf(4), 4), -E.EAGAIN, 'SOCK_NONBLOCK');
  },
);

test('poll on a socket end: writable when empty, readable with data, HUP when the peer is gone', () => {
  const g = new Guest();
  const [a, b] = pair(g);
  const pfd = g.buf(8);
  const poll = (fd: number): number => {
    g.put(pfd, new Uint8Array([fd & 0xff, 0, 0, 0, POLL.IN | POLL.OUT, 0, 0, 0]));
    g.call(SYS.poll, pfd, 1, 0);
    return g.u32(pfd, 4) >>> 16;
  };
  assert.equal(poll(a), POLL.OUT, 'revents: only what was asked for (and HUP/ERR)');
  g.write(b, 'x');
  assert.equal(poll(a), POLL.IN | POLL.OUT);
  g.call(NR.close, b);
  assert.equal(poll(a) & POLL.HUP, POLL.HUP);
});

test('AF_UNIX stream server: bind makes an S_IFSOCK file, connect queues, accept takes; data flows both ways', () => {
  const g = new Guest();
  const SOCKET = 326;
  const BIND = 327;
  const CONNECT = 328;
  const LISTEN = 329;
  const ACCEPT4 = 344;
  const addr = (path: string) => {
    const b = new Uint8Array(110);
    b[0] = 1; // AF_UNIX
    b.set(new TextEncoder().encode(path), 2);
    const at = g.buf(110);
    g.put(at, b);
    return at;
  };
  const srv = g.call(SOCKET, 1, 1 | 0o4000, 0); // SOCK_STREAM | SOCK_NONBLOCK
  assert.ok(srv >= 0);
  assert.equal(g.call(SOCKET, 2, 1, 0), -E.ENOSYS); // AF_INET: not modelled
  const a = addr('/tmp/srv.sock');
  assert.equal(g.call(LISTEN, srv, 4), -E.EINVAL); // not bound
  assert.equal(g.call(BIND, srv, a, 110), 0);
  assert.equal(g.call(BIND, g.call(SOCKET, 1, 1, 0), a, 110), -E.EADDRINUSE);
  const cli = g.call(SOCKET, 1, 1, 0);
  assert.equal(g.call(CONNECT, cli, a, 110), -E.ECONNREFUSED); // bound, not listening
  assert.equal(g.call(LISTEN, srv, 4), 0);
  assert.equal(g.call(ACCEPT4, srv, 0, 0, 0), -E.EAGAIN); // nothing waiting, a non-blocking listener
  assert.equal(g.call(CONNECT, cli, a, 110), 0);
  assert.equal(g.call(CONNECT, cli, a, 110), -E.EISCONN);
  const msg = g.str('ping');
  assert.equal(g.call(NR.write, cli, msg, 4), 4); // before accept: the server end already holds it
  const conn = g.call(ACCEPT4, srv, 0, 0, 0);
  assert.ok(conn >= 0);
  assert.equal(g.readText(conn, 4), 'ping');
  assert.equal(g.call(NR.write, conn, msg, 2), 2);
  assert.equal(g.readText(cli, 2), 'pi');
  assert.equal(g.call(CONNECT, g.call(SOCKET, 1, 1, 0), addr('/tmp/none.sock'), 110), -E.ENOENT);
});
