// The interpreter against qemu-ppc64le (-cpu power10), the reference for results: one program runs
// many snippets, dumping r3..r12, CR and XER after each; both runs must print the same bytes.
// Snippets use r3..r12 (r30 = the data buffer, r31 = the dump area); each starts with XER and CR 0.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { execProgram } from '../../sim/exec';
import { buildWithGnu, runQemu } from './gnu';

const SNIPPETS: Record<string, string> = {
  'add/addo/add. overflow and CR0': `
    LI64 3, 0x7fffffffffffffff
    li 4, 1
    addo. 5, 3, 4
    add. 6, 4, 4
    LI64 7, 0x000000007fffffff
    addo 8, 7, 4
    add. 9, 3, 3
    nego. 10, 5`,
  'carrying forms and CA32': `
    li 3, -1
    li 4, 1
    addc 5, 3, 4
    adde 6, 3, 3
    addze 7, 4
    addme 8, 4
    rldicl 9, 3, 0, 32
    addic 10, 9, 1
    addic. 11, 4, -2
    mfxer 12`,
  'subtracting forms': `
    li 3, 5
    li 4, 3
    subfc 5, 3, 4
    subfe 6, 4, 3
    subfze 7, 3
    subfme 8, 3
    subfic 9, 3, 2
    neg 10, 3
    LI64 11, 0x8000000000000000
    subfo. 12, 4, 11`,
  'subfe/subfme overflow': `
    LI64 3, 0x8000000000000000
    li 4, 1
    subfco 5, 4, 3
    subfeo 6, 4, 3
    subfmeo 7, 3
    subfzeo. 8, 3
    addmeo 9, 3
    addzeo 10, 3
    mfxer 11`,
  'multiply words': `
    li 3, -7
    lis 4, 0x4000
    mullwo 5, 3, 4
    mulhw 6, 3, 4
    mulhw. 7, 3, 4
    mulhwu 8, 3, 4
    LI64 9, 0x12345678fffffffe
    mullw 10, 9, 9
    mulhwu. 11, 9, 9
    mulli 12, 3, -3`,
  'multiply doublewords': `
    LI64 3, 0x7fffffffffffffff
    li 4, -3
    mulldo 5, 3, 4
    mulhd 6, 3, 4
    mulhdu 7, 3, 4
    mulld. 8, 4, 4
    mulldo. 9, 4, 4
    LI64 10, 0x123456789abcdef0
    mulhdu 11, 10, 10
    mulhd. 12, 10, 4`,
  'isel, count trailing zeros, modulo (the fixed-point family)': `
    li 3, -100
    li 4, 7
    cmpw 3, 4
    isel 5, 3, 4, 0
    isel 6, 3, 4, 1
    iseleq 7, 0, 4
    LI64 8, 0x0000100000000000
    cnttzd 9, 8
    cnttzw. 10, 8
    modsw 11, 3, 4
    moduw 12, 3, 4`,
  'modulo by zero and doublewords': `
    li 3, -100
    li 4, 0
    modsw 5, 3, 4
    modud 6, 3, 4
    li 4, -7
    modsd 7, 3, 4
    modud 8, 3, 4
    li 9, 1
    cnttzd. 10, 4
    cnttzw 11, 9
    li 12, 0
    cnttzd 12, 12`,
  'divide normal': `
    li 3, -100
    li 4, 7
    divw 5, 3, 4
    divwu 6, 3, 4
    divd 7, 3, 4
    divdu 8, 3, 4
    divw. 9, 4, 3
    divdo. 10, 3, 4
    LI64 11, 0xffffffff00000064
    divw 12, 11, 4`,
  'divide by zero and overflow': `
    li 3, 100
    li 4, 0
    divwo. 5, 3, 4
    divwuo 6, 3, 4
    divdo 7, 3, 4
    divduo. 8, 3, 4
    lis 9, 0x8000
    li 10, -1
    divwo 11, 9, 10
    LI64 9, 0x8000000000000000
    divdo. 12, 9, 10`,
  'divw by zero with o. cleared SO': `
    li 3, -5
    li 4, 0
    divw 5, 3, 4
    divwu 6, 3, 4
    divd 7, 3, 4
    divdu 8, 3, 4
    li 4, 3
    divwo 9, 3, 4
    mfxer 10`,
  logic: `
    LI64 3, 0xf0f0ff00a5a51234
    LI64 4, 0x0ff0f0f05a5a1230
    and 5, 3, 4
    andc 6, 3, 4
    orc 7, 3, 4
    nand 8, 3, 4
    nor. 9, 3, 4
    eqv 10, 3, 4
    xor. 11, 3, 4
    cmpb 12, 3, 4`,
  'logic immediates and sign extension': `
    LI64 3, 0x80000000000080ff
    andi. 4, 3, 0x8f
    andis. 5, 3, 0x8000
    oris 6, 3, 0x1234
    xori 7, 3, 0xffff
    xoris 8, 3, 0xffff
    extsb. 9, 3
    extsh 10, 3
    extsw. 11, 3
    ori 12, 3, 0`,
  'count and popcount': `
    LI64 3, 0x00000f0000010000
    cntlzw 4, 3
    cntlzd. 5, 3
    li 6, 0
    cntlzw. 7, 6
    cntlzd 8, 6
    LI64 9, 0xff0103070f1f3f7f
    popcntb 10, 9
    popcntw 11, 9
    popcntd 12, 9`,
  'word shifts': `
    LI64 3, 0xfedcba9887654321
    li 4, 4
    li 5, 36
    slw 6, 3, 4
    srw 7, 3, 4
    slw. 8, 3, 5
    sraw 9, 3, 4
    sraw. 10, 3, 5
    srawi 11, 3, 0
    srawi 12, 3, 31`,
  'doubleword shifts': `
    LI64 3, 0x8000000000000081
    li 4, 7
    li 5, 64
    sld 6, 3, 4
    srd 7, 3, 4
    srd. 8, 3, 5
    srad 9, 3, 4
    srad 10, 3, 5
    sradi 11, 3, 1
    sradi. 12, 3, 63`,
  'sraw carry without lost bits': `
    lis 3, -32768
    li 4, 4
    sraw 5, 3, 4
    mfxer 6
    li 7, 64
    sraw 8, 3, 7
    mfxer 9
    li 10, -16
    srawi 11, 10, 4
    mfxer 12`,
  'word rotates': `
    LI64 3, 0x123456789abcdef0
    rlwinm 4, 3, 4, 0, 31
    rlwinm 5, 3, 8, 28, 3
    rlwinm. 6, 3, 0, 16, 31
    li 7, 12
    rlwnm 8, 3, 7, 4, 27
    LI64 9, 0xffffffffffffffff
    rlwimi 9, 3, 8, 8, 15
    LI64 10, 0x1111111111111111
    rlwimi. 10, 3, 4, 28, 3`,
  'doubleword rotates': `
    LI64 3, 0x123456789abcdef0
    rldicl 4, 3, 12, 20
    rldicr 5, 3, 36, 40
    rldic 6, 3, 8, 16
    LI64 7, 0xffffffffffffffff
    rldimi 7, 3, 16, 8
    li 8, 44
    rldcl 9, 3, 8, 4
    rldcr 10, 3, 8, 50
    rldicl. 11, 3, 0, 63
    rldicr. 12, 3, 60, 2`,
  'compares into fields, with SO': `
    li 3, -1
    li 4, 1
    cmpd cr0, 3, 4
    cmpld cr1, 3, 4
    cmpw cr2, 3, 4
    cmplw cr3, 3, 4
    cmpdi cr4, 3, -1
    cmpldi cr5, 4, 2
    lis 5, -32768
    mtxer 5
    cmpwi cr6, 4, 1
    LI64 6, 0x00000001ffffffff
    cmpw cr7, 6, 3`,
  'CR logic and moves': `
    LI64 3, 0x12345678
    mtcrf 0xff, 3
    crand 0, 2, 3
    cror 5, 6, 7
    crxor 8, 9, 10
    crnand 12, 13, 14
    crnor 16, 17, 18
    creqv 20, 21, 22
    crandc 24, 25, 26
    crorc 28, 29, 30
    mfcr 4
    mcrf 7, 1
    mfocrf 5, 0x02
    mtocrf 0x40, 3
    mfcr 6`,
  'branches and CTR': `
    li 3, 0
    li 4, 10
    mtctr 4
1:  addi 3, 3, 1
    bdnz 1b
    mfctr 5
    li 4, 3
    mtctr 4
    li 6, 0
2:  addi 6, 6, 1
    cmpwi 6, 100
    bdnzf eq, 2b
    mfctr 7
    li 8, 0
    bl 3f
    addi 8, 8, 1
    b 4f
3:  mflr 9
    addi 8, 8, 10
    blr
4:  lis 10, 5f@ha
    addi 10, 10, 5f@l
    mtctr 10
    bctrl
    b 6f
5:  addi 8, 8, 100
    mflr 11
    blr
6:  li 12, 2
    mtctr 12
    bdz 7f
    addi 12, 12, 5
7:  subf 9, 9, 11`,
  'conditional branches to LR/CTR': `
    li 3, 0
    bl 1f
    addi 3, 3, 1
    b 2f
1:  cmpwi 3, 0
    beqlr
    addi 3, 3, 100
    blr
2:  li 4, 1
    mtctr 4
    lis 5, 3f@ha
    addi 5, 5, 3f@l
    mtctr 5
    cmpwi cr1, 4, 1
    bnectr cr1
    addi 3, 3, 1000
    beqctr cr1
    addi 3, 3, 10000
3:  addi 3, 3, 7
    lis 5, 8f@ha
    addi 5, 5, 8f@l
    mtlr 5
    li 6, 3
    mtctr 6
8:  addi 3, 3, 3
    bdnzlr
    mfctr 7`,
  'loads of every width and form': `
    mr 4, 30
    lbz 5, 7(4)
    lhz 6, 6(4)
    lha 7, 6(4)
    lwz 8, 4(4)
    lwa 9, 4(4)
    ld 10, 0(4)
    li 11, 9
    lbzx 12, 4, 11
    lhax 3, 4, 11`,
  'update and indexed loads': `
    mr 4, 30
    lbzu 5, 1(4)
    lhzu 6, 2(4)
    lhau 7, 2(4)
    lwzu 8, 4(4)
    ldu 9, 8(4)
    li 10, 8
    lwzux 11, 4, 10
    lwaux 12, 4, 10
    ldux 3, 4, 10`,
  'byte-reversed and indexed loads': `
    mr 4, 30
    li 5, 8
    lhbrx 6, 4, 5
    lwbrx 7, 4, 5
    ldbrx 8, 4, 5
    ldx 9, 4, 5
    lwzx 10, 4, 5
    lhzx 11, 4, 5
    lwax 12, 4, 5
    li 3, 0`,
  'stores of every width and form': `
    addi 4, 30, 256
    LI64 5, 0x0102030405060708
    std 5, 0(4)
    stb 5, 0(4)
    sth 5, 2(4)
    stw 5, 12(4)
    li 6, 20
    stdx 5, 4, 6
    stbu 5, 1(4)
    sthu 5, 2(4)
    stwu 5, 4(4)
    stdu 5, 8(4)
    li 7, 8
    stbux 5, 4, 7
    sthux 5, 4, 7
    stwux 5, 4, 7
    stdux 5, 4, 7
    addi 8, 30, 256
    ld 3, 0(8)
    ld 6, 8(8)
    ld 7, 16(8)
    ld 9, 24(8)
    ld 10, 32(8)
    ld 11, 40(8)
    mr 12, 4`,
  'byte-reversed stores': `
    addi 4, 30, 320
    LI64 5, 0x0102030405060708
    li 6, 0
    stdbrx 5, 4, 6
    li 6, 8
    stwbrx 5, 4, 6
    li 6, 12
    sthbrx 5, 4, 6
    li 6, 14
    sthx 5, 4, 6
    li 6, 16
    stwx 5, 4, 6
    li 6, 20
    stbx 5, 4, 6
    ld 7, 0(4)
    ld 8, 8(4)
    ld 9, 16(4)`,
  'larx/stcx reservation': `
    addi 4, 30, 384
    li 5, 42
    std 5, 0(4)
    ldarx 6, 0, 4
    addi 6, 6, 1
    stdcx. 6, 0, 4
    mfcr 7
    stdcx. 6, 0, 4
    mfcr 8
    lwarx 9, 0, 4
    addi 10, 4, 8
    stwcx. 9, 0, 10
    mfcr 11
    ld 12, 0(4)
    lwarx 3, 0, 4
    stwcx. 3, 0, 4
    mfcr 3`,
  'VSX 16-byte loads and stores': `
    mr 4, 30
    addi 5, 30, 448
    lxv 0, 0(4)
    stxvd2x 0, 0, 5
    ld 6, 0(5)
    ld 7, 8(5)
    li 8, 16
    lxvd2x 34, 4, 8
    stxv 34, 16(5)
    ld 9, 16(5)
    ld 10, 24(5)
    lxvx 1, 4, 8
    stxvx 1, 0, 5
    ld 11, 0(5)
    ld 12, 8(5)`,
  'dcbz clears one 128-byte line': `
    addi 4, 30, 128
    li 5, -1
    li 6, 0
1:  stdx 5, 4, 6
    addi 6, 6, 8
    cmpdi 6, 256
    blt 1b
    addi 7, 4, 200
    dcbz 0, 7
    ld 8, 120(4)
    ld 9, 128(4)
    ld 10, 248(4)
    ld 11, 0(4)
    dcbf 0, 4
    dcbst 0, 4
    dcbt 0, 4
    icbi 0, 4
    sync
    lwsync
    isync
    eieio`,
  'traps not taken': `
    li 3, 5
    li 4, 6
    tweq 3, 4
    twgt 3, 4
    tdlt 4, 3
    twi 4, 3, 6
    tdi 8, 3, 5
    tdllt 4, 3
    li 5, 1`,
  'mtxer/mfxer and record forms with SO': `
    LI64 3, 0xe00c007f
    mtxer 3
    mfxer 4
    li 5, 0
    add. 6, 5, 5
    mfcr 7
    li 8, 0
    mtxer 8
    mfxer 9`,
};

