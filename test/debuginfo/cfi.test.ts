// Call-frame information against readelf's interpretation of it (--debug-dump=frames-interp): at
// every row of every FDE of .eh_frame (a static glibc program: about a thousand FDEs, with
// remember/restore state, CR fields, vector registers) and .debug_frame, the CFA rule and the rule
// of each register column are the same.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { CfaRow, RegisterRule } from '../../sim/debuginfo/cfi';
import { CallFrameSection } from '../../sim/debuginfo/cfi';
import { build, open, tool } from './harness';

interface ReadelfRow {
  section: string;
  loc: bigint;
  cfa: string;
  cols: Map<string, string>;
}

function readelfRows(exe: string): ReadelfRow[] {
  const out = tool('powerpc64le-linux-gnu-readelf', ['-wF', exe]);
  const rows: ReadelfRow[] = [];
  let section = '';
  let header: string[] = [];
  let inFde = false;
  for (const l of out.split('\n')) {
    const s = /^Contents of the (\S+) section/.exec(l);
    if (s) section = s[1];
    if (/ FDE cie=/.test(l)) inFde = true;
    else if (/ CIE /.test(l)) inFde = false;
    if (/^\s+LOC\s+CFA/.test(l)) {
      header = l.trim().split(/\s+/);
      continue;
    }
    const m = /^([0-9a-f]{16}) (.*)$/.exec(l);
    if (!m || !inFde) continue;
    const vals = m[2].trim().split(/\s+/);
    const cols = new Map<string, string>();
    for (let i = 2; i < header.length; i++) cols.set(header[i], vals[i - 1] ?? 'u');
    rows.push({ section, loc: BigInt('0x' + m[1]), cfa: vals[0], cols });
  }
  return rows;
}

function ruleText(r: RegisterRule | undefined): string {
  if (!r) return 'u';
  switch (r.kind) {
    case 'undefined':
      return 'u';
    case 'same':
      return 's';
    case 'offset':
      return `c${r.offset >= 0n ? '+' : ''}${r.offset}`;
    case 'val_offset':
      return `v${r.offset >= 0n ? '+' : ''}${r.offset}`;
    case 'register':
      return `r${r.reg}`;
    case 'expression':
      return 'exp';
    case 'val_expression':
      return 'vexp';
  }
}

function cfaText(row: CfaRow): string {
  return row.cfa.kind === 'reg' ? `r${row.cfa.reg}${row.cfa.offset >= 0n ? '+' : ''}${row.cfa.offset}` : 'exp';
}

function compare(exe: string, minRows: number): void {
  const di = open(exe);
  const eh = di.sections.ehFrame
    ? new CallFrameSection(di.sections.ehFrame.bytes, di.sections.ehFrame.addr, 'eh')
    : undefined;
  const dbg = di.sections.debugFrame ? new CallFrameSection(di.sections.debugFrame, 0n, 'debug') : undefined;
  const rows = readelfRows(exe);
  assert.ok(rows.length >= minRows, `readelf printed ${rows.length} rows`);
  let checked = 0;
  for (const r of rows) {
    const sec = r.section === '.eh_frame' ? eh : dbg;
    assert.ok(sec, `a ${r.section} section`);
    const row = sec.rowFor(r.loc);
    assert.ok(row, `${r.section}: a row at 0x${r.loc.toString(16)}`);
    assert.equal(cfaText(row), r.cfa, `${r.section} 0x${r.loc.toString(16)}: CFA`);
    for (const [name, want] of r.cols) {
      const reg: number = name === 'ra' ? row.returnRegister : Number(name.slice(1));
      assert.equal(ruleText(row.regs.get(reg)), want, `${r.section} 0x${r.loc.toString(16)}: ${name}`);
    }
    checked++;
  }
  assert.equal(eh?.problem, undefined);
  assert.ok(checked >= minRows);
}

test('.eh_frame of a static glibc program (-O2): every CFA row as readelf interprets it', (t) => {
  const exe = build(t, 'values.c', ['-g', '-O2', '-static']);
  if (!exe) return;
  compare(exe, 1000);
});

test('.debug_frame (-fno-asynchronous-unwind-tables) and .eh_frame together', (t) => {
  const exe = build(t, 'values.c', ['-g', '-O0', '-static', '-fno-asynchronous-unwind-tables', '-fno-unwind-tables']);
  if (!exe) return;
  const di = open(exe);
  assert.ok(di.sections.debugFrame, 'GCC wrote .debug_frame');
  compare(exe, 500);
});

test('hand-written CFI of an assembly program (.cfi_undefined, .cfi_offset, .cfi_restore)', (t) => {
  const exe = build(t, 'start.S', ['-g', '-static', '-nostdlib']);
  if (!exe) return;
  compare(exe, 4);
});
