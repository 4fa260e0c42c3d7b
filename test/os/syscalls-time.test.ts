// Time and randomness (SCENARIOS.md section 7): CLOCK_MONOTONIC advances with the instructions
// executed (512 MHz time base, one tick per instruction), CLOCK_REALTIME starts at
// 2026-01-01T00:00:00Z, sleeping moves the clock instead of waiting, getrandom and /dev/urandom give
// the same bytes on every run.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { E } from '../../sim/os/errno';
import { Guest, NR, O, run } from './guest';

const EPOCH_2026 = 1767225600n;
const NS = 1_000_000_000n;
const CLOCK = {
  REALTIME: 0,
  MONOTONIC: 1,
  PROCESS_CPUTIME_ID: 2,
  THREAD_CPUTIME_ID: 3,
  MONOTONIC_RAW: 4,
  REALTIME_COARSE: 5,
  MONOTONIC_COARSE: 6,
  BOOTTIME: 7,
} as const;

function timespecs(bytes: Uint8Array): bigint[] {
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const out: bigint[] = [];
  for (let o = 0; o + 16 <= bytes.length; o += 16) out.push(dv.getBigInt64(o, true) * NS + dv.getBigInt64(o + 8, true));
  return out;
}

function clock(g: Guest, id: number): bigint {
  const b = g.buf(16);
  assert.equal(g.call(NR.clock_gettime, id, b), 0);
  return timespecs(g.get(b, 16))[0];
}

function timespec(g: Guest, s: bigint, ns: bigint): bigint {
  const b = g.buf(16);
  const dv = new DataView(new ArrayBuffer(16));
  dv.setBigInt64(0, s, true);
  dv.setBigInt64(8, ns, true);
  g.put(b, new Uint8Array(dv.buffer));
  return b;
}

// clock_gettime(CLOCK_MONOTONIC) twice around a loop of N bdnz, both timespecs written to stdout
const TWO_READS = (clockId: number, n: number) => `
    li 3, ${clockId}
    lis 4, ts@ha
    addi 4, 4, ts@l
    SYS 246
    lis 9, ${n >> 16}
    ori 9, 9, ${n & 0xffff}
    mtctr 9
1:  bdnz 1b
    li 3, ${clockId}
    lis 4, ts@ha
    addi 4, 4, ts@l
    addi 4, 4, 16
    SYS 246
    li 3, 1
    lis 4, ts@ha
    addi 4, 4, ts@l
    li 5, 32
    SYS 4
    li 3, 0
    SYS 1
    .data
    .balign 8
ts: .space 32
`;

test('CLOCK_MONOTONIC advances by the instructions executed: 1.953125 ns each (512 MHz)', () => {
  const n = 200_000;
  const r = run(TWO_READS(CLOCK.MONOTONIC, n));
  assert.equal(r.exitCode, 0);
  const [a, b] = timespecs(r.stdout);
  // between the two reads: the loop (n bdnz) and 9 other instructions
  const ticks = BigInt(n + 9);
  const expect = (ticks * NS) / 512_000_000n;
  assert.ok(
    b - a >= expect - 2n && b - a <= expect + 2n,
    `${b - a} ns for ${ticks} instructions (expected about ${expect})`,
  );
  // the machine "booted" 1 s before the program started
  assert.ok(a >= NS && a < NS + 1000n, `monotonic at start ${a}`);
  // the same program gives the same clock readings on every run
  assert.deepEqual(run(TWO_READS(CLOCK.MONOTONIC, n)).stdout, r.stdout);
});

test('CLOCK_REALTIME starts at 2026-01-01T00:00:00Z; gettimeofday and time agree with it', () => {
  const r = run(TWO_READS(CLOCK.REALTIME, 10));
  const [a, b] = timespecs(r.stdout);
  assert.equal(a / NS, EPOCH_2026);
  assert.ok(a % NS < 1000n);
  assert.ok(b > a);
  const g = new Guest();
  const rt = clock(g, CLOCK.REALTIME);
  assert.equal(rt / NS, EPOCH_2026);
  const tv = g.buf(16);
  assert.equal(g.call(NR.time, 0), Number(EPOCH_2026));
  assert.equal(g.call(NR.time, tv), Number(EPOCH_2026));
  assert.equal(g.u64(tv), EPOCH_2026);
  assert.equal(g.call(78, tv, 0), 0); // gettimeofday
  assert.equal(g.u64(tv), EPOCH_2026);
  assert.ok(g.u64(tv, 8) < 1_000_000n);
  // the other clocks: BOOTTIME and MONOTONIC_RAW are MONOTONIC here; the CPU clocks count from the start
  const mono = clock(g, CLOCK.MONOTONIC);
  assert.equal(clock(g, CLOCK.BOOTTIME), mono);
  assert.equal(clock(g, CLOCK.MONOTONIC_RAW), mono);
  assert.ok(clock(g, CLOCK.PROCESS_CPUTIME_ID) < 1000n);
  // an unknown clock: EINVAL; a bad pointer: EFAULT
  assert.equal(g.call(NR.clock_gettime, 99, tv), -E.EINVAL);
  assert.equal(g.call(NR.clock_gettime, CLOCK.MONOTONIC, 0x100), -E.EFAULT);
  // the resolution: 1 ns for the fine clocks
  assert.equal(g.call(NR.clock_getres, CLOCK.MONOTONIC, tv), 0);
  assert.deepEqual(timespecs(g.get(tv, 16)), [1n]);
  assert.equal(g.call(NR.clock_getres, 99, tv), -E.EINVAL);
});

