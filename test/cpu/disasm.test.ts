// The disassembler against GNU objdump on the same words (objdump's text with its column padding
// reduced to one space), plus a few fixed cases that need no tool.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { test } from 'node:test';
import { disassemble } from '../../sim/cpu/disasm';
import * as E from './encode';
import { buildWithGnu } from './gnu';

const SOURCE = `    .abiversion 2
    .globl _start
_start:
 .text
 li 3,5
 lis 3,0x1010
 addi 3,4,-8
 addis 3,4,1
 mr 3,4
 nop
 ori 3,4,5
 or. 3,4,5
 not 3,4
 cmpdi 5,0
 cmpdi cr7,5,0
 cmpwi 5,-1
 cmpd 3,4
 cmplw cr1,3,4
 cmpldi 3,7
 beq 1f
1: bne cr7,1b
 bdnz 1b
 bdz 1b
 blr
 bctr
 bctrl
 bl 1b
 b 1b
 beqlr
 bnelr cr1
 ld 0,0(3)
 ldu 3,-16(1)
 std 0,16(1)
 stdu 1,-32(1)
 lwz 3,4(5)
 lbzx 3,4,5
 stwcx. 3,0,4
 ldarx 3,0,4
 lwarx 3,0,4,1
 lxv 34,16(3)
 stxv 0,32(3)
 lxvd2x 0,3,4
 stxvd2x 34,3,4
 dcbz 0,3
 dcbf 0,3
 trap
 tweq 3,4
 twi 31,0,0
 tdnei 3,0
 sc
 isync
 sync
 lwsync
 eieio
 mflr 0
 mtlr 0
 mtctr 9
 mfctr 3
 mfxer 3
 mtxer 3
 mfvrsave 3
 mtvrsave 3
 mfcr 3
 mtcrf 0x80,3
 mfocrf 3,0x80
 mtocrf 0x80,3
 sldi 3,4,3
 srdi 3,4,3
 clrldi 3,4,32
 rldicl 3,4,3,5
 rldicr 3,4,3,5
 rotldi 3,4,3
 slwi 3,4,2
 srwi 3,4,2
 clrlwi 3,4,16
 rlwinm 3,4,5,6,7
 rotlwi 3,4,5
 rlwimi 3,4,5,6,7
 sradi 3,4,35
 srawi 3,4,3
 add. 3,4,5
 addo 3,4,5
 subf 3,4,5
 neg 3,4
 mulld 3,4,5
 divw 3,4,5
 divdu. 3,4,5
 extsw 3,4
 andi. 3,4,7
 cntlzd 3,4
 lha 3,2(4)
 lwa 3,8(4)
 lhbrx 3,4,5
 stdbrx 3,4,5
 crxor 6,6,6
 creqv 1,2,3
 mcrf 1,0
 subfic 3,4,5
 addic. 3,4,5
 mulli 3,4,-5
 .long 0
 icbi 0,3
 crnot 1,2
 bclr 20,0
 bc 12,2,1b
 bcl 20,31,1f
1:
`;

test('disassembly matches objdump -d instruction by instruction', (t) => {
  const built = buildWithGnu(t, SOURCE);
  if (!built) return;
  try {
    const dump = execFileSync('powerpc64le-linux-gnu-objdump', ['-d', built.exe], { encoding: 'utf8' });
    const diffs: string[] = [];
    let n = 0;
    for (const line of dump.split('\n')) {
      const m = /^\s+([0-9a-f]+):\t((?:[0-9a-f]{2} ){4})\t(.*)$/.exec(line);
      if (!m) continue;
      const b = m[2]
        .trim()
        .split(' ')
        .map((x) => parseInt(x, 16));
      const word = (b[0] | (b[1] << 8) | (b[2] << 16) | (b[3] << 24)) >>> 0;
      // objdump prints a linked executable's branch targets as bare hex plus <symbol>; ours are 0x-prefixed
      const ref = m[3]
        .replace(/\s+/, ' ')
        .replace(/\s+<[^>]*>$/, '')
        .trim()
        .replace(/(^b\S* (?:.*,)?)([0-9a-f]{6,})$/, '$10x$2');
      const mine = disassemble(word, BigInt('0x' + m[1]));
      n++;
      if (mine !== ref) diffs.push(`${m[1]}: objdump "${ref}" ours "${mine}"`);
    }
    assert.ok(n > 90, `objdump listed ${n} instructions`);
    assert.deepEqual(diffs, []);
  } finally {
    built.cleanup();
  }
});

test('disassembly of common instructions without objdump', () => {
  assert.equal(disassemble(E.ld(0, 0, 3), 0n), 'ld r0,0(r3)');
  assert.equal(disassemble(E.li(3, -1), 0n), 'li r3,-1');
  assert.equal(disassemble(E.bdnz(-20), 0x10000020n), 'bdnz 0x1000000c');
  assert.equal(disassemble(E.bne(8, 7), 0x10000000n), 'bne cr7,0x10000008');
  assert.equal(disassemble(E.sc(), 0n), 'sc');
  assert.equal(disassemble(0, 0n), '.long 0x0');
});
