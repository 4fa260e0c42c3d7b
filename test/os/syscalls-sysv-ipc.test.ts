// System V IPC (sim/os/syscalls/sysv-ipc.ts) through the ipc(2) multiplexer glibc uses on powerpc64
// and the direct calls: a segment's two attachments are one memory, a read-only attachment refuses
// stores, IPC_RMID waits for the last detach, keys with IPC_CREAT/IPC_EXCL, the kernel's id scheme,
// semaphore operations all-or-nothing, message types chosen by msgrcv, IPC_STAT layouts of ppc64.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { E } from '../../sim/os/errno';
import { Guest } from './guest';

const IPC = 117;
const NR = { semop: 392, semget: 393, semctl: 394, shmget: 395, shmctl: 396, shmat: 397, shmdt: 398 };
const NR_MSG = { get: 399, snd: 400, rcv: 401, ctl: 402 };
const IPC_CREAT = 0o1000;
const IPC_EXCL = 0o2000;
const IPC_NOWAIT = 0o4000;
const IPC_RMID = 0;
const IPC_STAT = 2;
const SHM_RDONLY = 0o10000;
const GETVAL = 12;
const SETVAL = 16;

function u64(g: Guest, at: bigint, off: number): bigint {
  return new DataView(g.get(at, off + 8).buffer).getBigUint64(off, true);
}

test('a segment attached twice is one memory; read-only refuses stores; RMID waits for the last detach', () => {
  const g = new Guest();
  const id = g.call(IPC, 23, 0, 10000, IPC_CREAT | 0o600); // SHMGET through ipc(2)
  assert.equal(id, 0); // index 0, sequence 0: the first id of a fresh namespace
  assert.equal(g.call(NR.shmget, 0, 100, 0o600), 1 + 32768); // index 1, sequence 1
  const slot = g.buf(8);
  assert.equal(g.call(IPC, 21, id, 0, slot, 0), 0); // SHMAT version 0: the address at `third`
  const a = u64(g, slot, 0);
  const b = g.sys(NR.shmat, id, 0, SHM_RDONLY);
  assert.ok(a > 0n && b > 0n && a !== b);
  assert.equal(g.t.mem.write(a + 8000n, 8, 0x1234n), true);
  assert.equal(g.t.mem.read(b + 8000n, 8), 0x1234n);
  assert.equal(g.t.mem.write(b, 8, 1n), false); // SHM_RDONLY
  const ds = g.buf(112);
  assert.equal(g.call(NR.shmctl, id, IPC_STAT, ds), 0);
  assert.equal(u64(g, ds, 72), 10000n); // shm_segsz
  assert.equal(u64(g, ds, 88), 2n); // shm_nattch
  assert.equal(new DataView(g.get(ds, 24).buffer).getUint32(20, true) & 0o777, 0o600);
  // removed while attached: still there (SHM_DEST in the mode) until the last detach
  assert.equal(g.call(NR.shmctl, id, IPC_RMID, 0), 0);
  assert.equal(g.call(NR.shmdt, b + 4096n), -E.EINVAL); // not the start of an attachment
  assert.equal(g.call(NR.shmdt, b), 0);
  assert.equal(g.call(NR.shmctl, id, IPC_STAT, ds), 0);
  assert.equal(new DataView(g.get(ds, 24).buffer).getUint32(20, true) & 0o1000, 0o1000);
  assert.equal(g.t.mem.read(a + 8000n, 8), 0x1234n);
  assert.equal(g.call(NR.shmdt, a), 0);
  assert.equal(g.call(NR.shmctl, id, IPC_STAT, ds), -E.EINVAL);
  assert.equal(g.t.mem.read(a, 8), undefined); // unmapped
  assert.equal(g.call(NR.shmget, 0, 0, 0o600), -E.EINVAL);
});

test('keys: IPC_CREAT makes, a second get finds, IPC_EXCL refuses, a missing key without IPC_CREAT is ENOENT', () => {
  const g = new Guest();
  const q = g.call(NR_MSG.get, 1234, IPC_CREAT | 0o640);
  assert.ok(q >= 0);
  assert.equal(g.call(NR_MSG.get, 1234, 0), q);
  assert.equal(g.call(NR_MSG.get, 1234, IPC_CREAT | IPC_EXCL), -E.EEXIST);
  assert.equal(g.call(NR_MSG.get, 999, 0), -E.ENOENT);
  assert.equal(g.call(NR.shmget, 55, 4096, IPC_CREAT | 0o600) >= 0, true);
  assert.equal(g.call(NR.shmget, 55, 8192, 0), -E.EINVAL); // bigger than the segment
});

