// The hot loop skips the DAWR check for accesses outside the watched span with an integer test
// (Core.run's watchHi/Lo/Len): it must never skip an access the DAWRs match, including accesses that
// cross a 4 GiB boundary and DAWRs at the bottom of a 4 GiB block. Compared with matchAccess.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import type { DawrProgram } from '../../sim/cpu/core';
import * as E from './encode';
import { setup } from './harness';

const EDGE = 0x100000000n; // a 4 GiB boundary, mapped on both sides

test(
  'DAWR stops in the hot loop agree with matchAccess near a 4 GiB boundary ' + '(ld/std/lwz/stw, one or two DAWRs)',
  () => {
    const arb = fc.record({
      ea: fc.integer({ min: -160, max: 160 }),
      op: fc.constantFrom('ld', 'std', 'lwz', 'stw'),
      d0: fc.integer({ min: -160, max: 160 }),
      len0: fc.constantFrom(8, 16, 64),
      d1: fc.option(fc.integer({ min: -4096, max: 4096 }), { nil: undefined }),
      read: fc.boolean(),
      write: fc.boolean(),
    });
    fc.assert(
      fc.property(arb, (a) => {
        const word =
          a.op === 'ld'
            ? E.ld(3, 0, 30)
            : a.op === 'std'
              ? E.std(3, 0, 30)
              : a.op === 'lwz'
                ? E.D(32, 3, 30, 0)
                : E.D(36, 3, 30, 0);
        const size = a.op === 'ld' || a.op === 'std' ? 8 : 4;
        const store = a.op === 'std' || a.op === 'stw';
        const s = setup([word, E.trap()], { slots: 2 });
        s.mem.map(EDGE - 8192n, 16384, { read: true, write: true, exec: false });
        const ea = EDGE + BigInt(a.ea); // unaligned too: an access may cross the boundary
        s.t.setGpr(30, ea);
        const p = (start: bigint, len: number): DawrProgram => ({
          start: start & ~7n,
          len,
          read: a.read,
          write: a.write,
          user: true,
          kernel: false,
          hyp: false,
        });
        s.core.setDawr(0, p(EDGE + BigInt(a.d0), a.len0));
        if (a.d1 !== undefined) s.core.setDawr(1, p(EDGE + BigInt(a.d1), 8));
        const expected = s.core.matchAccess(ea, size, store, 'user');
        const stop = s.core.run(s.t, s.mem, 10);
        if (expected === undefined) assert.equal(stop.kind, 'trap', JSON.stringify(a));
        else assert.deepEqual(stop, { kind: 'dawr', dar: expected }, JSON.stringify(a));
      }),
      { numRuns: 3000 },
    );
  },
);
