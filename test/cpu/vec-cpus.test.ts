// The vector instructions that POWER8 and POWER9 have (ISA 2.07 and 3.0) under
// qemu-ppc64le -cpu power8 and -cpu power9: the same results as the interpreter's (which does not
// depend on the CPU model), on generated operands. POWER10 runs are in vmx-diff/vsx-diff. (vrldmi:
// qemu 7.2 drops its insert, see vmx-diff.test.ts.)
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { InsnDef } from '../../sim/cpu/isa/insn-def';
import { VMX_DEFS } from '../../sim/cpu/isa/vmx-defs';
import { VSX_DEFS } from '../../sim/cpu/isa/vsx-defs';
import { rowCases, runCases, type Case } from './vec-harness';

const FLOAT =
  /^(vaddfp|vsubfp|vmaxfp|vminfp|vmaddfp|vnmsubfp|vrefp|vrsqrtefp|vexptefp|vlogefp|vrfi[nzpm]|vcfux|vcfsx|vctuxs|vctsxs|vcmp(eq|ge|gt|b)fp)$/;

/** ISA 3.1 (POWER10) and ISA 3.0 (POWER9) additions among the register rows; the rest is ISA 2.07 */
const ISA31 =
  /^(vdiv|vmod|vmulh|vmulld|vmuleud|vmuloud|vmulesd|vmulosd|vexpand|vextract[bhwdq]m|mtvsr[bhwdq]m|vcntmb|vgnb|vstri|vclr[lr]b|vcmp(equq|gtuq|gtsq|sq|uq)|vrlq|vslq|vsrq|vsraq|vs[lr]dbi|vextd|vins[bhwd][lr]x|vins[bhw]v|vinsw|vinsd|vpdepd|vpextd|vcfuged|vc[lt]zdm|vextsd2q|vmsumcud|xxgenpcv|lxvkq)/;
const ISA30 =
  /^(vbpermd|vabsdu|vcmpne|vctz[bhwd]|vexts|vneg|vprtyb|vextractu|vextractd|vinsert|vextu|vmul10|vpermr|vrl[wd](mi|nm)|vslv|vsrv|vclzlsbb|vctzlsbb|vmsumudm|madd|xxperm$|xxpermr|xxbr|xxextractuw|xxinsertw|xxspltib|mtvsrdd|mtvsrws|mfvsrld)/;

function rowsFor(cpu: string): InsnDef[] {
  return [...VMX_DEFS.defs, ...VSX_DEFS.defs].filter(
    (d) =>
      !d.alias &&
      !d.disasmOnly &&
      !d.access &&
      d.name !== 'mtvscr' &&
      d.name !== 'vrldmi' &&
      d.name !== 'lvsl' &&
      d.name !== 'lvsr' &&
      !ISA31.test(d.name) &&
      (cpu === 'power9' || !ISA30.test(d.name)),
  );
}

for (const cpu of ['power8', 'power9']) {
  test(`vector register instructions of ${cpu}: same results as qemu-ppc64le -cpu ${cpu}`, (t) => {
    const rows = rowsFor(cpu);
    const cases: Case[] = [];
    for (const d of rows)
      cases.push(
        ...rowCases(d, 48, FLOAT.test(d.name) ? 'float' : 'int', {
          maxImm: 4,
          imm: d.name.startsWith('vextract') || d.name.startsWith('vinsert') ? { UIMM4: [0, 4, 8] } : undefined,
        }),
      );
    assert.ok(rows.length > (cpu === 'power8' ? 150 : 200), `${rows.length} rows`);
    const out = runCases(t, cases, { seed: cpu.length * 31, cpu });
    if (!out) return;
    assert.deepEqual(out.diffs, []);
  });
}