test('semop: all operations or none; IPC_NOWAIT is EAGAIN; values read back with GETVAL', () => {
  const g = new Guest();
  const s = g.call(NR.semget, 0, 2, IPC_CREAT | 0o600);
  assert.equal(g.call(NR.semctl, s, 0, SETVAL, 3), 0);
  const ops = (list: Array<[number, number, number]>) => {
    const at = g.buf(6 * list.length);
    const b = new Uint8Array(6 * list.length);
    const dv = new DataView(b.buffer);
    list.forEach(([num, op, flg], i) => {
      dv.setUint16(6 * i, num, true);
      dv.setInt16(6 * i + 2, op, true);
      dv.setInt16(6 * i + 4, flg, true);
    });
    g.put(at, b);
    return at;
  };
  // the second operation cannot proceed: the first is not applied either
  assert.equal(
    g.call(
      NR.semop,
      s,
      ops([
        [0, -2, 0],
        [1, -1, IPC_NOWAIT],
      ]),
      2,
    ),
    -E.EAGAIN,
  );
  assert.equal(g.call(NR.semctl, s, 0, GETVAL, 0), 3);
  assert.equal(
    g.call(
      NR.semop,
      s,
      ops([
        [0, -2, 0],
        [1, 4, 0],
      ]),
      2,
    ),
    0,
  );
  assert.deepEqual([g.call(NR.semctl, s, 0, GETVAL, 0), g.call(NR.semctl, s, 1, GETVAL, 0)], [1, 4]);
  assert.equal(g.call(NR.semop, s, ops([[2, 1, 0]]), 1), -E.EFBIG);
  assert.equal(g.call(NR.semctl, s, 0, SETVAL, 40000), -E.ERANGE);
  assert.equal(g.call(NR.semctl, s, 0, IPC_RMID, 0), 0);
  assert.equal(g.call(NR.semop, s, ops([[0, 1, 0]]), 1), -E.EINVAL);
});

test('msgrcv picks by type: any, one type, the lowest up to |type|; E2BIG unless MSG_NOERROR', () => {
  const g = new Guest();
  const q = g.call(NR_MSG.get, 0, 0o600);
  const send = (type: number, textLen: number) => {
    const at = g.buf(8 + textLen);
    const b = new Uint8Array(8 + textLen);
    new DataView(b.buffer).setBigInt64(0, BigInt(type), true);
    b.fill(65 + type, 8);
    g.put(at, b);
    return g.call(NR_MSG.snd, q, at, textLen, 0);
  };
  assert.equal(send(5, 3), 0);
  assert.equal(send(2, 4), 0);
  assert.equal(send(7, 20), 0);
  assert.equal(send(0, 1), -E.EINVAL); // mtype must be positive
  const buf = g.buf(64);
  const type = () => Number(new DataView(g.get(buf, 8).buffer).getBigInt64(0, true));
  assert.equal(g.call(NR_MSG.rcv, q, buf, 32, -6, IPC_NOWAIT), 4); // lowest type <= 6: 2
  assert.equal(type(), 2);
  assert.equal(g.call(NR_MSG.rcv, q, buf, 10, 7, IPC_NOWAIT), -E.E2BIG);
  assert.equal(g.call(NR_MSG.rcv, q, buf, 10, 7, IPC_NOWAIT | 0o10000), 10); // MSG_NOERROR truncates
  assert.equal(g.call(NR_MSG.rcv, q, buf, 32, 9, IPC_NOWAIT), -E.ENOMSG);
  const st = g.buf(120);
  assert.equal(g.call(NR_MSG.ctl, q, IPC_STAT, st), 0);
  assert.deepEqual([u64(g, st, 72), u64(g, st, 80), u64(g, st, 88)], [3n, 1n, 16384n]); // cbytes, qnum, qbytes
  assert.equal(g.call(NR_MSG.rcv, q, buf, 32, 0, IPC_NOWAIT), 3);
  assert.equal(type(), 5);
});
