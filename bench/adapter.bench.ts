// The debug adapter as the editor sees it: its own process over stdio, driven by the protocol's
// test client. Measures the step round trip (stepIn request sent -> stopped event received) and
// launch to first stop (initialize + launch + configurationDone -> the entry stop).
// Goals (PRODUCT.md): step median under 2 ms; launch to first stop under 200 ms.
import type { DebugProtocol } from '@vscode/debugprotocol';
import { join } from 'node:path';
import { client, launch, quantile } from './dap-client';
import type { BenchRow } from './run';

const PROGRAM = join(process.cwd(), 'test', 'adapter', 'fixtures', 'spin.S');
/** a marker instruction (at 0x1000000c) once every 2^21 instructions */
const SPARSE = join(process.cwd(), 'test', 'adapter', 'fixtures', 'sparse.S');
const STEPS = 2000;
const LAUNCHES = 15;

/** [process start + initialize, launch request -> entry stop] in ms */
async function launchToStop(): Promise<[number, number]> {
  const s0 = performance.now();
  const c = await client();
  try {
    const { initializedAt, launchMs } = await launch(c, { program: PROGRAM });
    return [initializedAt - s0, launchMs];
  } finally {
    await c.dc.stop();
  }
}

/** How a travel went (the adapter's telemetry output after each travel). */
interface TravelData {
  find?: { path: string; replayed: number };
  rebuild?: { path: string; replayed: number };
  kept: { count: number; bytes: number };
}

interface TravelFigures {
  back: number;
  reverseToBreakpoint: number;
  reverseToStart: number;
  data: TravelData[];
}

/**
 * After a run of `n` instructions (the step limit stops it there): step back, reverse continue to an
 * instruction breakpoint set after the run (on the loop's branch: two instructions back), and
 * reverse continue with no breakpoint (back to the start).
 */
async function travel(n: number): Promise<TravelFigures> {
  const { dc, stopped } = await client();
  const data: TravelData[] = [];
  dc.on('output', (e: DebugProtocol.OutputEvent) => {
    if (e.body.category === 'telemetry' && e.body.output.startsWith('wplab.travel')) {
      data.push(e.body.data as TravelData);
    }
  });
  try {
    const { threadId } = await launch({ dc, stopped }, { program: PROGRAM, maxSteps: n });
    let s = stopped();
    await dc.continueRequest({ threadId });
    await s;
    const timed = async (f: () => Promise<unknown>): Promise<number> => {
      const t0 = performance.now();
      s = stopped();
      await f();
      await s;
      return performance.now() - t0;
    };
    const back = await timed(() => dc.stepBackRequest({ threadId }));
    // spin.S: li at 0x10000000, then the loop: addi at 0x10000004, b at 0x10000008
    const branch = [{ instructionReference: '0x10000008' }];
    await dc.customRequest('setInstructionBreakpoints', { breakpoints: branch });
    const reverseToBreakpoint = await timed(() => dc.reverseContinueRequest({ threadId }));
    await dc.customRequest('setInstructionBreakpoints', { breakpoints: [] });
    const reverseToStart = await timed(() => dc.reverseContinueRequest({ threadId }));
    if (process.env.WPLAB_TRAVEL_DEBUG) console.error(JSON.stringify(data));
    return { back, reverseToBreakpoint, reverseToStart, data };
  } finally {
    await dc.stop();
  }
}

/** Reverse continue after `n` instructions to a breakpoint last hit up to 2^21 instructions back. */
async function farReverse(n: number): Promise<{ ms: number; back: number }> {
  const { dc, stopped } = await client();
  const icounts: number[] = [];
  dc.on('wplab.stopped', (e: DebugProtocol.Event) => icounts.push((e.body as { icount: number }).icount));
  try {
    const { threadId } = await launch({ dc, stopped }, { program: SPARSE, maxSteps: n });
    let s = stopped();
    await dc.continueRequest({ threadId });
    await s;
    await dc.customRequest('setInstructionBreakpoints', { breakpoints: [{ instructionReference: '0x1000000c' }] });
    const t0 = performance.now();
    s = stopped();
    await dc.reverseContinueRequest({ threadId });
    await s;
    const ms = performance.now() - t0;
    return { ms, back: n - icounts[icounts.length - 1] };
  } finally {
    await dc.stop();
  }
}

export async function run(): Promise<BenchRow[]> {
  const TRAVEL = 100_000_000;
  const tr = await travel(TRAVEL);
  const far = await farReverse(TRAVEL);
  const paths = tr.data.map((d) => `${d.find?.path ?? '-'}/${d.rebuild?.path ?? '-'}`).join(', ');
  const kept = tr.data[0]?.kept ?? { count: 0, bytes: 0 };
  const mb = kept.bytes / (1024 * 1024);
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
    const { threadId } = await launch({ dc, stopped }, { program: PROGRAM });
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
    {
      name: 'step round trip, median',
      value: med,
      unit: 'ms',
      goal: '< 2 ms',
      ok: med < 2,
      note: `${STEPS} steps, stepIn -> stopped`,
    },
    { name: 'step round trip, p99', value: quantile(steps, 0.99), unit: 'ms' },
    {
      name: 'launch to first stop, median',
      value: launchMed,
      unit: 'ms',
      goal: '< 200 ms',
      ok: launchMed < 200,
      note: `${LAUNCHES} launches: launch request -> entry stop (assemble, machine, load)`,
    },
    { name: 'launch to first stop, max', value: Math.max(...launches), unit: 'ms' },
    {
      name: 'adapter process start + initialize, median',
      value: quantile(starts, 0.5),
      unit: 'ms',
      note: 'node start and bundle load, before the launch request',
    },
    {
      name: 'step back after 10^8 instructions',
      value: tr.back,
      unit: 'ms',
      goal: '< 50 ms',
      ok: tr.back < 50,
      note: `stepBack -> stopped: the last window searched and rebuilt from a checkpoint (find/rebuild: ${paths})`,
    },
    {
      name: 'reverse continue to a breakpoint after 10^8 instructions',
      value: tr.reverseToBreakpoint,
      unit: 'ms',
      goal: '< 300 ms',
      ok: tr.reverseToBreakpoint < 300,
      note: 'reverseContinue -> stopped: a look before each instruction, windows back from the newest checkpoint',
    },
    {
      name: 'reverse continue to a breakpoint far back, after 10^8 instructions',
      value: far.ms,
      unit: 'ms',
      note: `the last hit ${far.back} instructions back: a look before each of them (the cost grows with the distance)`,
    },
    {
      name: 'reverse continue to the start after 10^8 instructions',
      value: tr.reverseToStart,
      unit: 'ms',
      goal: '< 300 ms',
      ok: tr.reverseToStart < 300,
      note: 'no breakpoint: nothing to look for, the launch replayed up to its first instruction',
    },
    {
      name: 'checkpoints kept after 10^8 instructions',
      value: mb,
      unit: 'MB',
      goal: '<= 64 MB',
      ok: mb <= 64,
      note: `${kept.count} checkpoints (pages copied on write, objects, log slices)`,
    },
  ];
}
