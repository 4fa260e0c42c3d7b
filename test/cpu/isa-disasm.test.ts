// The disassembler against GNU objdump -d for the fixed-point and prefixed families and every SPR
// spelling (mfspr/mtspr of all 1024 numbers): the same text, instruction by instruction, with
// objdump's padding reduced to one space and its pc-relative comment's address written 0x...
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { test } from 'node:test';
import { disassemble } from '../../sim/cpu/disasm';
import { buildWithGnu } from './gnu';

const FIXED = `
 setb 3,cr1
 setb 31,cr7
 setbc 3,4*cr1+eq
 setbc 4,lt
 setbcr 5,gt
 setnbc 6,4*cr7+so
 setnbcr 7,31
 maddhd 3,4,5,6
 maddhdu 3,4,5,6
 maddld 31,0,5,6
 extswsli 3,4,5
 extswsli. 3,4,63
 extswsli 3,4,32
 addpcis 3,5
 addpcis 3,-5
 addpcis 3,0x7fff
 addpcis 3,-0x8000
 lnia 4
 subpcis 3,1
 cmpeqb cr1,3,4
 cmpeqb cr0,3,4
 cmprb cr1,1,3,4
 cmprb cr7,0,3,4
 darn 3,0
 darn 3,1
 darn 3,2
 darn 3,3
 brh 3,4
 brw 3,4
 brd 3,4
 pdepd 3,4,5
 pextd 3,4,5
 cfuged 3,4,5
 cntlzdm 3,4,5
 cnttzdm 3,4,5
 mcrxrx cr2
 divwe 3,4,5
 divweo. 3,4,5
 divweu 3,4,5
 divweuo 3,4,5
 divde. 3,4,5
 divdeo 3,4,5
 divdeu 3,4,5
 divdeuo. 3,4,5
 prtyw 3,4
 prtyd 3,4
 bpermd 3,4,5
 addex 3,4,5,0
 addex 3,4,5,2
 lbarx 3,0,4
 lbarx 3,5,4,1
 lharx 3,5,4
 lqarx 4,0,5
 lqarx 6,7,8,1
 stbcx. 3,0,4
 sthcx. 3,5,4
 stqcx. 4,0,5
 lq 4,16(5)
 lq 6,-32(0)
 stq 4,16(5)
 stq 30,-8(1)
 isel 3,4,5,9
 iseleq 3,0,5
 cnttzw. 3,4
 modsd 3,4,5
`;

const PREFIXED = `
 pld 3,16(4)
 pld 3,-16(0)
 pld 3,16(0),1
 pld 3,x@pcrel
 pla 3,x@pcrel
 pla 3,8(0),1
 pla 3,8(4)
 pli 3,-123456789
 pli 31,0x1ffffffff
 paddi 3,4,5
 psubi 3,4,5
 plbz 3,1(4)
 plhz 3,-1(4)
 plha 3,x@pcrel
 plwz 3,0x12345(4)
 plwa 3,0x1ffffffff(4)
 plq 4,32(5)
 pstb 3,1(4)
 psth 3,1(4)
 pstw 3,x@pcrel
 pstd 3,-8589934592(4)
 pstq 4,32(5)
 plfs 1,8(3)
 plfd 31,8(3)
 pstfs 2,x@pcrel
 pstfd 3,8(3)
 plxsd 3,8(3)
 plxssp 31,8(3)
 pstxsd 3,x@pcrel
 pstxssp 3,8(3)
 plxv 34,8(3)
 plxv 0,8(3)
 pstxv 63,8(3)
 plxvp 34,8(3)
 plxvp 62,x@pcrel
 pstxvp 2,8(3)
 pnop
 xxsplti32dx 3,1,0x12345678
 xxsplti32dx 63,0,-1
 xxspltidp 3,0x3f800000
 xxspltiw 35,5
 xxpermx 3,4,5,6,7
 xxpermx 63,62,61,60,0
 xxblendvb 3,4,5,6
 xxblendvh 63,62,61,60
 xxblendvw 3,34,5,36
 xxblendvd 3,4,5,6
 xxeval 3,4,5,6,0xff
 xxeval 63,62,61,60,1
`;

function spr(): string {
  const out: string[] = [];
  for (let n = 0; n < 1024; n++) out.push(` mfspr 3,${n}`, ` mtspr ${n},4`);
  return out.join('\n');
}

test('fixed-point, prefixed and SPR disassembly matches objdump -d', (t) => {
  const source =
    `    .abiversion 2\n    .text\n    .globl ` +
    `_start\n_start:\n${FIXED}\n${PREFIXED}\n${spr()}\n    .data\nx: .quad 0\n`;
  const built = buildWithGnu(t, source);
  if (!built) return;
  try {
    const dump = execFileSync('powerpc64le-linux-gnu-objdump', ['-d', built.exe], {
      encoding: 'utf8',
      maxBuffer: 1 << 26,
    });
    const rows: { addr: bigint; word: number; text: string }[] = [];
    for (const line of dump.split('\n')) {
      const m = /^\s+([0-9a-f]+):\t((?:[0-9a-f]{2} ){4})\s*(?:\t(.*))?$/.exec(line);
      if (!m) continue;
      const b = m[2]
        .trim()
        .split(' ')
        .map((x) => parseInt(x, 16));
      rows.push({
        addr: BigInt('0x' + m[1]),
        word: (b[0] | (b[1] << 8) | (b[2] << 16) | (b[3] << 24)) >>> 0,
        text: m[3] ?? '',
      });
    }
    const diffs: string[] = [];
    let n = 0;
    for (let i = 0; i < rows.length; i++) {
      const r = rows[i];
      if (!r.text) continue; // a prefixed instruction's suffix
      const next = rows[i + 1]?.addr === r.addr + 4n ? rows[i + 1].word : 0;
      const ref = r.text
        .replace(/\s+/, ' ')
        .replace(/\s+<[^>]*>$/, '')
        .replace(/\t# ([0-9a-f]+)$/, ' # 0x$1')
        .trim();
      const mine = disassemble(r.word, r.addr, next);
      n++;
      if (mine !== ref) diffs.push(`${r.addr.toString(16)}: objdump "${ref}" ours "${mine}"`);
    }
    assert.ok(n > 2100, `objdump listed ${n} instructions`);
    assert.deepEqual(diffs, []);
  } finally {
    built.cleanup();
  }
});
