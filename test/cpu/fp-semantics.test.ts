// FPSCR and result semantics the ISA defines and qemu does not model (so fp-qemu.test.ts cannot
// check them): FR, FX only on a 0 -> 1 change, enabled exceptions (VE/ZE suppress the result, OE/UE
// deliver it with the exponent adjusted, SIGFPE only with MSR[FE0 FE1] set), fnmadd rounding before
// the negation, the class of single-precision denormal results, DRN.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assemble } from '../../sim/asm/assembler';
import * as S from '../../sim/cpu/isa/fpscr';
import type { ThreadState } from '../../sim/cpu/thread-state';
import { run } from './harness';
import { fromBits } from './fp-values';

function words(src: string): number[] {
  const a = assemble(
    src
      .split(';')
      .map((l) => `\t${l.trim()}`)
      .join('\n') + '\n',
    'x.s',
  );
  if (!a.ok) throw new Error(a.errors.map((e) => e.message).join('; '));
  const b = a.value.sections.find((s) => s.name === '.text')!.bytes;
  const out: number[] = [];
  for (let i = 0; i < b.length; i += 4) out.push(b[i] | (b[i + 1] << 8) | (b[i + 2] << 16) | (b[i + 3] << 24));
  return out;
}
function exec(src: string, fprs: Record<number, number>, fpscr = 0, init?: (t: ThreadState) => void) {
  const r = run(
    words(src),
    {},
    {
      init: (t) => {
        for (const [k, v] of Object.entries(fprs)) t.vsrF64[2 * Number(k) + 1] = v;
        t.fpscr = fpscr;
        init?.(t);
      },
    },
  );
  return { ...r, f: (n: number) => r.t.vsrF64[2 * n + 1], fpscr: r.t.fpscr };
}
const has = (f: number, bits: number) => (f & bits) === bits;
const fprf = (f: number) => (f >>> 12) & 0x1f;

test('FR: set when the fraction was incremented (|result| > |exact|), FI when inexact', () => {
  let r = exec('fadd 3,1,2', { 1: 1, 2: -(2 ** -60) }); // rounds up to 1.0
  assert.equal(r.f(3), 1);
  assert.ok(has(r.fpscr, S.FR | S.FI | S.XX | S.FX));
  r = exec('fadd 3,1,2', { 1: 1, 2: 2 ** -60 }); // rounds down to 1.0
  assert.ok(has(r.fpscr, S.FI | S.XX) && !has(r.fpscr, S.FR));
  r = exec('fadd 3,1,2', { 1: 1, 2: 2 }, S.FR | S.FI); // exact: both cleared
  assert.equal(r.fpscr & (S.FR | S.FI), 0);
  r = exec('fctiw 3,1', { 1: 2.5 }, 2); // RP: 3, incremented
  assert.ok(has(r.fpscr, S.FR | S.FI));
});

test('FX is set only when an exception bit changes from 0 to 1', () => {
  let r = exec('fadd 3,1,2', { 1: 1, 2: 2 ** -60 }, S.XX); // XX already set, FX clear: stays clear
  assert.equal(r.fpscr & S.FX, 0);
  assert.ok(has(r.fpscr, S.XX));
  r = exec('fadd 3,1,2', { 1: 1, 2: 2 ** -60 }, 0);
  assert.ok(has(r.fpscr, S.FX | S.XX));
  r = exec('fdiv 3,1,2', { 1: 1, 2: 0 }, S.XX); // ZX is new
  assert.ok(has(r.fpscr, S.FX | S.ZX));
});

test(
  'VE: an invalid operation leaves FRT and FPRF alone, clears FR FI, sets FEX; no trap ' + 'with MSR FE0/FE1 clear',
  () => {
    const f0 = S.VE | S.FR | S.FI | S.FPRF_PNORM;
    const r = exec('fsub 3,1,2; fmr 4,1', { 1: Infinity, 2: Infinity, 3: 42 }, f0);
    assert.equal(r.f(3), 42);
    assert.equal(fprf(r.fpscr), 0x04);
    assert.ok(has(r.fpscr, S.VXISI | S.VX | S.FX | S.FEX));
    assert.equal(r.fpscr & (S.FR | S.FI), 0);
    assert.equal(r.f(4), Infinity); // the next instruction ran
    assert.equal(r.stop.kind, 'trap');
  },
);

test('with MSR FE0 set (prctl PR_SET_FPEXC) an enabled exception is a SIGFPE at the instruction', () => {
  const r = exec('fdiv 3,1,2; fadd 4,1,1', { 1: 1, 2: 0, 3: 7, 4: 9 }, S.ZE, (t) => (t.msr |= 0x800n));
  assert.equal(r.stop.kind, 'fault');
  assert.equal(r.stop.kind === 'fault' && r.stop.signal, 'SIGFPE');
  assert.equal(r.t.pc, 0x10000000n);
  assert.equal(r.f(3), 7); // suppressed
  assert.equal(r.f(4), 9); // not reached
  assert.ok(has(r.t.fpscr, S.ZX | S.FEX));
});

