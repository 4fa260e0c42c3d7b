// What a task costs is the pages it uses (issue 12: 300 scenario tasks took 2.9 GB): a task's stack,
// its program's .bss and its heap are made on first touch, whatever their size, and a scenario reads
// and assembles each program file once however many tasks run it.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseScenario } from '../../sim/scenario/parse-scenario';
import { runScenario } from '../../sim/scenario/scenario-runner';
import { assemble } from '../../sim/asm/assembler';
import { Machine } from '../../sim/machine/machine';

// 8 MB of .bss; touches two of its pages (its first and one 1 MiB in), then exits
const BIG_BSS = `
	.abiversion 2
	.text
	.globl _start
_start:
	lis 9,buf@ha
	addi 9,9,buf@l
	std 9,0(9)
	addis 10,9,16
	std 9,0(10)
	li 0,1
	li 3,0
	sc
	.data
	.quad 7
	.lcomm buf, 8000000
`;

test('a task with an 8 MB .bss and an 8 MB stack holds only the pages it touched', () => {
  const p = assemble(BIG_BSS, 'bss.S');
  assert.ok(p.ok);
  const m = new Machine({ cpu: 'power10' });
  const tasks = Array.from({ length: 50 }, (_, i) => m.addTask({ name: `t${i}`, program: p.value, traced: i === 49 }));
  // before running: .text, .data and the stack page holding argv (nothing of .bss)
  for (const t of tasks) assert.ok(t.mem.pages.size <= 4, `${t.name}: ${t.mem.pages.size} pages before running`);
  const last = tasks[49];
  m.resume(last, false);
  const stop = m.runUntilStop(last, 1e6);
  assert.equal(stop.event, 'exited');
  for (const t of tasks) {
    assert.equal(t.state, 'exited');
    assert.ok(t.mem.pages.size <= 6, `${t.name}: ${t.mem.pages.size} pages after running`);
  }
  // the .bss reads as zeros where it was not written, and holds what was
  const buf = p.value.symbols.get('buf')!.value;
  assert.equal(last.mem.read(buf + 4096n * 100n, 8), 0n);
  assert.equal(last.mem.read(buf, 8), buf);
  // ... and its end is still its end: the page after the last .bss page is not mapped
  const end = buf + 8000000n;
  assert.equal(last.mem.isMapped(end - 8n, 8), true);
  assert.equal(last.mem.isMapped((end + 4095n) & ~4095n, 8), false);
});

test('a scenario reads and assembles each program once, however many tasks run it', () => {
  const n = 300;
  const yaml = `machine: { cpu: power10, cpus: 2 }
tasks:
${Array.from({ length: n }, (_, i) => `  - { name: t${i}, program: bss.S, traced: ${i === n - 1} }`).join('\n')}
steps:
  - cont: t${n - 1}
    expect: { event: exited, exit_code: 0 }
`;
  const sc = parseScenario(yaml, 'many.yaml');
  assert.ok(sc.ok);
  let reads = 0;
  const o = runScenario(sc.scenario, { readFile: () => (reads++, BIG_BSS) });
  assert.equal(o.kind, 'report');
  assert.equal((o as { report: { failed: number } }).report.failed, 0);
  assert.equal(reads, 1);
});
