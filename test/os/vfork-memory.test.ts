// vfork and clone(CLONE_VM) run the child in the parent's memory (copy_mm shares the mm), so the
// child's stores are the parent's; a plain fork's child has a copy.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { run } from './guest';

/** The parent, after its child (made by `spawn`) stored 42 over the word, writes the word to stdout. */
function childStores(spawn: string): number {
  const r = run(`
    lis 30, word@ha
    addi 30, 30, word@l
${spawn}
    cmpdi 3, 0
    bne 1f
    li 9, 42
    stw 9, 0(30)
    li 3, 0
    SYS 1
1:  li 3, -1
    li 4, 0
    li 5, 0
    li 6, 0
    SYS 114
    li 3, 1
    mr 4, 30
    li 5, 4
    SYS 4
    li 3, 0
    SYS 234
    .data
    .balign 4
word: .long 7
`);
  assert.equal(r.exitCode, 0);
  return new DataView(r.stdout.buffer, r.stdout.byteOffset, 4).getUint32(0, true);
}

test("vfork's child stores into the parent's memory", () => {
  assert.equal(childStores('    SYS 189'), 42);
});

test("clone(CLONE_VM | SIGCHLD) shares the memory; fork's child (clone(SIGCHLD)) has a copy", () => {
  // clone(flags, newsp 0: the same stack, as fork) on ppc64: r3 flags, r4 newsp
  assert.equal(childStores('    li 3, 0x111\n    li 4, 0\n    SYS 120'), 42);
  assert.equal(childStores('    li 3, 17\n    li 4, 0\n    SYS 120'), 7);
});