test('OE/UE enabled: the result is delivered with its exponent adjusted by 1536 (192 for single)', () => {
  let r = exec('fmul 3,1,2', { 1: 2 ** 1000, 2: 2 ** 100 }, S.OE);
  assert.equal(r.f(3), 2 ** (1100 - 1536));
  assert.ok(has(r.fpscr, S.OX | S.FX | S.FEX) && !has(r.fpscr, S.XX));
  r = exec('fmul 3,1,2', { 1: 2 ** -1000, 2: 2 ** -100 }, S.UE);
  assert.equal(r.f(3), 2 ** (-1100 + 1536));
  assert.ok(has(r.fpscr, S.UX | S.FEX));
  r = exec('fmuls 3,1,2', { 1: 2 ** 100, 2: 2 ** 100 }, S.OE);
  assert.equal(r.f(3), 2 ** (200 - 192));
  r = exec('fmul 3,1,2', { 1: 2 ** -1000, 2: 2 ** -100 }, 0); // disabled: the tiny result rounds to 0
  assert.equal(r.f(3), 0);
  assert.ok(has(r.fpscr, S.UX | S.XX)); // tiny and inexact
  r = exec('fmul 3,1,2', { 1: 2 ** -1000, 2: 2 ** -30 }, 0); // tiny but exact (a denormal): no UX
  assert.equal(r.f(3), 2 ** -1030);
  assert.equal(r.fpscr & (S.UX | S.XX), 0);
});

test('fnmadd/fnmsub negate the rounded fmadd/fmsub result (round toward +infinity)', () => {
  const r = exec('fnmadd 4,1,2,3', { 1: 1, 2: 1, 3: 2 ** -60 }, 2);
  assert.equal(r.f(4), -(1 + 2 ** -52)); // RP(1 + 2^-60) = 1 + 2^-52, negated
  const s = exec('fnmsub 4,1,2,3', { 1: 1, 2: 1, 3: 2 ** -60 }, 3); // -(RM(1 - 2^-60)) = -(1 - 2^-53)
  assert.equal(s.f(4), -(1 - 2 ** -53));
});

test('FPRF of a single-precision result is its class as a single (denormalized)', () => {
  const r = exec('fmuls 3,1,2', { 1: 2 ** -100, 2: 2 ** -40 }, 0);
  assert.equal(r.f(3), 2 ** -140);
  assert.equal(fprf(r.fpscr), 0x14);
  const d = exec('fmul 3,1,2', { 1: 2 ** -100, 2: 2 ** -40 }, 0);
  assert.equal(fprf(d.fpscr), 0x04);
});

test('lfs keeps a signaling NaN signaling; frsp quiets it (VXSNAN); stfs of a denormal single truncates', () => {
  const data = new Uint8Array(16);
  new DataView(data.buffer).setUint32(0, 0x7f800001, true);
  const r = run(
    words('lis 9,0x1010; lfs 1,0(9); frsp 2,1; stfs 3,8(9); lwz 10,8(9)'),
    {},
    {
      data,
      init: (t) => (t.vsrF64[2 * 3 + 1] = fromBits(0x3690000000000001n)), // 2^-150 (1 + 2^-52): below the single range
    },
  );
  assert.equal(r.t.getFprBits(1), 0x7ff0000020000000n);
  assert.equal(r.t.getFprBits(2), 0x7ff8000020000000n);
  assert.ok(has(r.t.fpscr, S.VXSNAN | S.VX | S.FX));
  assert.equal(r.t.getGpr(10), 0n); // below the smallest denormal single: a signed zero (qemu)
});

test('DRN: mffscdrni sets it, mffs returns it in the high word, mtfsf L=1 writes it', () => {
  const r = exec('mffscdrni 1,5; mffs 2', {}, 0);
  assert.equal(r.t.fpscrDrn, 5);
  assert.equal(r.t.getFprBits(2) >> 32n, 5n);
  const s = run(words('mtfsf 0xff,1,1,0; mffs 2'), {}, { init: (t) => t.setFprBits(1, 0x0000000600000003n) });
  assert.equal(s.t.fpscrDrn, 6);
  assert.equal(s.t.fpscr, 3);
});

test('VSX vector: an enabled invalid operation in one lane leaves the whole target alone', () => {
  const r = run(
    words('xvadddp 36,33,34'),
    {},
    {
      init: (t) => {
        t.fpscr = S.VE;
        t.vsrF64[2 * 33 + 1] = Infinity;
        t.vsrF64[2 * 34 + 1] = -Infinity;
        t.vsrF64[2 * 33] = 1;
        t.vsrF64[2 * 34] = 2;
        t.vsrF64[2 * 36 + 1] = 11;
        t.vsrF64[2 * 36] = 12;
      },
    },
  );
  assert.equal(r.t.vsrF64[2 * 36 + 1], 11);
  assert.equal(r.t.vsrF64[2 * 36], 12);
  assert.ok(has(r.t.fpscr, S.VXISI | S.FEX));
});
