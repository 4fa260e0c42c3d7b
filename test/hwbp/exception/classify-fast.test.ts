// The hot path classifies with wpCheckResult (no texts) and a decision's reason is rebuilt later with
// wpCheckConstraints: the two must give the same verdict for every breakpoint and access.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  HW_BRK_TYPE_HYP,
  HW_BRK_TYPE_KERNEL,
  HW_BRK_TYPE_READ,
  HW_BRK_TYPE_TRANSLATE,
  HW_BRK_TYPE_USER,
  HW_BRK_TYPE_WRITE,
} from '../../../sim/hwbp/breakpoint';
import {
  slotResultOf,
  WP_EXTRANEOUS,
  WP_HIT,
  WP_MISS,
  wpCheckConstraints,
  wpCheckResult,
  type ExceptionSite,
} from '../../../sim/hwbp/classify';
import { cpuModel } from '../../../sim/hwbp/cpu-model';
import type { InstrDetail } from '../../../sim/hwbp/hw-context';

const TYPES: InstrDetail['type'][] = [
  'load',
  'load_vsx',
  'store',
  'store_vsx',
  'larx',
  'stcx',
  'cacheop',
  'unknown',
  'other',
];
const BASE = 0x10100000n;
const KERNEL_BASE = 0xc000000000001000n;
const NAMES = { [WP_MISS]: 'miss', [WP_HIT]: 'hit', [WP_EXTRANEOUS]: 'extraneous' } as const;

test('wpCheckResult agrees with slotResultOf(wpCheckConstraints) (random breakpoints, accesses, models, modes)', () => {
  const arb = fc.record({
    model: fc.constantFrom('power7', 'power8', 'power9', 'power10'),
    kernelAddr: fc.boolean(),
    addrOff: fc.integer({ min: 0, max: 64 }),
    len: fc.integer({ min: 1, max: 40 }),
    typeBits: fc.integer({ min: 0, max: 31 }),
    readable: fc.boolean(),
    itype: fc.constantFrom(...TYPES),
    eaOff: fc.integer({ min: 0, max: 96 }),
    size: fc.constantFrom(1, 2, 4, 8, 16, 32),
    darOff: fc.integer({ min: 0, max: 96 }),
    mode: fc.constantFrom('user', 'kernel'),
    kernelPc: fc.boolean(),
  });
  fc.assert(
    fc.property(arb, (a) => {
      const base = a.kernelAddr ? KERNEL_BASE : BASE;
      let type = HW_BRK_TYPE_TRANSLATE;
      if (a.typeBits & 1) type |= HW_BRK_TYPE_READ;
      if (a.typeBits & 2) type |= HW_BRK_TYPE_WRITE;
      if (a.typeBits & 4) type |= HW_BRK_TYPE_USER;
      if (a.typeBits & 8) type |= HW_BRK_TYPE_KERNEL;
      if (a.typeBits & 16) type |= HW_BRK_TYPE_HYP;
      const info = { address: base + BigInt(a.addrOff), len: a.len, type };
      const detail: InstrDetail = a.readable
        ? { readable: true, type: a.itype, ea: base + BigInt(a.eaOff), size: a.size, text: 'x', vsx32: false }
        : { readable: false, type: 'unknown', ea: 0n, size: 0, text: '(unreadable)', vsx32: false };
      const site: ExceptionSite = {
        model: cpuModel(a.model as 'power10', true),
        regs: { pc: a.kernelPc ? 0xc000000000a1c0e0n : 0x10000010n, mode: a.mode as 'user' | 'kernel' },
        dar: base + BigInt(a.darOff),
        detail,
      };
      assert.equal(NAMES[wpCheckResult(info, site)], slotResultOf(wpCheckConstraints(info, site)), JSON.stringify(a));
    }),
    { numRuns: 5000 },
  );
});
