// Every VMX/VSX load and store of the vsx family against qemu-ppc64le -cpu power10: loads from the
// (random) input table at every alignment 0..31 and across page boundaries; stores into a zeroed
// scratch area at every small offset and across a page boundary, read back whole. lvsl/lvsr on the
// same addresses as the loads.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { VSX_DEFS } from '../../sim/cpu/isa/vsx-defs';
import type { InsnDef } from '../../sim/cpu/isa/insn-def';
import { runCases, SCRATCH, TABLE, type Case } from './vec-harness';

const rowsOf = (p: (d: InsnDef) => boolean) => VSX_DEFS.defs.filter((d) => !d.alias && !d.disasmOnly && p(d));
const isLoad = (d: InsnDef) =>
  d.access?.kind === 'load' || d.access?.kind === 'load_vsx' || d.name === 'lvsl' || d.name === 'lvsr';
const isStore = (d: InsnDef) => d.access?.kind === 'store' || d.access?.kind === 'store_vsx';

/** the operand text of a load/store row: VD/XT/VRT vs36 (v4), XTp vs38:39, RA r4, RB r5, displacement d */
function text(d: InsnDef, disp: number): string {
  const ops: string[] = [];
  for (let k = 0; k < d.operands.length; k++) {
    const o = d.operands[k];
    if (o === 'VD' || o === 'VRT') ops.push('4');
    else if (o === 'XT' || o === 'XTQ') ops.push('36');
    else if (o === 'XTP') ops.push('38');
    else if (o === 'DQ' || o === 'DS') {
      ops.push(`${disp}(4)`);
      k++;
    } else if (o === 'RA0') ops.push('4');
    else if (o === 'RB') ops.push('5');
  }
  return `${d.name} ${ops.join(', ')}`;
}
const isD = (d: InsnDef) => d.operands.includes('DQ') || d.operands.includes('DS');
const isVar = (d: InsnDef) => d.access?.variable === true;

function loadCases(): Case[] {
  const out: Case[] = [];
  for (const d of rowsOf(isLoad)) {
    const disps = isD(d) ? (d.operands.includes('DQ') ? [0, 16, -16, 32] : [0, 4, -8, 12]) : [0];
    for (const disp of disps) {
      out.push({
        label: text(d, disp),
        text: text(d, disp),
        n: 48,
        kind: 'int',
        // EA = r4 + (r5 | disp): every alignment 0..31 and the bytes around page boundaries
        gprs: (r, k, j) => {
          const base = TABLE + 4096n * BigInt(1 + (k % 3));
          const off = k < 32 ? BigInt(k) : BigInt(-(k - 31));
          if (j === 0) return isD(d) ? base + off : base + (k % 2 ? off : 0n);
          if (j === 1) return isVar(d) ? (BigInt(r() % 20) << 56n) | BigInt(r() & 0xffff) : k % 2 ? 0n : off;
          return undefined;
        },
        post: d.operands[0] === 'XTP' ? 'xxlor 36, 39, 39' : undefined,
      });
    }
  }
  return out;
}

const ZERO = 'li 0, 0\n' + [0, 8, 16, 24, 32, 40, 48, 56].map((o) => `    std 0, ${o}(9)`).join('\n');
const READBACK = 'lxvx 36, 0, 9\n    li 0, 16\n    lxvx 38, 9, 0\n    ld 3, 32(9)';

/** stores at 0..8 bytes into a zeroed 64-byte window (r9) read back whole afterwards: the window at
 * SCRATCH, and at SCRATCH + 4064 with the stores starting 16 bytes in (across the page at 4096) */
function storeCases(): Case[] {
  const out: Case[] = [];
  for (const base of [0, 4064]) {
    const start = base === 0 ? 0 : 16; // the first store byte within the window
    for (const d of rowsOf(isStore)) {
      const disps = isD(d) ? (d.operands.includes('DQ') ? [0, 16] : [0, 4, 8]) : [0];
      for (const disp of disps) {
        out.push({
          label: `${text(d, disp)} @${base}`,
          text: text(d, disp),
          n: 18,
          kind: 'int',
          gprs: (r, k, j) => {
            const w = SCRATCH + BigInt(base);
            if (j === 0) return isD(d) ? w + BigInt(start + (k % 9)) : isVar(d) ? w + BigInt(start + (k % 9)) : w;
            if (j === 1) return isVar(d) ? (BigInt(r() % 20) << 56n) | BigInt(r() & 0xffff) : BigInt(start + (k % 9));
            return undefined;
          },
          pre:
            (base ? `addi 9, 9, ${base}\n    ` : '') +
            ZERO +
            (d.operands[0] === 'XTP' ? '\n    xxlor 38, 33, 33\n    xxlor 39, 34, 34' : ''),
          post: READBACK,
        });
      }
    }
  }
  return out;
}

test('vector loads at every alignment and across pages: same registers as qemu-ppc64le', (t) => {
  const out = runCases(t, loadCases(), { seed: 21 });
  if (!out) return;
  assert.ok(out.iterations > 2000, `${out.iterations} iterations`);
  assert.deepEqual(out.diffs, []);
});

test('vector stores at every small offset: same memory as qemu-ppc64le', (t) => {
  const out = runCases(t, storeCases(), { seed: 22 });
  if (!out) return;
  assert.ok(out.iterations > 500, `${out.iterations} iterations`);
  assert.deepEqual(out.diffs, []);
});