test('nanosleep and clock_nanosleep move the clocks forward by the interval, without executing anything', () => {
  const g = new Guest();
  const m0 = clock(g, CLOCK.MONOTONIC);
  const r0 = clock(g, CLOCK.REALTIME);
  const icount = g.m.icount;
  assert.equal(g.call(NR.nanosleep, timespec(g, 1n, 500_000_000n), 0), 0);
  const m1 = clock(g, CLOCK.MONOTONIC);
  assert.ok(m1 - m0 >= 1_500_000_000n && m1 - m0 < 1_500_000_100n, `slept ${m1 - m0} ns`);
  assert.ok(clock(g, CLOCK.REALTIME) - r0 >= 1_500_000_000n);
  assert.equal(g.m.icount, icount);
  // sleeping uses no CPU: the CPU-time clocks did not move
  assert.ok(clock(g, CLOCK.PROCESS_CPUTIME_ID) < 1000n);
  assert.ok(clock(g, CLOCK.THREAD_CPUTIME_ID) < 1000n);
  const ru = g.buf(144);
  assert.equal(g.call(77, 0, ru), 0); // getrusage(RUSAGE_SELF): ru_utime
  assert.deepEqual([g.u64(ru), g.u64(ru, 8)], [0n, 0n]);
  // invalid intervals
  assert.equal(g.call(NR.nanosleep, timespec(g, -1n, 0n), 0), -E.EINVAL);
  assert.equal(g.call(NR.nanosleep, timespec(g, 0n, NS), 0), -E.EINVAL);
  assert.equal(g.call(NR.nanosleep, 0x100, 0), -E.EFAULT);
  // clock_nanosleep: relative, and absolute (TIMER_ABSTIME) to a deadline
  assert.equal(g.call(NR.clock_nanosleep, CLOCK.MONOTONIC, 0, timespec(g, 2n, 0n), 0), 0);
  const m2 = clock(g, CLOCK.MONOTONIC);
  assert.ok(m2 - m1 >= 2n * NS);
  const deadline = m2 + 3n * NS;
  assert.equal(g.call(NR.clock_nanosleep, CLOCK.MONOTONIC, 1, timespec(g, deadline / NS, deadline % NS), 0), 0);
  const m3 = clock(g, CLOCK.MONOTONIC);
  assert.ok(m3 >= deadline && m3 < deadline + 100n);
  // a deadline in the past returns at once
  assert.equal(g.call(NR.clock_nanosleep, CLOCK.MONOTONIC, 1, timespec(g, 0n, 0n), 0), 0);
  assert.ok(clock(g, CLOCK.MONOTONIC) - m3 < 100n);
  // realtime deadlines too; the thread's CPU clock cannot be slept on
  const rt = clock(g, CLOCK.REALTIME) + NS;
  assert.equal(g.call(NR.clock_nanosleep, CLOCK.REALTIME, 1, timespec(g, rt / NS, rt % NS), 0), 0);
  assert.ok(clock(g, CLOCK.REALTIME) >= rt);
  assert.equal(g.call(NR.clock_nanosleep, CLOCK.THREAD_CPUTIME_ID, 0, timespec(g, 1n, 0n), 0), -E.EINVAL);
});

// getrandom(buf, 16, 0) twice, then 16 bytes of /dev/urandom; all 48 bytes to stdout
const RANDOM = `
    lis 4, buf@ha
    addi 3, 4, buf@l
    li 4, 16
    li 5, 0
    SYS 359
    lis 4, buf@ha
    addi 3, 4, buf@l
    addi 3, 3, 16
    li 4, 16
    li 5, 0
    SYS 359
    lis 3, path@ha
    addi 3, 3, path@l
    li 4, 0
    SYS 5
    lis 4, buf@ha
    addi 4, 4, buf@l
    addi 4, 4, 32
    li 5, 16
    SYS 3
    li 3, 1
    lis 4, buf@ha
    addi 4, 4, buf@l
    li 5, 48
    SYS 4
    li 3, 0
    SYS 1
    .data
path: .asciz "/dev/urandom"
buf: .space 48
`;

