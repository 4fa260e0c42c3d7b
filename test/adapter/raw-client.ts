// A Debug Adapter Protocol client at the byte level, for hostile sessions: it sends any frame (a
// malformed one too) to the adapter process (dist/adapter.js), and keeps every response and event.
// What the tests ask of the adapter: each well-formed request is answered exactly once, in time; the
// process stays up whatever arrives.
import { spawn, type ChildProcess } from 'node:child_process';
import { ADAPTER } from './helpers';

export interface Message {
  seq: number;
  type: string;
  command?: string;
  event?: string;
  request_seq?: number;
  success?: boolean;
  message?: string;
  body?: Record<string, unknown>;
}

export class RawClient {
  private proc: ChildProcess;
  private buf = Buffer.alloc(0);
  private seq = 1;
  readonly messages: Message[] = [];
  readonly stderr: string[] = [];
  private listeners: Array<() => void> = [];
  exited: { code: number | null; signal: NodeJS.Signals | null } | undefined;

  constructor() {
    this.proc = spawn(process.execPath, [ADAPTER], { stdio: ['pipe', 'pipe', 'pipe'] });
    this.proc.stdout!.on('data', (d: Buffer) => this.onData(d));
    this.proc.stderr!.on('data', (d: Buffer) => this.stderr.push(d.toString()));
    this.proc.on('exit', (code, signal) => {
      this.exited = { code, signal };
      this.notify();
    });
    // a write to an adapter that has gone must not throw in the test process
    this.proc.stdin!.on('error', () => undefined);
  }

  private notify(): void {
    for (const l of this.listeners.splice(0)) l();
  }

  private onData(d: Buffer): void {
    this.buf = Buffer.concat([this.buf, d]);
    for (;;) {
      const end = this.buf.indexOf('\r\n\r\n');
      if (end < 0) return;
      const m = /Content-Length: (\d+)/i.exec(this.buf.subarray(0, end).toString());
      if (!m)
        throw new Error(`the adapter wrote a frame without Content-Length: ${this.buf.subarray(0, end).toString()}`);
      const len = Number(m[1]);
      if (this.buf.length < end + 4 + len) return;
      const body = this.buf.subarray(end + 4, end + 4 + len).toString('utf8');
      this.buf = this.buf.subarray(end + 4 + len);
      this.messages.push(JSON.parse(body) as Message);
      this.notify();
    }
  }

  /** Sends raw bytes as they are. */
  raw(bytes: string | Buffer): void {
    if (!this.exited) this.proc.stdin!.write(bytes);
  }

  /** Sends one frame with this body text (valid JSON or not). */
  frame(body: string): void {
    this.raw(`Content-Length: ${Buffer.byteLength(body, 'utf8')}\r\n\r\n${body}`);
  }

  /** Sends a request; returns its seq. */
  request(command: string, args?: unknown): number {
    const seq = this.seq++;
    this.frame(
      JSON.stringify(
        args === undefined ? { seq, type: 'request', command } : { seq, type: 'request', command, arguments: args },
      ),
    );
    return seq;
  }

  responsesTo(seq: number): Message[] {
    return this.messages.filter((m) => m.type === 'response' && m.request_seq === seq);
  }

  events(name: string): Message[] {
    return this.messages.filter((m) => m.type === 'event' && m.event === name);
  }

  /** Waits until `done()` holds, or the adapter exits, or the time is up; true if it holds. */
  async until(done: () => boolean, ms = 10_000): Promise<boolean> {
    const end = Date.now() + ms;
    while (!done()) {
      if (this.exited) return done();
      const left = end - Date.now();
      if (left <= 0) return false;
      await new Promise<void>((res) => {
        const t = setTimeout(res, Math.min(left, 200));
        this.listeners.push(() => {
          clearTimeout(t);
          res();
        });
      });
    }
    return true;
  }

  /** The response to a request, waiting for it. */
  async response(seq: number, ms = 10_000): Promise<Message | undefined> {
    await this.until(() => this.responsesTo(seq).length > 0, ms);
    return this.responsesTo(seq)[0];
  }

  /** Sends a request and waits for its response. */
  async call(command: string, args?: unknown, ms = 10_000): Promise<Message | undefined> {
    return this.response(this.request(command, args), ms);
  }

  get alive(): boolean {
    return !this.exited;
  }

  async close(): Promise<void> {
    if (this.exited) return;
    this.proc.kill();
    await this.until(() => false, 2000);
  }
}

/** initialize, launch, configurationDone; resolves when the launch is answered and the first stop came. */
export async function rawLaunch(c: RawClient, args: Record<string, unknown>): Promise<void> {
  await c.call('initialize', {
    adapterID: 'ppc-watchpoint',
    clientID: 'raw',
    linesStartAt1: true,
    columnsStartAt1: true,
    pathFormat: 'path',
  });
  const launch = c.request('launch', args);
  await c.until(() => c.events('initialized').length > 0);
  await c.call('configurationDone', {});
  await c.response(launch);
  await c.until(() => c.events('stopped').length > 0 || c.events('terminated').length > 0);
}
