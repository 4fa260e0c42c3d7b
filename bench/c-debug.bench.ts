// Debugging C through the adapter process (dist/adapter.js) as the editor drives it: launch of a
// static C program built with -g to its first stop (the entry stop in main, past glibc's start-up),
// and the round trip of a step by source line ("next": request sent -> stopped event received),
// each step running its line's instructions one by one and the calls on it over.
// Goals (issue 10): the debug information of a 1 MB static glibc program opened in under 300 ms,
// launch to first stop under 400 ms, step round trip median under 5 ms.
// Needs powerpc64le-linux-gnu-gcc (skipped with the install command otherwise).
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDebugInfo } from '../sim/debuginfo/debug-info';
import { client, launch, quantile, type BenchClient } from './dap-client';
import type { BenchRow } from './run';

const SOURCE = join(process.cwd(), 'bench', 'programs', 'c-steps.c');
const LAUNCHES = 10;
const STEPS = 1000;

/** A session of `program` stopped at its first stop (the entry stop in main). */
async function session(program: string): Promise<BenchClient & { launchMs: number; threadId: number }> {
  const c = await client();
  return { ...c, ...(await launch(c, { program })) };
}

export async function run(): Promise<BenchRow[]> {
  if (spawnSync('sh', ['-c', 'command -v powerpc64le-linux-gnu-gcc']).status !== 0) {
    return [
      {
        name: 'C debugging',
        value: 0,
        unit: '',
        note: 'skipped: sudo apt-get install gcc-powerpc64le-linux-gnu libc6-dev-ppc64el-cross',
      },
    ];
  }
  const dir = mkdtempSync(join(tmpdir(), 'wplab-bench-c-'));
  try {
    const exe = join(dir, 'c-steps');
    execFileSync('powerpc64le-linux-gnu-gcc', ['-g', '-O0', '-static', SOURCE, '-o', exe]);
    // opening the debug information (section table, unit headers: the rest is read on first use)
    const bytes = new Uint8Array(readFileSync(exe));
    const opens: number[] = [];
    for (let i = 0; i < 20; i++) {
      const t0 = performance.now();
      const r = openDebugInfo(bytes);
      opens.push(performance.now() - t0);
      if (!r.ok) throw new Error(`debug information: ${r.message}`);
    }
    const launches: number[] = [];
    for (let i = 0; i < LAUNCHES; i++) {
      const s = await session(exe);
      launches.push(s.launchMs);
      await s.dc.stop();
    }
    const s = await session(exe);
    const steps: number[] = [];
    try {
      for (let i = 0; i < STEPS; i++) {
        const t0 = performance.now();
        const e = s.stopped();
        await s.dc.nextRequest({ threadId: s.threadId });
        if ((await e).body.reason !== 'step') throw new Error(`step ${i} ended with ${(await e).body.reason}`);
        steps.push(performance.now() - t0);
      }
    } finally {
      await s.dc.stop();
    }
    const launchMed = quantile(launches, 0.5);
    const med = quantile(steps, 0.5);
    const openMed = quantile(opens, 0.5);
    return [
      {
        name: 'C: open the debug information, median',
        value: openMed,
        unit: 'ms',
        goal: '< 300 ms',
        ok: openMed < 300,
        note: `${(bytes.length / 1e6).toFixed(2)} MB static glibc program (-g -O0), 20 opens`,
      },
      {
        name: 'C: launch to first stop (main), median',
        value: launchMed,
        unit: 'ms',
        goal: '< 400 ms',
        ok: launchMed < 400,
        note: `${LAUNCHES} launches of a static -g -O0 glibc program: load, DWARF, run to main`,
      },
      { name: 'C: launch to first stop, max', value: Math.max(...launches), unit: 'ms' },
      {
        name: 'C: source line step round trip, median',
        value: med,
        unit: 'ms',
        goal: '< 5 ms',
        ok: med < 5,
        note: `${STEPS} "next" steps over C lines (one with a call), request -> stopped`,
      },
      { name: 'C: source line step round trip, p99', value: quantile(steps, 0.99), unit: 'ms' },
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