test('getrandom and /dev/urandom: the same bytes on every run, different bytes from call to call', () => {
  const a = run(RANDOM);
  const b = run(RANDOM);
  assert.equal(a.exitCode, 0);
  assert.equal(a.stdout.length, 48);
  assert.deepEqual(a.stdout, b.stdout);
  const hex = Buffer.from(a.stdout).toString('hex');
  assert.notEqual(hex.slice(0, 32), hex.slice(32, 64));
  assert.notEqual(hex.slice(32, 64), hex.slice(64, 96));
  assert.notEqual(hex.slice(0, 32), '0'.repeat(32));
  // also on another machine model and policy: the same seed
  assert.deepEqual(run(RANDOM, { cpu: 'power8', kernel: '6.5' }).stdout, a.stdout);
  // the flags: GRND_NONBLOCK, GRND_RANDOM, GRND_INSECURE; RANDOM with INSECURE or unknown bits are EINVAL
  const g = new Guest();
  const buf = g.buf(64);
  assert.equal(g.call(NR.getrandom, buf, 64, 1), 64);
  assert.equal(g.call(NR.getrandom, buf, 64, 2), 64);
  assert.equal(g.call(NR.getrandom, buf, 64, 4), 64);
  assert.equal(g.call(NR.getrandom, buf, 64, 6), -E.EINVAL);
  assert.equal(g.call(NR.getrandom, buf, 64, 8), -E.EINVAL);
  assert.equal(g.call(NR.getrandom, buf, 0, 0), 0);
  assert.equal(g.call(NR.getrandom, 0x100, 8, 0), -E.EFAULT);
  // /dev/random reads too
  const fd = g.open('/dev/random', O.RDONLY);
  assert.equal(g.call(NR.read, fd, buf, 32), 32);
});

test(
  'futex waits: EAGAIN when the value differs, ETIMEDOUT after the timeout (the clock ' +
    'moved), wakes find no waiter',
  () => {
    const g = new Guest();
    const FUTEX = 221;
    const PRIVATE = 128;
    const word = g.buf(8);
    g.put(word, new Uint8Array([5, 0, 0, 0]));
    assert.equal(g.call(FUTEX, word, 0 | PRIVATE, 6, 0), -E.EAGAIN);
    // FUTEX_WAIT: a relative timeout
    const m0 = clock(g, CLOCK.MONOTONIC);
    assert.equal(g.call(FUTEX, word, 0 | PRIVATE, 5, timespec(g, 0n, 250_000_000n)), -E.ETIMEDOUT);
    const m1 = clock(g, CLOCK.MONOTONIC);
    assert.ok(m1 - m0 >= 250_000_000n && m1 - m0 < 250_000_100n);
    // FUTEX_WAIT_BITSET: an absolute deadline on CLOCK_MONOTONIC, or CLOCK_REALTIME with FUTEX_CLOCK_REALTIME
    const dl = m1 + NS;
    assert.equal(g.call(FUTEX, word, 9 | PRIVATE, 5, timespec(g, dl / NS, dl % NS), 0, 0xffffffff), -E.ETIMEDOUT);
    assert.ok(clock(g, CLOCK.MONOTONIC) >= dl);
    const rt = clock(g, CLOCK.REALTIME) + 2n * NS;
    assert.equal(g.call(FUTEX, word, 9 | PRIVATE | 256, 5, timespec(g, rt / NS, rt % NS), 0, 0xffffffff), -E.ETIMEDOUT);
    assert.ok(clock(g, CLOCK.REALTIME) >= rt);
    // a deadline already past: at once
    const m2 = clock(g, CLOCK.MONOTONIC);
    assert.equal(g.call(FUTEX, word, 9, 5, timespec(g, 0n, 0n), 0, 0xffffffff), -E.ETIMEDOUT);
    assert.ok(clock(g, CLOCK.MONOTONIC) - m2 < 100n);
    // the checks: a bad timeout, a zero bitset, a misaligned word, an unknown operation
    assert.equal(g.call(FUTEX, word, 0, 5, timespec(g, 0n, NS)), -E.EINVAL);
    assert.equal(g.call(FUTEX, word, 9, 5, 0, 0, 0), -E.EINVAL);
    assert.equal(g.call(FUTEX, word + 2n, 0, 5, 0), -E.EINVAL);
    assert.equal(g.call(FUTEX, word + 2n, 1, 1), -E.EINVAL);
    assert.equal(g.call(FUTEX, word, 1 | 256, 1), -E.ENOSYS);
    assert.equal(g.call(FUTEX, word, 99, 1), -E.ENOSYS);
    assert.equal(g.call(FUTEX, word, 1 | PRIVATE, 1), 0); // FUTEX_WAKE: nobody to wake
    assert.equal(g.call(FUTEX, 0x100, 0, 5, 0), -E.EFAULT);
  },
);