const PRELUDE = `
    .abiversion 2
    .macro LI64 r, v
    lis \\r, ((\\v) >> 48) & 0xffff
    ori \\r, \\r, ((\\v) >> 32) & 0xffff
    sldi \\r, \\r, 32
    oris \\r, \\r, ((\\v) >> 16) & 0xffff
    ori \\r, \\r, (\\v) & 0xffff
    .endm
    .macro DUMP
    std 3, 0(31)
    std 4, 8(31)
    std 5, 16(31)
    std 6, 24(31)
    std 7, 32(31)
    std 8, 40(31)
    std 9, 48(31)
    std 10, 56(31)
    std 11, 64(31)
    std 12, 72(31)
    mfcr 3
    std 3, 80(31)
    mfxer 3
    std 3, 88(31)
    li 0, 4
    li 3, 1
    mr 4, 31
    li 5, 96
    sc
    .endm
    .macro RESET
    li 0, 0
    mtxer 0
    mtcr 0
    .irp r, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12
    li \\r, 0
    .endr
    .endm
    .text
    .globl _start
_start:
    lis 31, dump@ha
    addi 31, 31, dump@l
    lis 30, buf@ha
    addi 30, 30, buf@l
`;
const EPILOGUE = `
    li 0, 1
    li 3, 0
    sc
    .data
    .balign 128
buf:
    .quad 0x8877665544332211, 0x00ff7f80fedcba98, 0x0123456789abcdef, 0xfedcba9876543210
    .quad 0x1111111111111111, 0x2222222222222222, 0x3333333333333333, 0x4444444444444444
    .space 512
dump:
    .space 96
`;

