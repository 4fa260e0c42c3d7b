// A floating-point enabled exception's SIGFPE: si_code from the FPSCR as the kernel's parse_fpe
// picks it (invalid before overflow before underflow before zero divide before inexact, each only
// when both its status and its enable bit are set), SIGSEGV's code (ACCERR or MAPERR), and
// prctl(PR_SET_FPEXC) / PR_GET_FPEXC setting MSR[FE0 FE1], which decides whether an enabled
// exception interrupts at all.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fpeCode } from '../../sim/machine/signals';
import { E } from '../../sim/os/errno';
import { Guest, run } from '../os/guest';

// FPSCR bits (1 << (63 - ISA bit)): status VX OX UX ZX XX, enables VE OE UE ZE XE
const VX = 1 << 29;
const OX = 1 << 28;
const ZX = 1 << 26;
const XX = 1 << 25;
const VE = 1 << 7;
const OE = 1 << 6;
const ZE = 1 << 4;
const XE = 1 << 3;

test('si_code: the first enabled exception that occurred, in parse_fpe order', () => {
  assert.equal(fpeCode(ZX | ZE), 'FPE_FLTDIV');
  assert.equal(fpeCode(VX | VE | ZX | ZE), 'FPE_FLTINV');
  assert.equal(fpeCode(OX | OE | XX | XE), 'FPE_FLTOVF');
  assert.equal(fpeCode(XX | XE | ZX), 'FPE_FLTRES'); // ZX without ZE does not count
  assert.equal(fpeCode(VX | ZE), 'SI_KERNEL');
});

test('PR_SET_FPEXC sets MSR[FE0 FE1] (PRECISE: both), PR_GET_FPEXC reads the mode back', () => {
  const g = new Guest();
  const PR_GET_FPEXC = 11;
  const PR_SET_FPEXC = 12;
  const out = g.buf(4);
  const mode = () => new DataView(g.get(out, 4).buffer).getUint32(0, true);
  assert.equal(g.call(171, PR_GET_FPEXC, out), 0);
  assert.equal(mode(), 0); // DISABLED: Linux starts processes in ignore-exceptions mode
  assert.equal(g.call(171, PR_SET_FPEXC, 3), 0);
  assert.equal(g.t.thread.msr & 0x900n, 0x900n);
  assert.equal(g.call(171, PR_GET_FPEXC, out), 0);
  assert.equal(mode(), 3);
  assert.equal(g.call(171, PR_SET_FPEXC, 2), 0); // ASYNC: FE0 only
  assert.equal(g.t.thread.msr & 0x900n, 0x800n);
  assert.equal(g.call(171, PR_SET_FPEXC, 0x80), -E.EINVAL); // PR_FP_EXC_SW_ENABLE: no SPE here
  assert.equal(g.call(171, PR_SET_FPEXC, 0), 0);
  assert.equal(g.t.thread.msr & 0x900n, 0n);
});

/** A program whose SIGSEGV handler writes si_code (siginfo +8) to stdout and exits; `access` faults. */
function segvCode(access: string): number {
  const r = run(`
    lis 30, act@ha
    addi 30, 30, act@l
    lis 9, handler@ha
    addi 9, 9, handler@l
    std 9, 0(30)
    li 9, 4
    std 9, 8(30)
    li 3, 11
    mr 4, 30
    li 5, 0
    li 6, 8
    SYS 173
    li 3, 0
    lis 4, 1
    li 5, 1
    li 6, 0x22
    li 7, -1
    li 8, 0
    SYS 90
    li 9, 1
${access}
    li 3, 9
    SYS 234
handler:
    lwz 9, 8(4)
    lis 10, out@ha
    addi 10, 10, out@l
    stw 9, 0(10)
    li 3, 1
    mr 4, 10
    li 5, 4
    SYS 4
    li 3, 0
    SYS 234
    .data
    .balign 8
act: .space 32
out: .space 4
`);
  assert.equal(r.exitCode, 0);
  return new DataView(r.stdout.buffer, r.stdout.byteOffset, 4).getInt32(0, true);
}

test("SIGSEGV's si_code: SEGV_ACCERR where a mapping forbids the access, SEGV_MAPERR where nothing is mapped", () => {
  assert.equal(segvCode('    std 9, 0(3)'), 2); // a store to the read-only page just mapped
  assert.equal(segvCode('    li 3, 16\n    std 9, 0(3)'), 1); // near NULL: nothing mapped
});
