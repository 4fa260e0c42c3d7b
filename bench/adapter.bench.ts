// The debug adapter as the editor sees it: its own process over stdio, driven by the protocol's
// test client. Measures the step round trip (stepIn request sent -> stopped event received) and
// launch to first stop (initialize + launch + configurationDone -> the entry stop).
// Goals (PRODUCT.md): step median under 2 ms; launch to first stop under 200 ms.
import { DebugClient } from '@vscode/debugadapter-testsupport';
import type { DebugProtocol } from '@vscode/debugprotocol';
import { join } from 'node:path';
import type { BenchRow } from './run';

const ADAPTER = join(process.cwd(), 'dist', 'adapter.js');
const PROGRAM = join(process.cwd(), 'test', 'adapter', 'fixtures', 'spin.S');
const STEPS = 2000;
const LAUNCHES = 15;

function quantile(xs: number[], q: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))];
}

async function client(): Promise<{ dc: DebugClient; stopped: () => Promise<DebugProtocol.StoppedEvent> }> {
  const dc = new DebugClient(process.execPath, ADAPTER, 'ppc-watchpoint');
  await dc.start();
  let waiting: ((e: DebugProtocol.StoppedEvent) => void) | undefined;
  dc.on('stopped', (e: DebugProtocol.StoppedEvent) => {
    const w = waiting;
    waiting = undefined;
    w?.(e);
  });
  return { dc, stopped: () => new Promise((r) => (waiting = r)) };
}

/** [process start + initialize, launch request -> entry stop] in ms */
async function launchToStop(): Promise<[number, number]> {
  const s0 = performance.now();
  const { dc, stopped } = await client();
  try {
    const first = stopped();
    await dc.initializeRequest({ adapterID: 'ppc-watchpoint', pathFormat: 'path', linesStartAt1: true, columnsStartAt1: true });
    const t0 = performance.now();
    const launched = dc.launchRequest({ program: PROGRAM } as DebugProtocol.LaunchRequestArguments);
    await dc.configurationDoneRequest();
    await launched;
    await first;
    return [t0 - s0, performance.now() - t0];
  } finally {
    await dc.stop();
  }
}

/** Step back and reverse continue after a run of `n` instructions (the step limit stops it there). */
async function travel(n: number): Promise<[number, number]> {
  const { dc, stopped } = await client();
  try {
    const first = stopped();
    await dc.initializeRequest({ adapterID: 'ppc-watchpoint', pathFormat: 'path', linesStartAt1: true, columnsStartAt1: true });
    const launched = dc.launchRequest({ program: PROGRAM, maxSteps: n } as DebugProtocol.LaunchRequestArguments);
    await dc.configurationDoneRequest();
    await launched;
    const threadId = (await first).body.threadId as number;
    let s = stopped();
    await dc.continueRequest({ threadId });
    await s;
    let t0 = performance.now();
    s = stopped();
    await dc.stepBackRequest({ threadId });
    await s;
    const back = performance.now() - t0;
    t0 = performance.now();
    s = stopped();
    await dc.reverseContinueRequest({ threadId });
    await s;
    return [back, performance.now() - t0];
  } finally {
    await dc.stop();
  }
}

export async function run(): Promise<BenchRow[]> {
  const TRAVEL = 10_000_000;
  const [back, reverse] = await travel(TRAVEL);
  const launches: number[] = [];
  const starts: number[] = [];
  for (let i = 0; i < LAUNCHES; i++) {
    const [s, l] = await launchToStop();
    starts.push(s);
    launches.push(l);
  }

  const { dc, stopped } = await client();
  const steps: number[] = [];
  try {
    const first = stopped();
    await dc.initializeRequest({ adapterID: 'ppc-watchpoint', pathFormat: 'path', linesStartAt1: true, columnsStartAt1: true });
    const launched = dc.launchRequest({ program: PROGRAM } as DebugProtocol.LaunchRequestArguments);
    await dc.configurationDoneRequest();
    await launched;
    const e = await first;
    const threadId = e.body.threadId as number;
    for (let i = 0; i < STEPS; i++) {
      const t0 = performance.now();
      const s = stopped();
      await dc.stepInRequest({ threadId });
      await s;
      steps.push(performance.now() - t0);
    }
  } finally {
    await dc.stop();
  }
  const med = quantile(steps, 0.5);
  const launchMed = quantile(launches, 0.5);
  return [
    { name: 'step round trip, median', value: med, unit: 'ms', goal: '< 2 ms', ok: med < 2, note: `${STEPS} steps, stepIn -> stopped` },
    { name: 'step round trip, p99', value: quantile(steps, 0.99), unit: 'ms' },
    { name: 'launch to first stop, median', value: launchMed, unit: 'ms', goal: '< 200 ms', ok: launchMed < 200, note: `${LAUNCHES} launches: launch request -> entry stop (assemble, machine, load)` },
    { name: 'launch to first stop, max', value: Math.max(...launches), unit: 'ms' },
    { name: 'adapter process start + initialize, median', value: quantile(starts, 0.5), unit: 'ms', note: 'node start and bundle load, before the launch request' },
    { name: 'step back after 10^7 instructions', value: back, unit: 'ms', note: 'stepBack -> stopped: two replays of the history (find the instant, rebuild there)' },
    { name: 'reverse continue over 10^7 instructions', value: reverse, unit: 'ms', note: 'reverseContinue -> stopped: a look before each instruction of the thread, then a rebuild' },
  ];
}