test('interpreter results equal qemu-ppc64le -cpu power10 on every snippet', (t) => {
  const names = Object.keys(SNIPPETS);
  const body = names.map((n) => `    RESET\n${SNIPPETS[n]}\n    DUMP\n`).join('');
  const built = buildWithGnu(t, PRELUDE + body + EPILOGUE);
  if (!built) return;
  try {
    const ref = runQemu(t, built.exe);
    if (!ref) return;
    assert.equal(ref.status, 0, 'qemu run failed');
    const sim = execProgram(built.program, { maxSteps: 1_000_000 });
    assert.equal(sim.exitCode, 0, `simulator: ${sim.message ?? ''}`);
    const labels = ['r3', 'r4', 'r5', 'r6', 'r7', 'r8', 'r9', 'r10', 'r11', 'r12', 'cr', 'xer'];
    const diffs: string[] = [];
    names.forEach((name, i) => {
      for (let k = 0; k < 12; k++) {
        const o = i * 96 + k * 8;
        const q = ref.stdout.length >= o + 8 ? ref.stdout.readBigUInt64LE(o) : undefined;
        const s = sim.stdout.length >= o + 8 ? Buffer.from(sim.stdout).readBigUInt64LE(o) : undefined;
        if (q !== s) diffs.push(`${name}: ${labels[k]} qemu=${q?.toString(16)} sim=${s?.toString(16)}`);
      }
    });
    assert.equal(ref.stdout.length, names.length * 96, 'qemu printed every dump');
    assert.deepEqual(diffs, []);
  } finally {
    built.cleanup();
  }
});
