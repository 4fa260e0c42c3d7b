// The TextMate grammar: every pattern compiles, and the syntax the assembler accepts gets the
// scopes a theme colours (checked with the grammar's own regexes on sample lines).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';

interface Rule {
  match?: string;
  begin?: string;
  end?: string;
  name?: string;
  patterns?: Rule[];
  include?: string;
}
const grammar = JSON.parse(readFileSync('media/ppc-asm.tmLanguage.json', 'utf8')) as {
  scopeName: string;
  repository: Record<string, Rule>;
};

function rules(r: Rule, out: Rule[] = []): Rule[] {
  out.push(r);
  for (const p of r.patterns ?? []) rules(p, out);
  return out;
}
const all = Object.values(grammar.repository).flatMap((r) => rules(r));

test('every pattern of the grammar compiles', () => {
  assert.equal(grammar.scopeName, 'source.ppc-asm');
  for (const r of all)
    for (const re of [r.match, r.begin, r.end]) if (re) assert.doesNotThrow(() => new RegExp(re), re);
});

const byName = (name: string) => {
  const r = all.find((x) => x.name === name);
  assert.ok(r?.match, `no rule ${name}`);
  return new RegExp(r.match!, 'g');
};
const tokens = (name: string, line: string) => [...line.matchAll(byName(name))].map((m) => m[0]);

test('registers: r0..r31, %r3, vs0..vs63, cr0..cr7, CR bits; not r32, not inside names', () => {
  assert.deepEqual(tokens('variable.other.register.ppc-asm', 'add r3, r31, %r4'), ['r3', 'r31', '%r4']);
  assert.deepEqual(tokens('variable.other.register.ppc-asm', 'lxv vs63, 0(r1); cmpw cr7, r3, r4; beq cr1+eq'), [
    'vs63',
    'r1',
    'cr7',
    'r3',
    'r4',
    'cr1',
    'eq',
  ]);
  assert.deepEqual(tokens('variable.other.register.ppc-asm', 'li r32, counter_r3 + r3x'), []);
});

test('numbers: hex, binary, decimal; local label references', () => {
  assert.deepEqual(tokens('constant.numeric.hex.ppc-asm', 'li r3, 0x1F; lis r4, 0xdead'), ['0x1F', '0xdead']);
  assert.deepEqual(tokens('constant.numeric.binary.ppc-asm', '.byte 0b1010'), ['0b1010']);
  assert.deepEqual(tokens('entity.name.label.reference.local.ppc-asm', 'bne 1b; b 2f'), ['1b', '2f']);
});

test('comments, labels, directives and instructions', () => {
  assert.deepEqual(tokens('comment.line.number-sign.ppc-asm', 'ld r3,0(r4) # load it'), ['# load it']);
  const label = new RegExp(grammar.repository.label.patterns![0].match!);
  assert.equal(label.exec('value:  .quad 42')?.[1], 'value');
  assert.equal(label.exec('    ld r3,0(r4)'), null);
  const dir = new RegExp(grammar.repository.directive.begin!);
  assert.equal(dir.exec('    .section .bss')?.[1], '.section');
  const insn = new RegExp(grammar.repository.instruction.begin!);
  assert.equal(insn.exec('    stwcx. r5,0,r3')?.[1], 'stwcx.');
  assert.equal(insn.exec('    beq+ 1f')?.[1], 'beq+');
  assert.equal(
    tokens('support.function.relocation.ppc-asm', 'lis r3, value@ha; addi r3, r3, value@l').join(' '),
    '@ha @l',
  );
});
