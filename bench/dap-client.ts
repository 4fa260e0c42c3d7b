// The editor's side of a debug session for the benches: the adapter's own process (dist/adapter.js,
// the bundle users run) driven by the protocol's test client, and the launch sequence VS Code sends
// (initialize, launch, configurationDone) up to the first stop.
import { DebugClient } from '@vscode/debugadapter-testsupport';
import type { DebugProtocol } from '@vscode/debugprotocol';
import { join } from 'node:path';

const ADAPTER = join(process.cwd(), 'dist', 'adapter.js');

export interface BenchClient {
  dc: DebugClient;
  /** the next stopped event (call before the request that causes it) */
  stopped: () => Promise<DebugProtocol.StoppedEvent>;
}

export async function client(): Promise<BenchClient> {
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

export function quantile(xs: number[], q: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))];
}

/** initialize, launch with `args`, configurationDone -> the first stop: its thread, when initialize
 * was answered (performance.now()) and how long the launch took (launch request sent -> stopped
 * event received), in ms. */
export async function launch(
  { dc, stopped }: BenchClient,
  args: Record<string, unknown>,
): Promise<{ threadId: number; initializedAt: number; launchMs: number }> {
  const first = stopped();
  await dc.initializeRequest({
    adapterID: 'ppc-watchpoint',
    pathFormat: 'path',
    linesStartAt1: true,
    columnsStartAt1: true,
  });
  const t0 = performance.now();
  const launched = dc.launchRequest(args as DebugProtocol.LaunchRequestArguments);
  await dc.configurationDoneRequest();
  await launched;
  const e = await first;
  return { threadId: e.body.threadId as number, initializedAt: t0, launchMs: performance.now() - t0 };
}
