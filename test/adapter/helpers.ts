// Drives the real adapter process (dist/adapter.js) with @vscode/debugadapter-testsupport's
// DebugClient. Events are queued from the moment the client starts, so a test never misses one
// that arrives before it waits (DebugClient.waitForEvent only sees events after the call).
import { DebugClient } from '@vscode/debugadapter-testsupport';
import type { DebugProtocol } from '@vscode/debugprotocol';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const ROOT = resolve(__dirname, '..', '..');
export const ADAPTER = join(ROOT, 'dist', 'adapter.js');
export const FIXTURES = join(__dirname, 'fixtures');
export const fixture = (name: string): string => join(FIXTURES, name);

function newest(dir: string): number {
  let m = 0;
  for (const n of readdirSync(dir)) {
    const p = join(dir, n);
    const s = statSync(p);
    m = Math.max(m, s.isDirectory() ? newest(p) : s.mtimeMs);
  }
  return m;
}

/** Builds dist/adapter.js when it is missing or older than its sources (npm test builds first). */
export function ensureAdapterBuilt(): void {
  const stale =
    !existsSync(ADAPTER) ||
    statSync(ADAPTER).mtimeMs < Math.max(newest(join(ROOT, 'debug-adapter')), newest(join(ROOT, 'sim')));
  if (!stale) return;
  const r = spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: ROOT, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`build failed: ${r.stderr}`);
}

export class Client {
  readonly dc: DebugClient;
  private queues = new Map<string, DebugProtocol.Event[]>();
  private waiters = new Map<string, Array<(e: DebugProtocol.Event) => void>>();
  readonly all: DebugProtocol.Event[] = [];

  constructor() {
    this.dc = new DebugClient(process.execPath, ADAPTER, 'ppc-watchpoint');
    this.dc.defaultTimeout = 10_000;
  }

  async start(): Promise<void> {
    await this.dc.start();
    // the underlying ProtocolClient emits every event by its name
    const emit = (this.dc as unknown as { emit: (name: string, e: unknown) => boolean }).emit.bind(this.dc);
    (this.dc as unknown as { emit: (name: string, e: unknown) => boolean }).emit = (name: string, e: unknown) => {
      if (e && typeof e === 'object' && (e as { type?: string }).type === 'event') this.push(e as DebugProtocol.Event);
      return emit(name, e);
    };
  }

  private push(e: DebugProtocol.Event): void {
    this.all.push(e);
    const w = this.waiters.get(e.event);
    if (w && w.length > 0) {
      (w.shift() as (e: DebugProtocol.Event) => void)(e);
      return;
    }
    const q = this.queues.get(e.event) ?? [];
    q.push(e);
    this.queues.set(e.event, q);
  }

  /** The next event of this type (queued or future). */
  next<T extends DebugProtocol.Event = DebugProtocol.Event>(event: string, timeout = 10_000): Promise<T> {
    const q = this.queues.get(event);
    if (q && q.length > 0) return Promise.resolve(q.shift() as T);
    return new Promise<T>((res, rej) => {
      const timer = setTimeout(() => {
        const ws = this.waiters.get(event) ?? [];
        const i = ws.indexOf(f);
        if (i >= 0) ws.splice(i, 1);
        rej(
          new Error(
            `no "${event}" event within ${timeout} ms (events so far: ${this.all.map((x) => x.event).join(', ')})`,
          ),
        );
      }, timeout);
      const f = (e: DebugProtocol.Event) => {
        clearTimeout(timer);
        res(e as T);
      };
      const ws = this.waiters.get(event) ?? [];
      ws.push(f);
      this.waiters.set(event, ws);
    });
  }

  /** The next event of any of these types; the others stay queued. */
  nextOf(events: string[], timeout = 10_000): Promise<DebugProtocol.Event> {
    for (const ev of events) {
      const q = this.queues.get(ev);
      if (q && q.length > 0) return Promise.resolve(q.shift() as DebugProtocol.Event);
    }
    return new Promise((res, rej) => {
      const fs: Array<[string, (e: DebugProtocol.Event) => void]> = [];
      const done = (e: DebugProtocol.Event | undefined): void => {
        clearTimeout(timer);
        for (const [ev, f] of fs) {
          const ws = this.waiters.get(ev) ?? [];
          const i = ws.indexOf(f);
          if (i >= 0) ws.splice(i, 1);
        }
        if (e) res(e);
      };
      const timer = setTimeout(() => {
        done(undefined);
        rej(new Error(`none of ${events.join(', ')} within ${timeout} ms`));
      }, timeout);
      for (const ev of events) {
        const f = (e: DebugProtocol.Event) => done(e);
        fs.push([ev, f]);
        const ws = this.waiters.get(ev) ?? [];
        ws.push(f);
        this.waiters.set(ev, ws);
      }
    });
  }

  /** Drops queued events of a type (e.g. output before a check). */
  drain(event: string): DebugProtocol.Event[] {
    const q = this.queues.get(event) ?? [];
    this.queues.set(event, []);
    return q;
  }

  async stop(): Promise<void> {
    await this.dc.stop();
  }

  /** initialize + launch + (breakpoints) + configurationDone; resolves with the first stop. */
  async launch(
    args: Record<string, unknown>,
    setBreakpoints?: () => Promise<unknown>,
  ): Promise<DebugProtocol.StoppedEvent> {
    await this.dc.initializeRequest({
      adapterID: 'ppc-watchpoint',
      clientID: 'test',
      linesStartAt1: true,
      columnsStartAt1: true,
      pathFormat: 'path',
      supportsMemoryEvent: true,
    } as DebugProtocol.InitializeRequestArguments);
    const launched = this.dc.launchRequest(args as DebugProtocol.LaunchRequestArguments);
    await this.next('initialized');
    if (setBreakpoints) await setBreakpoints();
    await this.dc.configurationDoneRequest();
    await launched;
    return this.next<DebugProtocol.StoppedEvent>('stopped');
  }

  async threadId(): Promise<number> {
    const r = await this.dc.threadsRequest();
    return r.body.threads[0].id;
  }

  async pc(threadId: number): Promise<string> {
    const st = await this.dc.stackTraceRequest({ threadId });
    return st.body.stackFrames[0].instructionPointerReference as string;
  }

  async topLine(threadId: number): Promise<number> {
    const st = await this.dc.stackTraceRequest({ threadId });
    return st.body.stackFrames[0].line;
  }

  /** A request that must fail: resolves with the error message. */
  async fails(p: Promise<unknown>): Promise<string> {
    try {
      await p;
    } catch (e) {
      return e instanceof Error ? e.message : String(e);
    }
    throw new Error('the request succeeded but should have failed');
  }

  async evaluate(expression: string, context = 'repl'): Promise<string> {
    const r = await this.dc.evaluateRequest({ expression, context });
    return r.body.result;
  }
}
