// Debugging C through the adapter process (dist/adapter.js) as the editor drives it: launch of a
// static C program built with -g to its first stop (the entry stop in main, past glibc's start-up),
// and the round trip of a step by source line ("next": request sent -> stopped event received),
// each step running its line's instructions one by one and the calls on it over.
// Goals (issue 10): launch to first stop under 400 ms, step round trip median under 5 ms.
// Needs powerpc64le-linux-gnu-gcc (skipped with the install command otherwise).
import { DebugClient } from '@vscode/debugadapter-testsupport';
import type { DebugProtocol } from '@vscode/debugprotocol';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { openDebugInfo } from '../sim/debuginfo/debug-info';
import type { BenchRow } from './run';

const ADAPTER = join(process.cwd(), 'dist', 'adapter.js');
const SOURCE = join(process.cwd(), 'bench', 'programs', 'c-steps.c');
const LAUNCHES = 10;
const STEPS = 1000;

function quantile(xs: number[], q: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))];
}

async function session(program: string): Promise<{
  dc: DebugClient;
  stopped: () => Promise<DebugProtocol.StoppedEvent>;
  launchMs: number;
  threadId: number;
}> {
  const dc = new DebugClient(process.execPath, ADAPTER, 'ppc-watchpoint');
  await dc.start();
  let waiting: ((e: DebugProtocol.StoppedEvent) => void) | undefined;
  dc.on('stopped', (e: DebugProtocol.StoppedEvent) => {
    const w = waiting;
    waiting = undefined;
    w?.(e);
  });
  const stopped = () => new Promise<DebugProtocol.StoppedEvent>((r) => (waiting = r));
  const first = stopped();
  await dc.initializeRequest({
    adapterID: 'ppc-watchpoint',
    pathFormat: 'path',
    linesStartAt1: true,
    columnsStartAt1: true,
  });
  const t0 = performance.now();
  const launched = dc.launchRequest({ program } as DebugProtocol.LaunchRequestArguments);
  await dc.configurationDoneRequest();
  await launched;
  const e = await first;
  return { dc, stopped, launchMs: performance.now() - t0, threadId: e.body.threadId as number };
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
