// The Debug Adapter Protocol session of `ppc-watchpoint`: one method per request, in the order of
// the protocol's specification (as vscode-mock-debug lays it out). The session only translates:
// the machine, the tracer's calls and the run loop live in runtime.ts; watchpoints in
// data-breakpoints.ts; views in variables.ts, stack.ts, disassembly.ts; the panel's feed in
// panel-feed.ts. Every request with missing or wrong arguments gets an error response, and the
// session keeps working.
import {
  Breakpoint,
  Response,
  ContinuedEvent,
  ExitedEvent,
  InitializedEvent,
  LoggingDebugSession,
  MemoryEvent,
  OutputEvent,
  Scope,
  Source,
  StackFrame,
  StoppedEvent,
  TerminatedEvent,
  Thread,
  ThreadEvent,
  BreakpointEvent,
  Event,
} from '@vscode/debugadapter';
import type { DebugProtocol } from '@vscode/debugprotocol';
import type { Task } from '../sim/machine/task';
import { TimeProbe, type TimeProbeHooks } from '../sim/machine/time-probe';
import { isCommand, runCommand } from './console-commands';
import { makeDataId, makeSymbolDataId, parseDataId, type AccessType, type Watch } from './data-breakpoints';
import { disassembleRange } from './disassembly';
import { evaluateExpression } from './expressions';
import { checkLaunch, parseAddress } from './launch-config';
import { checkDecisionLogArgs, PanelFeed } from './panel-feed';
import {
  EVENT_RESET, EVENT_STOPPED, EVENT_WATCHES, REQUEST_COMPARE, REQUEST_DECISIONS, REQUEST_EXPORT_TRACE, REQUEST_PERF, REQUEST_SNAPSHOT, REQUEST_TIMELINE, REQUEST_WATCH, REQUEST_WATCH_LIST,
  type PerfAction, type PerfResponse, type StoppedEventBody, type WatchesEvent, type WatchInfo,
} from './panel-protocol';
import { checkTimelineArgs } from './panel-timeline';
import { BreakpointIds } from './breakpoint-ids';
import { Runtime, type CodeBreakpoint, type RuntimeSink, type StopReport } from './runtime';
import { RECORDED_REQUESTS, Timeline, type JournalEntry } from './timeline';
import { breakpointsNow, reverseTarget, stepBackTarget, type TravelTarget } from './time-travel';
import { stackFrames } from './stack';
import { dataSymbols, hex } from './symbols';
import * as fs from 'node:fs';
import { Variables, REGISTER_NAMES } from './variables';

/** The breakpoint modes of source breakpoints: what a breakpoint on a data line does. */
export const BREAKPOINT_MODES: DebugProtocol.BreakpointMode[] = [
  { mode: 'write', label: 'Watch writes', description: 'On a data line: a ptrace watchpoint that stops before a store to the symbol. On a code line: an ordinary breakpoint.', appliesTo: ['source'] },
  { mode: 'read', label: 'Watch reads', description: 'On a data line: a ptrace watchpoint that stops before a load of the symbol.', appliesTo: ['source'] },
  { mode: 'access', label: 'Watch access', description: 'On a data line: a ptrace watchpoint that stops before any load or store of the symbol.', appliesTo: ['source'] },
  { mode: 'perf', label: 'Count with perf', description: 'On a data line: a perf hardware breakpoint counter on the symbol (reads and writes, counted after execute; never stops).', appliesTo: ['source'] },
];

class BadArgs extends Error {}

/** The largest frame read (a larger Content-Length is refused, not waited for) and header kept. */
const MAX_FRAME = 64 * 1024 * 1024;
const MAX_HEADER = 64 * 1024;

/** A value as a message names it (objects by kind: a message may not hold braces). */
function shown(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'an object';
  if (typeof v === 'string') return JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}...` : v);
  return String(v);
}

/** A whole-number argument (offsets, counts): `undefined` gives `dflt`; anything else that is not an
 * integer within [min, max] is a BadArgs that names it. */
function intArg(v: unknown, name: string, dflt: number, min = -Number.MAX_SAFE_INTEGER, max = Number.MAX_SAFE_INTEGER): number {
  if (v === undefined) return dflt;
  if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max) throw new BadArgs(`"${name}" must be a whole number${min > -Number.MAX_SAFE_INTEGER ? ` from ${min}` : ''}${max < Number.MAX_SAFE_INTEGER ? ` to ${max}` : ''}, not ${shown(v)}`);
  return v;
}

/** A request the adapter makes itself (recorded in the history like the editor's). */
function syntheticRequest(command: string, args: unknown): DebugProtocol.Request {
  return { seq: 0, type: 'request', command, arguments: structuredClone(args) };
}

const FRAME_STRIDE = 1000;

export class WatchpointDebugSession extends LoggingDebugSession {
  private rt: Runtime | undefined;
  private vars: Variables | undefined;
  private feed: PanelFeed | undefined;
  private launchArgs: Record<string, unknown> | undefined;
  private clientMemoryEvents = false;
  private configDone: Promise<void>;
  private resolveConfigDone: () => void = () => undefined;
  private currentThread: number | undefined;
  private consoleIds = new Map<string, { kind: 'fd' | 'handle'; value: number }>();
  /** the latest breakpoint requests, replayed on restart */
  private sourceRequests = new Map<string, DebugProtocol.SetBreakpointsArguments>();
  private dataRequest: DebugProtocol.SetDataBreakpointsArguments | undefined;
  private instructionRequest: DebugProtocol.SetInstructionBreakpointsArguments | undefined;
  /** watches made by source breakpoints on data lines, per file */
  private lineWatches = new Map<string, Array<{ line: number; mode: string; watch: Watch }>>();
  private dataWatches: Array<{ dataId: string; access: AccessType; watch: Watch }> = [];
  /** the watch list last sent to the editor (sent again only when it changed) */
  private lastWatches = '';
  /** the recorded history (for step back and reverse continue) and the ids that outlive replays */
  private timeline = new Timeline();
  private readonly ids = new BreakpointIds();
  /** replaying the history: requests are handled again, and nothing is sent to the editor */
  private replaying = false;
  /** a step back or reverse continue is rebuilding the machine: the editor's requests wait for it */
  private travelling = false;
  private deferred: DebugProtocol.Request[] = [];
  private launching: Promise<void> | undefined;

  constructor() {
    super();
    this.setDebuggerLinesStartAt1(true);
    this.setDebuggerColumnsStartAt1(true);
    this.configDone = new Promise((r) => (this.resolveConfigDone = r));
    this.wrapHandlers();
    this.guardProtocol();
  }

  /**
   * Malformed input never ends the session (issue 12: one `{bad json` frame made the adapter exit,
   * and every later request went unanswered). The library reads frames itself and shuts the process
   * down on any 'error' event, a frame it cannot parse included: frames are read here instead (a
   * Content-Length that is not a number of at most MAX_FRAME bytes is skipped), a body that is not
   * JSON or not a message is logged to the console and dropped, and only a broken stream ends it.
   */
  private guardProtocol(): void {
    this.removeAllListeners('error');
    this.on('error', (e: DebugProtocol.Event) => {
      const text = typeof e?.body === 'string' ? e.body : String(e?.body ?? '');
      if (/^(inStream|outStream) error/.test(text)) this.shutdown();
      else this.logProtocol(text);
    });
    let chunks: Buffer[] = [];
    let have = 0;
    let need = -1;
    const take = (n: number): Buffer => {
      const all = chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, have);
      chunks = all.length > n ? [all.subarray(n)] : [];
      have = all.length - n;
      return all.subarray(0, n);
    };
    (this as unknown as { _handleData: (d: Buffer) => void })._handleData = (data: Buffer) => {
      chunks.push(data);
      have += data.length;
      for (;;) {
        if (need >= 0) {
          if (have < need) return;
          const body = take(need).toString('utf8');
          need = -1;
          if (body.length > 0) this.handleFrame(body);
          continue;
        }
        const all = chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, have);
        chunks = have > 0 ? [all] : [];
        const end = all.indexOf('\r\n\r\n');
        if (end < 0) {
          if (have > MAX_HEADER) {
            this.logProtocol(`ignored ${have} bytes that hold no frame header`);
            take(have);
          }
          return;
        }
        const header = take(end + 4).toString('utf8', 0, end);
        const m = /^Content-Length: *(\d+) *$/im.exec(header);
        if (!m || Number(m[1]) > MAX_FRAME) {
          this.logProtocol(`ignored a frame header without a valid Content-Length (at most ${MAX_FRAME} bytes): ${JSON.stringify(header.slice(0, 200))}`);
          continue;
        }
        need = Number(m[1]);
      }
    };
  }

  /** One frame's body: parsed and handled; what is not a message is logged and dropped. */
  private handleFrame(body: string): void {
    let msg: unknown;
    try {
      msg = JSON.parse(body);
    } catch (e) {
      this.logProtocol(`ignored a frame that is not JSON (${e instanceof Error ? e.message : String(e)}): ${JSON.stringify(body.slice(0, 200))}`);
      return;
    }
    try {
      this.handleMessage(msg as DebugProtocol.ProtocolMessage);
    } catch (e) {
      this.logProtocol(`internal error while handling a message: ${e instanceof Error ? e.message : String(e)}`);
    }
  }

  /** Messages from the editor (over stdio, or inline): what is not a well-formed request is
   * answered with an error when it has a seq to answer, else logged. */
  override handleMessage(msg: DebugProtocol.ProtocolMessage): void {
    // (while a travel rebuilds the machine nothing is answered: every message waits for it, the
    // malformed ones too, so that their answers are not lost in the replay)
    if (this.travelling) {
      this.deferred.push(msg as DebugProtocol.Request);
      return;
    }
    if (typeof msg !== 'object' || msg === null || Array.isArray(msg)) {
      this.logProtocol(`ignored a message that is not an object: ${JSON.stringify(msg)?.slice(0, 200)}`);
      return;
    }
    const m = msg as Partial<DebugProtocol.Request>;
    if (m.type === 'request') {
      const answerable = typeof m.seq === 'number' && Number.isInteger(m.seq);
      let problem: string | undefined;
      if (typeof m.command !== 'string' || m.command === '') problem = 'a request needs a "command" (a name)';
      else if (m.arguments !== undefined && (typeof m.arguments !== 'object' || m.arguments === null || Array.isArray(m.arguments))) problem = `the arguments of "${m.command}" must be an object, not ${shown(m.arguments)}`;
      else if (m.command === 'initialize' && m.arguments === undefined) problem = '"initialize" needs its arguments: an object with "adapterID" (and "pathFormat": "path")';
      // (pathFormat is optional in the protocol, "path" by default; the library refuses it absent)
      else if (m.command === 'initialize' && (m.arguments as DebugProtocol.InitializeRequestArguments).pathFormat === undefined) (m.arguments as DebugProtocol.InitializeRequestArguments).pathFormat = 'path';
      if (problem !== undefined || !answerable) {
        if (answerable) {
          const response = new Response({ seq: m.seq as number, type: 'request', command: typeof m.command === 'string' ? m.command : String(m.command) });
          this.fail(response, problem as string);
        } else this.logProtocol(`ignored a request without a "seq" number: ${JSON.stringify(msg).slice(0, 200)}`);
        return;
      }
    } else if (m.type !== 'response') {
      this.logProtocol(`ignored a message of type ${JSON.stringify(m.type)} (an editor sends requests)`);
      return;
    }
    super.handleMessage(msg);
  }

  /** A protocol problem, said in the Debug Console (the session goes on). */
  private logProtocol(text: string): void {
    this.sendEvent(new OutputEvent(`[adapter] ${text}\n`, 'console'));
  }

  /**
   * Every request handler is wrapped: a bad argument (BadArgs) or any other error becomes an error
   * response that says what is wrong (the library's own catch would answer with a stack trace).
   */
  private wrapHandlers(): void {
    const self = this as unknown as Record<string, unknown>;
    for (const name of Object.getOwnPropertyNames(WatchpointDebugSession.prototype)) {
      if (!/Request$/.test(name) || name === 'dispatchRequest' || typeof self[name] !== 'function') continue;
      const f = self[name];
      // customRequest(command, response, args): the response is the second argument there
      const at = name === 'customRequest' ? 1 : 0;
      self[name] = (...a: unknown[]) => {
        const response = a[at] as DebugProtocol.Response;
        try {
          const r = (f as (...x: unknown[]) => unknown).apply(this, a);
          if (r instanceof Promise) r.catch((e: unknown) => this.failWith(response, e));
          return r;
        } catch (e) {
          this.failWith(response, e);
          return undefined;
        }
      };
    }
  }

  private failWith(response: DebugProtocol.Response, e: unknown): void {
    this.fail(response, e instanceof BadArgs ? e.message : `internal error in "${response.command}": ${e instanceof Error ? e.message : String(e)}`);
  }

  private fail(response: DebugProtocol.Response, message: string): void {
    // the message is shown as is: braces are not placeholders here
    this.sendErrorResponse(response, { id: 1, format: message.replace(/[{}]/g, (c) => (c === '{' ? '(' : ')')), showUser: false });
  }

  private runtime(): Runtime {
    if (!this.rt || !this.rt.machine) throw new BadArgs('no program is loaded: launch first');
    return this.rt;
  }

  private task(threadId: unknown): Task {
    if (typeof threadId !== 'number' || !Number.isInteger(threadId)) throw new BadArgs(`"threadId" must be a thread's number, not ${shown(threadId)}`);
    const t = this.runtime().thread(threadId);
    if (!t) throw new BadArgs(`no thread ${threadId}`);
    return t;
  }

  private stoppedTask(threadId: unknown): Task {
    const t = this.task(threadId);
    if (!t.alive) throw new BadArgs(`thread ${threadId} (${t.name}) has ${t.state}`);
    if (this.rt?.forked().includes(t)) throw new BadArgs(`thread ${threadId} (${t.name}) is a process the program forked: the debugger does not trace it, it runs when the program runs`);
    if (t.state !== 'stopped' && t.sleep) throw new BadArgs(`thread ${threadId} (${t.name}) sleeps in ${t.sleep.req.why}`);
    if (t.state !== 'stopped') throw new BadArgs(`thread ${threadId} (${t.name}) is running`);
    return t;
  }

  /** A thread to resume: stopped, and no other resume in progress (one machine runs at a time). */
  private resumable(threadId: unknown): Task {
    const t = this.stoppedTask(threadId);
    const busy = this.runtime().running;
    if (busy) throw new BadArgs(`${busy.name} is running: pause it first (the machine runs one resume at a time)`);
    return t;
  }

  /** The thread that last stopped (the one the console, memory and disassembly views mean). */
  private current(): Task {
    const rt = this.runtime();
    const t = (this.currentThread !== undefined ? rt.thread(this.currentThread) : undefined) ?? rt.threads.find((x) => x.alive) ?? rt.threads[0];
    if (!t) throw new BadArgs('no thread');
    return t;
  }

  private taskOfFrame(frameId: number | undefined): Task {
    if (frameId === undefined) return this.current();
    if (typeof frameId !== 'number' || !Number.isInteger(frameId)) throw new BadArgs(`"frameId" must be a number`);
    return this.task(Math.floor(frameId / FRAME_STRIDE));
  }

  private sink(): RuntimeSink {
    return {
      stopped: (r: StopReport) => {
        this.currentThread = r.threadId;
        this.vars?.reset();
        this.feed?.flush();
        const e = new StoppedEvent(r.reason, r.threadId) as DebugProtocol.StoppedEvent;
        if (r.description) e.body.description = r.description;
        if (r.text) e.body.text = r.text;
        if (r.hitBreakpointIds) e.body.hitBreakpointIds = r.hitBreakpointIds;
        e.body.allThreadsStopped = true;
        const t = this.rt?.thread(r.threadId);
        // the Call Stack view shows only the short reason: the whole sentence goes to the Debug
        // Console (for a watchpoint or an exception) and to the panel
        if (r.text && (r.reason === 'data breakpoint' || r.reason === 'exception')) this.sendEvent(new OutputEvent(`${t ? `${t.name}: ` : ''}${r.text}\n`, 'console'));
        const body: StoppedEventBody = { threadId: r.threadId, task: t?.name ?? String(r.threadId), reason: r.reason, ...(r.description ? { description: r.description } : {}), ...(r.text ? { text: r.text } : {}), icount: this.rt?.machine?.icount ?? 0 };
        this.sendEvent(new Event(EVENT_STOPPED, body));
        this.sendEvent(e);
      },
      output: (category, text, source) => {
        const e = new OutputEvent(text, category) as DebugProtocol.OutputEvent;
        if (source) {
          e.body.source = new Source(source.path.replace(/^.*[\\/]/, ''), source.path);
          e.body.line = source.line;
        }
        this.sendEvent(e);
      },
      threadExited: (id) => this.sendEvent(new ThreadEvent('exited', id)),
      exited: (code) => {
        this.feed?.flush();
        this.sendEvent(new ExitedEvent(code));
      },
      terminated: () => {
        this.feed?.dispose();
        this.sendEvent(new TerminatedEvent());
      },
      breakpointChanged: (bp) => {
        this.sendEvent(new BreakpointEvent('changed', bp as Breakpoint));
        this.watchesChanged();
      },
      stateChanged: () => this.feed?.flush(),
      ranChunk: () => this.feed?.tick(),
    };
  }

  /** The debugger's watchpoints as the editor set them, with their state. */
  private watchList(): WatchInfo[] {
    const rt = this.rt;
    if (!rt?.watches) return [];
    const sourceOf = new Map<Watch, { path: string; line: number; mode: string }>();
    for (const [path, ws] of this.lineWatches) for (const x of ws) sourceOf.set(x.watch, { path, line: x.line, mode: x.mode });
    return rt.watches.all().map((w) => {
      const src = sourceOf.get(w);
      return { id: w.id, origin: w.origin, kind: w.kind, access: w.access, label: w.label, addr: hex(w.addr), len: w.len, verified: w.verified, ...(w.message ? { message: w.message } : {}), ...(src ? { source: src } : {}) };
    });
  }

  /**
   * Watchpoints changed (set, refused, re-armed, removed): the editor refreshes the Variables view
   * (its Watchpoints scope), and the extension hears the new list (its data-line actions wait for
   * theirs), and the panel its slots.
   */
  private watchesChanged(set?: DebugProtocol.SetBreakpointsArguments): void {
    const body: WatchesEvent = { watches: this.watchList() };
    const j = JSON.stringify(body);
    if (j === this.lastWatches && set === undefined) return;
    this.lastWatches = j;
    if (set) {
      body.file = set.source.path as string;
      body.requested = (set.breakpoints ?? []).map((b) => ({ line: b.line, mode: b.mode ?? 'write' }));
    }
    this.sendEvent(new Event(EVENT_WATCHES, body));
    if (this.rt && !this.rt.isRunning) this.sendEvent(new Event('invalidated', { areas: ['variables'] }));
  }

  // ---- initialize ------------------------------------------------------------------------------

  /** What this adapter can do: data breakpoints on memory (with bytes), memory, disassembly. */
  protected override initializeRequest(response: DebugProtocol.InitializeResponse, args: DebugProtocol.InitializeRequestArguments): void {
    this.clientMemoryEvents = args?.supportsMemoryEvent === true;
    response.body = {
      supportsConfigurationDoneRequest: true,
      supportsConditionalBreakpoints: true,
      supportsHitConditionalBreakpoints: true,
      supportsLogPoints: true,
      supportsEvaluateForHovers: true,
      supportsSetVariable: true,
      supportsDataBreakpoints: true,
      supportsDataBreakpointBytes: true,
      supportsReadMemoryRequest: true,
      supportsWriteMemoryRequest: true,
      supportsDisassembleRequest: true,
      supportsInstructionBreakpoints: true,
      supportsSteppingGranularity: true,
      supportsRestartRequest: true,
      supportsTerminateRequest: true,
      supportsExceptionInfoRequest: true,
      supportsStepBack: true,
      supportsValueFormattingOptions: false,
      breakpointModes: BREAKPOINT_MODES,
    };
    this.sendResponse(response);
  }

  /** The editor has sent its breakpoints: the launch may start running. */
  protected override configurationDoneRequest(response: DebugProtocol.ConfigurationDoneResponse): void {
    this.sendResponse(response);
    this.resolveConfigDone();
  }

  /** The editor goes away: stop running (the simulated machine simply ends with the process). */
  protected override disconnectRequest(response: DebugProtocol.DisconnectResponse, args: DebugProtocol.DisconnectArguments, request?: DebugProtocol.Request): void {
    this.rt?.dispose();
    this.feed?.dispose();
    // the library answers and, when the adapter is its own process, exits it
    super.disconnectRequest(response, args, request);
  }

  /** Terminate: every task is killed, the exit is reported, the session ends. */
  protected override terminateRequest(response: DebugProtocol.TerminateResponse): void {
    this.sendResponse(response);
    if (this.rt) this.rt.terminate();
    else this.sendEvent(new TerminatedEvent());
  }

  /** Restart: a fresh machine with the same (or the new) settings, the breakpoints set again. */
  protected override restartRequest(response: DebugProtocol.RestartResponse, args: DebugProtocol.RestartArguments): void {
    const next = (args?.arguments as Record<string, unknown> | undefined) ?? this.launchArgs;
    const c = checkLaunch(next);
    if (!c.ok) return this.fail(response, c.message);
    this.rt?.dispose();
    this.feed?.dispose();
    this.timeline = new Timeline();
    const r = this.build(next as Record<string, unknown>);
    if (!r.ok) return this.fail(response, r.message);
    // the history begins again: a launch with these settings and the breakpoints as they are
    const req = (command: string, a: unknown): JournalEntry => ({ request: syntheticRequest(command, a) });
    this.timeline.journal.push(req('launch', next), ...[...this.sourceRequests.values()].map((a) => req('setBreakpoints', a)));
    if (this.instructionRequest) this.timeline.journal.push(req('setInstructionBreakpoints', this.instructionRequest));
    if (this.dataRequest) this.timeline.journal.push(req('setDataBreakpoints', this.dataRequest));
    this.timeline.journal.push(req('configurationDone', {}));
    for (const a of this.sourceRequests.values()) this.applySourceBreakpoints(a);
    if (this.instructionRequest) this.runtime().setInstructionBreakpoints(this.instructionRequest.breakpoints);
    if (this.dataRequest) this.applyDataBreakpoints(this.dataRequest);
    this.sendResponse(response);
    this.sendEvent(new OutputEvent('restarted: a fresh machine, the same breakpoints\n', 'console'));
    this.sendEvent(new Event(EVENT_RESET, {}));
    this.runtime().start();
  }

  private build(args: Record<string, unknown>): { ok: true } | { ok: false; message: string } {
    const c = checkLaunch(args);
    if (!c.ok) return c;
    // Run Without Debugging: no stop at the entry (the editor sends no breakpoints then)
    if (args.noDebug === true) c.value.stopOnEntry = false;
    const rt = new Runtime(this.sink(), this.ids, this.timeline);
    const r = rt.launch(c.value);
    if (!r.ok) {
      for (const d of r.diagnostics ?? []) this.sendEvent(new OutputEvent(d + '\n', 'stderr'));
      return r;
    }
    this.rt = rt;
    this.launchArgs = args;
    this.vars = new Variables(rt);
    this.feed = new PanelFeed(rt, (event, body) => this.sendEvent(new Event(event, body)));
    this.consoleIds = new Map();
    this.lineWatches = new Map();
    this.dataWatches = [];
    this.lastWatches = '';
    this.currentThread = rt.threads[0]?.pid;
    rt.evaluator = (t, expr) => {
      const v = evaluateExpression(expr, { task: t, read: (a, n) => this.readValue(t, a, n) });
      return v.ok ? { ok: true, value: v.value } : v;
    };
    for (const line of rt.setupLog) this.sendEvent(new OutputEvent(`setup ${line}\n`, 'console'));
    return { ok: true };
  }

  /** Launch: check every setting, assemble (or load the scenario), build the machine, and after
   * the editor's breakpoints are in, stop at the entry or run. */
  protected override async launchRequest(response: DebugProtocol.LaunchResponse, args: DebugProtocol.LaunchRequestArguments): Promise<void> {
    let launched = () => undefined as void;
    this.launching = new Promise<void>((r) => (launched = r));
    this.launchesPending++;
    try {
      await this.launch(response, args);
    } finally {
      this.launchesPending--;
      launched();
    }
  }

  /** launch requests not answered yet (a time travel must not replay the history under one) */
  private launchesPending = 0;

  private async launch(response: DebugProtocol.LaunchResponse, args: DebugProtocol.LaunchRequestArguments): Promise<void> {
    const r = this.build(args as Record<string, unknown>);
    if (!r.ok) {
      this.fail(response, r.message);
      this.sendEvent(new TerminatedEvent());
      return;
    }
    this.sendEvent(new InitializedEvent());
    // Wait for configurationDone (bounded: a client that never sends it still gets a session).
    await Promise.race([this.configDone, new Promise((res) => setTimeout(res, 1000))]);
    this.sendResponse(response);
    this.feed?.flush();
    this.runtime().start();
  }

  protected override attachRequest(response: DebugProtocol.AttachResponse): void {
    this.fail(response, 'attach is not supported: the machine is simulated, launch a program or a scenario');
  }

  // ---- breakpoints -----------------------------------------------------------------------------

  /** Source breakpoints: on a code line a software breakpoint; on a data line a watchpoint on the
   * symbol (its mode: write, read, access, or a perf counter). */
  protected override setBreakPointsRequest(response: DebugProtocol.SetBreakpointsResponse, args: DebugProtocol.SetBreakpointsArguments): void {
    if (!args || typeof args.source !== 'object' || args.source === null || typeof args.source.path !== 'string') throw new BadArgs('"source.path" is required (a file path)');
    const list: DebugProtocol.SourceBreakpoint[] = args.breakpoints ?? (args.lines ?? []).map((line) => ({ line }));
    if (!Array.isArray(list) || list.some((b) => typeof b !== 'object' || b === null || typeof b.line !== 'number' || !Number.isInteger(b.line) || b.line < 1)) throw new BadArgs('"breakpoints" must be a list of { line } with a line number from 1');
    if (list.some((b) => b.mode !== undefined && !BREAKPOINT_MODES.some((m) => m.mode === b.mode))) throw new BadArgs(`"mode" must be one of ${BREAKPOINT_MODES.map((m) => m.mode).join(', ')}`);
    this.runtime();
    const a = { ...args, breakpoints: list };
    this.sourceRequests.set(args.source.path, a);
    response.body = { breakpoints: this.applySourceBreakpoints(a) };
    this.sendResponse(response);
    this.runtime().retryRefused();
    this.feed?.flush();
    this.watchesChanged(a);
  }

  private applySourceBreakpoints(args: DebugProtocol.SetBreakpointsArguments): DebugProtocol.Breakpoint[] {
    const rt = this.runtime();
    const path = args.source.path as string;
    const list = args.breakpoints ?? [];
    const old = this.lineWatches.get(path) ?? [];
    const keep: Array<{ line: number; mode: string; watch: Watch }> = [];
    const results: Array<DebugProtocol.Breakpoint | undefined> = new Array(list.length).fill(undefined);
    const codeIdx: number[] = [];
    // data lines first: free the watches no longer wanted, then make the new ones
    const wanted = list.map((b) => ({ b, sym: rt.dataSymbolOnLine(path, b.line), mode: b.mode ?? 'write' }));
    for (const o of old) {
      const w = wanted.find((x) => x.sym && x.b.line === o.line && x.mode === o.mode);
      if (!w) rt.removeWatch(o.watch);
    }
    wanted.forEach((x, i) => {
      if (!x.sym) {
        codeIdx.push(i);
        return;
      }
      let entry = old.find((o) => o.line === x.b.line && o.mode === x.mode);
      if (entry) {
        entry.watch.condition = x.b.condition;
        entry.watch.hitCondition = x.b.hitCondition;
      } else {
        const acc = rt.accessOfMode(x.mode);
        const len = Math.max(1, Math.min(x.sym.size, 512));
        const watch = rt.addWatch({
          addr: x.sym.addr,
          len,
          access: acc === 'perf' ? 'readWrite' : acc,
          kind: acc === 'perf' ? 'perf' : 'ptrace',
          origin: 'source',
          condition: x.b.condition,
          hitCondition: x.b.hitCondition,
          label: x.sym.name,
          perfName: acc === 'perf' ? x.sym.name : undefined,
        });
        entry = { line: x.b.line, mode: x.mode, watch };
        if (!watch.verified) this.refused(`line ${x.b.line} of ${path.replace(/^.*[\\/]/, '')} (${x.mode} ${x.sym.name})`, watch);
      }
      keep.push(entry);
      results[i] = { ...rt.watches.toBreakpoint(entry.watch), line: x.b.line, source: new Source(path.replace(/^.*[\\/]/, ''), path) };
    });
    this.lineWatches.set(path, keep);
    const code = rt.setCodeBreakpoints(path, codeIdx.map((i) => list[i]));
    code.forEach((b, k) => {
      results[codeIdx[k]] = this.codeBreakpoint(b);
    });
    return results as DebugProtocol.Breakpoint[];
  }

  protected override setExceptionBreakPointsRequest(response: DebugProtocol.SetExceptionBreakpointsResponse): void {
    // Faults always stop (there are no handlers to deliver them to); there are no filters.
    response.body = { breakpoints: [] };
    this.sendResponse(response);
  }

  /** Whether memory behind a variable or an address can be watched, and how. */
  protected override dataBreakpointInfoRequest(response: DebugProtocol.DataBreakpointInfoResponse, args: DebugProtocol.DataBreakpointInfoArguments): void {
    if (!args || typeof args.name !== 'string') throw new BadArgs('"name" is required (a variable name, or an address with "asAddress")');
    // (an element the editor asks about that has no name: nothing to watch there, not an error)
    if (args.name === '') {
      response.body = { dataId: null, description: 'nothing to watch here: no variable is named' };
      return this.sendResponse(response);
    }
    if (args.bytes !== undefined && (typeof args.bytes !== 'number' || !Number.isInteger(args.bytes) || args.bytes < 1)) throw new BadArgs('"bytes" must be a positive whole number');
    intArg(args.variablesReference, 'variablesReference', 0, 0);
    if (args.frameId !== undefined) intArg(args.frameId, 'frameId', 0, 0);
    const rt = this.runtime();
    const t = args.frameId !== undefined ? this.taskOfFrame(args.frameId) : this.current();
    const accessTypes: DebugProtocol.DataBreakpointAccessType[] = ['read', 'write', 'readWrite'];
    const no = (description: string) => {
      response.body = { dataId: null, description };
      this.sendResponse(response);
    };
    // on a symbol the id names the symbol (it follows the symbol into the next session's program);
    // on an address it names the address
    const yes = (addr: bigint, len: number, what: string, sym?: { name: string; offset: number }) => {
      response.body = { dataId: sym ? makeSymbolDataId(sym.name, sym.offset, len) : makeDataId(addr, len), description: `${what} (${len} byte${len === 1 ? '' : 's'} at ${hex(addr)})`, accessTypes, canPersist: true };
      this.sendResponse(response);
    };
    if (args.asAddress) {
      const a = parseAddress(args.name);
      if (a === undefined) throw new BadArgs(`"${args.name}" is not an address (decimal or 0x hex)`);
      return yes(a, args.bytes ?? 1, rt.watches.labelFor(a, t));
    }
    if (args.variablesReference !== undefined && args.variablesReference !== 0) {
      const ref = this.vars?.get(args.variablesReference);
      if (!ref) throw new BadArgs(`variablesReference ${args.variablesReference} is not valid (any more)`);
      if (ref.kind === 'registers') return no(`${args.name} is a register: hardware watchpoints (DAWR) watch memory, not registers. Watch the memory it points to with "Add Data Breakpoint at Address".`);
      if (ref.kind === 'watchpoints' || ref.kind === 'perf') return no(`${args.name} is not memory`);
      if (ref.kind === 'elements') {
        const m = /^\[(\d+)\]$/.exec(args.name);
        const step = ref.sym.size % 8 === 0 ? 8 : 1;
        if (!m || Number(m[1]) * step >= ref.sym.size) return no(`${args.name} is not an element of ${ref.sym.name}`);
        const a = ref.sym.addr + BigInt(Number(m[1]) * step);
        return yes(a, args.bytes ?? step, `${ref.sym.name}${args.name}`, { name: ref.sym.name, offset: Number(m[1]) * step });
      }
    }
    const sym = dataSymbols(t.program).find((s) => s.name === args.name);
    if (sym) return yes(sym.addr, args.bytes ?? sym.size, sym.name, { name: sym.name, offset: 0 });
    if (REGISTER_NAMES.includes(args.name.replace(/^\$/, ''))) return no(`${args.name} is a register: hardware watchpoints (DAWR) watch memory, not registers.`);
    const v = evaluateExpression(args.name, { task: t, read: (a, n) => this.readValue(t, a, n) });
    if (v.ok && v.addr !== undefined) return yes(v.addr, args.bytes ?? v.size ?? 8, args.name);
    return no(`"${args.name}" is not memory this debugger can watch${v.ok ? '' : ` (${v.message})`}`);
  }

  /** The data breakpoints, all of them (the editor sends the whole set): ptrace watchpoints. The
   * response follows the request's order; a refusal is verified: false with the kernel's words. */
  protected override setDataBreakpointsRequest(response: DebugProtocol.SetDataBreakpointsResponse, args: DebugProtocol.SetDataBreakpointsArguments): void {
    if (!args || !Array.isArray(args.breakpoints)) throw new BadArgs('"breakpoints" is required (a list, empty to clear)');
    for (const b of args.breakpoints) {
      if (typeof b !== 'object' || b === null || typeof b.dataId !== 'string') throw new BadArgs('each data breakpoint needs a "dataId" (a string from dataBreakpointInfo)');
      if (b.accessType !== undefined && !['read', 'write', 'readWrite'].includes(b.accessType)) throw new BadArgs(`"accessType" must be read, write or readWrite, not ${JSON.stringify(b.accessType)}`);
    }
    this.runtime();
    this.dataRequest = args;
    response.body = { breakpoints: this.applyDataBreakpoints(args) };
    this.sendResponse(response);
    this.runtime().retryRefused();
    this.feed?.flush();
    this.watchesChanged();
  }

  private applyDataBreakpoints(args: DebugProtocol.SetDataBreakpointsArguments): DebugProtocol.Breakpoint[] {
    const rt = this.runtime();
    const want = args.breakpoints.map((b) => ({ b, access: (b.accessType ?? 'write') as AccessType }));
    // Free first what is no longer wanted, so the new set can use its slots.
    const kept: typeof this.dataWatches = [];
    for (const d of this.dataWatches) {
      if (want.some((x) => x.b.dataId === d.dataId && x.access === d.access) && d.watch.verified) kept.push(d);
      else rt.removeWatch(d.watch);
    }
    const used: typeof this.dataWatches = [];
    const out = want.map(({ b, access }) => {
      let entry = kept.find((d) => d.dataId === b.dataId && d.access === access && !used.includes(d));
      if (!entry) {
        const id = parseDataId(b.dataId);
        if (!id) return { id: rt.ids.fresh(), verified: false, reason: 'failed' as const, message: `"${b.dataId}" is not a data breakpoint id of this debugger` };
        let addr: bigint;
        let label: string;
        if ('symbol' in id) {
          // a data breakpoint on a symbol follows the symbol (VS Code keeps it from an earlier session)
          const owner = rt.threads.map((t) => t.program).find((p) => p.symbols.has(id.symbol));
          if (!owner) {
            const progs = [...new Set(rt.threads.map((t) => t.program.file.replace(/^.*[\\/]/, '')))].join(', ');
            const bp = { id: rt.ids.of(`data:${b.dataId}:${access}`), verified: false, reason: 'failed' as const, message: `no symbol "${id.symbol}" in ${progs || 'the program'}: this data breakpoint was set on ${id.symbol} and follows the symbol, so it is not set here` };
            this.sendEvent(new OutputEvent(`data breakpoint on ${id.symbol} not set: ${bp.message}\n`, 'console'));
            return bp;
          }
          addr = (owner.symbols.get(id.symbol)?.value as bigint) + BigInt(id.offset);
          label = `${id.symbol}${id.offset ? `+${id.offset}` : ''}`;
        } else {
          addr = id.addr;
          label = rt.watches.labelFor(id.addr, this.current());
        }
        const watch = rt.addWatch({ addr, len: id.len, access, kind: 'ptrace', origin: 'data', condition: b.condition, hitCondition: b.hitCondition, label, ...('symbol' in id ? {} : { byAddress: true }) });
        entry = { dataId: b.dataId, access, watch };
        if (!watch.verified) this.refused(`data breakpoint ${watch.id} (${access === 'readWrite' ? 'access' : access} ${label})`, watch);
      }
      entry.watch.condition = b.condition;
      entry.watch.hitCondition = b.hitCondition;
      used.push(entry);
      return rt.watches.toBreakpoint(entry.watch);
    });
    this.dataWatches = used;
    for (const d of kept) if (!used.includes(d)) rt.removeWatch(d.watch);
    return out;
  }

  /** A watchpoint the kernel refused: said in the Debug Console too (not only in a hover). */
  private refused(what: string, w: Watch): void {
    this.sendEvent(new OutputEvent(`${what} not set: ${w.message ?? 'refused'}\n`, 'stderr'));
  }

  /** Breakpoints on instruction addresses (the disassembly view). */
  protected override setInstructionBreakpointsRequest(response: DebugProtocol.SetInstructionBreakpointsResponse, args: DebugProtocol.SetInstructionBreakpointsArguments): void {
    if (!args || !Array.isArray(args.breakpoints) || args.breakpoints.some((b) => typeof b !== 'object' || b === null || typeof b.instructionReference !== 'string')) {
      throw new BadArgs('"breakpoints" must be a list of { instructionReference } (hex addresses)');
    }
    this.instructionRequest = args;
    const bs = this.runtime().setInstructionBreakpoints(args.breakpoints);
    response.body = { breakpoints: bs.map((b) => this.codeBreakpoint(b)) };
    this.sendResponse(response);
  }

  // ---- execution -------------------------------------------------------------------------------

  /** Continue resumes the thread asked for (the others stay stopped, as a scenario's cont does). */
  protected override continueRequest(response: DebugProtocol.ContinueResponse, args: DebugProtocol.ContinueArguments): void {
    const t = this.resumable(args?.threadId);
    response.body = { allThreadsContinued: false };
    this.sendResponse(response);
    void this.runtime().resume(t, 'continue');
  }

  /** Next: over a call (bl) to the instruction after it; otherwise one instruction. */
  protected override nextRequest(response: DebugProtocol.NextResponse, args: DebugProtocol.NextArguments): void {
    const t = this.resumable(args?.threadId);
    this.sendResponse(response);
    void this.runtime().resume(t, 'next');
  }

  /** Step in: one instruction (PTRACE_SINGLESTEP); a line of assembly is one instruction. */
  protected override stepInRequest(response: DebugProtocol.StepInResponse, args: DebugProtocol.StepInArguments): void {
    const t = this.resumable(args?.threadId);
    this.sendResponse(response);
    void this.runtime().resume(t, 'step');
  }

  /** Step out: run to the caller's return address (from LR or the back chain). */
  protected override stepOutRequest(response: DebugProtocol.StepOutResponse, args: DebugProtocol.StepOutArguments): void {
    const t = this.resumable(args?.threadId);
    this.sendResponse(response);
    void this.runtime().resume(t, 'stepOut');
  }

  /** Pause: the run loop yields between chunks, so this is answered and the task stops there. */
  protected override pauseRequest(response: DebugProtocol.PauseResponse, args: DebugProtocol.PauseArguments): void {
    this.task(args?.threadId);
    this.runtime().pause();
    this.sendResponse(response);
  }

  /** A software or instruction breakpoint as the editor sees it. */
  private codeBreakpoint(b: CodeBreakpoint): DebugProtocol.Breakpoint {
    const bp: DebugProtocol.Breakpoint = { id: b.id, verified: b.verified };
    if (b.path !== undefined) {
      bp.line = b.line;
      bp.source = new Source(b.path.replace(/^.*[\\/]/, ''), b.path);
    }
    if (b.addrs.length > 0) bp.instructionReference = hex(b.addrs[0]);
    if (b.message) {
      bp.message = b.message;
      if (!b.verified) bp.reason = 'failed';
    }
    return bp;
  }

  // ---- time travel -----------------------------------------------------------------------------

  /** Step back: to the instant before the thread's previous instruction (a replay of the history). */
  protected override stepBackRequest(response: DebugProtocol.StepBackResponse, args: DebugProtocol.StepBackArguments): Promise<void> {
    // (checked before anything is awaited: a refusal is answered at once, before another request)
    const t = this.resumable(args?.threadId);
    const pid = t.pid;
    return this.travel(response, (rt, hooks) => stepBackTarget(rt, pid, hooks));
  }

  /** Reverse continue: back to the last instant the thread was about to run an instruction with a
   * breakpoint, or to access memory a data breakpoint watches; else to the start of the history. */
  protected override reverseContinueRequest(response: DebugProtocol.ReverseContinueResponse, args: DebugProtocol.ReverseContinueArguments): Promise<void> {
    const t = this.resumable(args?.threadId);
    const pid = t.pid;
    const now = this.runtime().machine.icount;
    const bps = breakpointsNow(this.runtime());
    return this.travel(response, (rt, hooks) => reverseTarget(rt, bps, pid, now, hooks));
  }

  /** Finds the target with a replay, then rebuilds the machine there. Requests the editor sends
   * meanwhile wait, and are handled after, in their order. */
  private async travel(response: DebugProtocol.Response, find: Parameters<WatchpointDebugSession['scan']>[0]): Promise<void> {
    // The launch is answered once the editor's configuration is done: travelling before that would
    // replay a history that has no configurationDone yet, and lose the launch's answer.
    if (this.launchesPending > 0) return this.fail(response, 'the program is still being launched: step back once it has started');
    this.travelling = true;
    try {
      const target = await this.scan(find);
      if (!target.ok) return this.fail(response, target.message);
      this.sendResponse(response);
      await this.travelTo(target.value);
    } finally {
      this.travelling = false;
      for (const r of this.deferred.splice(0)) this.handleMessage(r);
    }
  }

  /** Every request that changes the machine is recorded (with where the program was, if it ran). */
  protected override dispatchRequest(request: DebugProtocol.Request): void {
    if (this.travelling) {
      this.deferred.push(request);
      return;
    }
    if (!this.replaying && RECORDED_REQUESTS.has(request.command)) {
      if (request.command === 'launch') this.timeline = new Timeline();
      const at = this.rt?.position();
      this.timeline.journal.push({ request: structuredClone(request), ...(at ? { at } : {}) });
    }
    super.dispatchRequest(request);
  }

  /** While the history is replayed the editor hears nothing of it: the answers to the requests the
   * adapter makes or replays itself are dropped (the editor is told the outcome after). An answer to
   * one of the editor's own requests always goes out, even while a replay runs. */
  override sendResponse(response: DebugProtocol.Response): void {
    if (this.internalSeqs.delete(response.request_seq)) return;
    super.sendResponse(response);
  }

  /** the seqs of the requests the adapter dispatches itself (replays, synthetic requests) */
  private readonly internalSeqs = new Set<number>();
  private nextInternalSeq = -1_000_000_000;

  /** A copy of a request to dispatch on the adapter's own behalf: its answer is not sent. */
  private internalRequest(r: DebugProtocol.Request): DebugProtocol.Request {
    const seq = this.nextInternalSeq--;
    this.internalSeqs.add(seq);
    return { ...structuredClone(r), seq };
  }

  override sendEvent(event: DebugProtocol.Event): void {
    if (!this.replaying) super.sendEvent(event);
  }

  /**
   * Replays the whole history on a fresh machine with a probe attached after the launch, and asks
   * `find` for the instant to travel to. The replay ends where the session is now, so the session
   * is as it was if the search finds nothing.
   */
  private async scan(find: (rt: Runtime, hooks: (h: TimeProbeHooks) => void) => () => { ok: true; value: TravelTarget } | { ok: false; message: string }): Promise<{ ok: true; value: TravelTarget } | { ok: false; message: string }> {
    let result: (() => { ok: true; value: TravelTarget } | { ok: false; message: string }) | undefined;
    let probe: TimeProbe | undefined;
    await this.replay(undefined, (rt) => {
      result = find(rt, (h) => (probe = new TimeProbe(rt.machine, h)));
    });
    probe?.detach();
    return result ? result() : { ok: false, message: 'the history could not be replayed (no launch in it)' };
  }

  /** Rebuilds the machine at the target instant, sets the editor's breakpoints there and reports. */
  private async travelTo(target: TravelTarget): Promise<void> {
    const config = { sources: [...this.sourceRequests.values()], data: this.dataRequest, instructions: this.instructionRequest };
    await this.replay(target.icount);
    const rt = this.runtime();
    // the breakpoints are the editor's, not the past's: set them as they are now
    for (const a of config.sources) this.recordAndApply('setBreakpoints', a);
    if (config.instructions) this.recordAndApply('setInstructionBreakpoints', config.instructions);
    if (config.data) this.recordAndApply('setDataBreakpoints', config.data);
    for (const b of rt.codeBps.values()) this.sendEvent(new BreakpointEvent('changed', this.codeBreakpoint(b) as Breakpoint));
    for (const w of rt.watches.all()) this.sendEvent(new BreakpointEvent('changed', rt.watches.toBreakpoint(w) as Breakpoint));
    this.sendEvent(new Event(EVENT_RESET, {}));
    const t = rt.thread(target.pid) ?? rt.threads[0];
    rt.sink.stopped({ reason: target.reason, threadId: t.pid, description: target.description(t), ...(target.text ? { text: target.text(t) } : {}), ...(target.hitBreakpointIds ? { hitBreakpointIds: target.hitBreakpointIds } : {}) });
  }

  /** The runtime as it is now (a replay builds a new one while handling requests). */
  private built(): Runtime | undefined {
    return this.rt;
  }

  /** A request made by the adapter itself: recorded and handled, its response kept from the editor. */
  private recordAndApply(command: string, a: unknown): void {
    const request = syntheticRequest(command, a);
    this.timeline.journal.push({ request });
    this.replaying = true;
    try {
      super.dispatchRequest(this.internalRequest(request));
    } finally {
      this.replaying = false;
    }
  }

  /**
   * Replays the recorded history on a fresh machine: each request handled again in its order, those
   * that came while the program ran between the same chunks, each run cut into the same chunks. With
   * `haltAt` the machine's clock stops there and the rest of the history is cut off.
   */
  private async replay(haltAt: number | undefined, afterLaunch?: (rt: Runtime) => void): Promise<void> {
    const old = this.timeline;
    const tl = new Timeline();
    tl.replayRuns = old.runs;
    tl.haltAt = haltAt;
    this.rt?.dispose();
    this.feed?.dispose();
    this.rt = undefined;
    this.timeline = tl;
    this.sourceRequests = new Map();
    this.dataRequest = this.instructionRequest = undefined;
    this.configDone = new Promise((r) => (this.resolveConfigDone = r));
    const during = new Map<string, JournalEntry[]>();
    for (const e of old.journal) {
      if (!e.at) continue;
      const key = `${e.at.run}:${e.at.chunk}`;
      during.set(key, [...(during.get(key) ?? []), e]);
    }
    const handle = (e: JournalEntry): JournalEntry => {
      const copy: JournalEntry = { ...e };
      tl.journal.push(copy);
      super.dispatchRequest(this.internalRequest(e.request));
      return copy;
    };
    tl.betweenChunks = (run, chunk) => {
      for (const e of during.get(`${run}:${chunk}`) ?? []) handle(e);
    };
    this.replaying = true;
    try {
      for (const e of old.journal) {
        if (e.at) continue;
        // an earlier travel cut the history in this request: the clock stops there again
        tl.haltAt = e.cut !== undefined && (haltAt === undefined || e.cut < haltAt) ? e.cut : haltAt;
        const copy = handle(e);
        if (e.request.command === 'launch') {
          const rt = this.built();
          if (rt) afterLaunch?.(rt);
          continue; // it waits for configurationDone
        }
        if (e.request.command === 'configurationDone') await this.launching;
        while (this.built()?.running) await new Promise<void>((r) => setImmediate(r));
        if (tl.halted) {
          copy.cut = tl.haltAt;
          if (tl.haltAt === haltAt) break;
          tl.halted = false;
        }
      }
      if (!tl.halted) await this.launching;
    } finally {
      this.replaying = false;
      tl.betweenChunks = undefined;
      tl.replayRuns = undefined;
      tl.haltAt = undefined;
      tl.halted = false;
    }
  }

  // ---- state -----------------------------------------------------------------------------------

  protected override stackTraceRequest(response: DebugProtocol.StackTraceResponse, args: DebugProtocol.StackTraceArguments): void {
    const t = this.task(args?.threadId);
    if (!t.alive) throw new BadArgs(`thread ${t.pid} has ${t.state}`);
    const frames = stackFrames(t);
    const start = typeof args.startFrame === 'number' && args.startFrame > 0 ? args.startFrame : 0;
    const levels = typeof args.levels === 'number' && args.levels > 0 ? args.levels : frames.length;
    response.body = {
      stackFrames: frames.slice(start, start + levels).map((f) => {
        const sf = new StackFrame(t.pid * FRAME_STRIDE + f.index, f.name, f.file ? new Source(f.file.replace(/^.*[\\/]/, ''), f.file) : undefined, f.line ?? 0, 1) as DebugProtocol.StackFrame;
        sf.instructionPointerReference = hex(f.pc);
        if (!f.file) sf.presentationHint = 'subtle';
        return sf;
      }),
      totalFrames: frames.length,
    };
    this.sendResponse(response);
  }

  protected override scopesRequest(response: DebugProtocol.ScopesResponse, args: DebugProtocol.ScopesArguments): void {
    if (!args || typeof args.frameId !== 'number') throw new BadArgs('"frameId" is required');
    const t = this.taskOfFrame(args.frameId);
    response.body = { scopes: (this.vars as Variables).scopes(t).map((s) => Object.assign(new Scope(s.name, s.variablesReference, s.expensive), s)) };
    this.sendResponse(response);
  }

  protected override variablesRequest(response: DebugProtocol.VariablesResponse, args: DebugProtocol.VariablesArguments): void {
    if (!args || typeof args.variablesReference !== 'number') throw new BadArgs('"variablesReference" is required');
    this.runtime();
    const ref = (this.vars as Variables).get(args.variablesReference);
    if (!ref) throw new BadArgs(`variablesReference ${args.variablesReference} is not valid (any more)`);
    const t = this.task(ref.pid);
    let vs = (this.vars as Variables).variables(ref, t);
    if (typeof args.start === 'number' || typeof args.count === 'number') {
      const s = Math.max(0, args.start ?? 0);
      vs = vs.slice(s, args.count ? s + args.count : undefined);
    }
    response.body = { variables: vs };
    this.sendResponse(response);
  }

  protected override setVariableRequest(response: DebugProtocol.SetVariableResponse, args: DebugProtocol.SetVariableArguments): void {
    if (!args || typeof args.variablesReference !== 'number' || typeof args.name !== 'string' || typeof args.value !== 'string') throw new BadArgs('"variablesReference", "name" and "value" are required');
    this.runtime();
    const ref = (this.vars as Variables).get(args.variablesReference);
    if (!ref) throw new BadArgs(`variablesReference ${args.variablesReference} is not valid (any more)`);
    const t = this.stoppedTask(ref.pid);
    const r = (this.vars as Variables).setVariable(ref, t, args.name, args.value);
    if (!r.ok) return this.fail(response, r.message);
    response.body = { value: r.variable.value, type: r.variable.type, variablesReference: 0 };
    if (r.variable.memoryReference) response.body.memoryReference = r.variable.memoryReference;
    this.sendResponse(response);
    if (ref.kind !== 'registers' && r.variable.memoryReference && this.clientMemoryEvents) this.sendEvent(new MemoryEvent(r.variable.memoryReference, 0, 8));
  }

  protected override threadsRequest(response: DebugProtocol.ThreadsResponse): void {
    const rt = this.rt?.machine ? this.rt : undefined;
    const threads = rt ? rt.threads.filter((t) => t.alive).map((t) => new Thread(t.pid, `${t.name} (pid ${t.pid})`)) : [];
    // the processes the program forked, which the debugger does not trace (SCENARIOS §7 names them)
    if (rt) for (const t of rt.forked()) threads.push(new Thread(t.pid, `${t.name} (pid ${t.pid}, forked by pid ${t.parent?.pid ?? '?'}, ${t.sleep ? `in ${t.sleep.req.why}` : t.state})`));
    response.body = { threads };
    this.sendResponse(response);
  }

  /** Expressions, and in the console the commands of SCENARIOS §2 (`help` lists them). */
  protected override evaluateRequest(response: DebugProtocol.EvaluateResponse, args: DebugProtocol.EvaluateArguments): void {
    if (!args || typeof args.expression !== 'string') throw new BadArgs('"expression" is required');
    const rt = this.runtime();
    const t = this.taskOfFrame(args.frameId);
    const line = args.expression.trim();
    if ((args.context === 'repl' || args.context === undefined) && isCommand(line)) {
      const out = runCommand(rt, line, t, this.consoleIds);
      if (out.resume && (rt.isRunning || out.resume.task.state !== 'stopped')) {
        return this.fail(response, `${out.resume.task.name} is not stopped`);
      }
      response.body = { result: out.text, variablesReference: 0 };
      this.sendResponse(response);
      if (out.resume) {
        this.sendEvent(new ContinuedEvent(out.resume.task.pid, false));
        void rt.resume(out.resume.task, out.resume.how);
      } else if (out.changed) {
        rt.reportDeaths();
        rt.retryRefused();
        this.vars?.reset();
        this.feed?.flush();
        this.watchesChanged();
        this.sendEvent(new Event('invalidated', { areas: ['variables'] }));
      }
      return;
    }
    const v = evaluateExpression(line, { task: t, read: (a, n) => this.readValue(t, a, n) });
    if (!v.ok) return this.fail(response, v.message);
    const size = v.size ?? 8;
    response.body = { result: `0x${v.value.toString(16).padStart(size * 2, '0')} (${BigInt.asIntN(size * 8, v.value)})`, type: size === 8 ? 'u64' : `u${size * 8}`, variablesReference: 0 };
    if (v.addr !== undefined) response.body.memoryReference = hex(v.addr);
    else if (v.value !== 0n && t.mem.isMapped(v.value, 1)) response.body.memoryReference = hex(v.value);
    this.sendResponse(response);
  }

  private readValue(t: Task, addr: bigint, n: number): bigint | undefined {
    const b = this.runtime().readMemory(t, addr, n);
    if (!b) return undefined;
    let v = 0n;
    for (let i = n - 1; i >= 0; i--) v = (v << 8n) | BigInt(b[i]);
    return v;
  }

  // ---- memory and disassembly ------------------------------------------------------------------

  /** Memory as the program sees it (breakpoint traps hidden); what is not mapped is unreadable. */
  protected override readMemoryRequest(response: DebugProtocol.ReadMemoryResponse, args: DebugProtocol.ReadMemoryArguments): void {
    if (!args || typeof args.memoryReference !== 'string' || typeof args.count !== 'number' || !Number.isInteger(args.count) || args.count < 0) throw new BadArgs('"memoryReference" (an address) and "count" (bytes) are required');
    const base = parseAddress(args.memoryReference);
    if (base === undefined) throw new BadArgs(`"memoryReference" ${JSON.stringify(args.memoryReference)} is not an address`);
    if (args.count > 1 << 20) throw new BadArgs('"count" is at most 1 MiB per request');
    const offset = intArg(args.offset, 'offset', 0);
    const t = this.current();
    const start = BigInt.asUintN(64, base + BigInt(offset));
    const chunks: Uint8Array[] = [];
    let got = 0;
    while (got < args.count) {
      const a = start + BigInt(got);
      const n = Math.min(args.count - got, 4096 - Number(a & 0xfffn));
      const b = this.runtime().readMemory(t, a, n);
      if (!b) break;
      chunks.push(b);
      got += n;
    }
    const data = Buffer.concat(chunks);
    response.body = { address: hex(start), data: data.toString('base64') };
    if (got < args.count) response.body.unreadableBytes = args.count - got;
    this.sendResponse(response);
  }

  /** Writes memory as PTRACE_POKEDATA does (through page protections); tells the editor. */
  protected override writeMemoryRequest(response: DebugProtocol.WriteMemoryResponse, args: DebugProtocol.WriteMemoryArguments): void {
    if (!args || typeof args.memoryReference !== 'string' || typeof args.data !== 'string') throw new BadArgs('"memoryReference" (an address) and "data" (base64) are required');
    const base = parseAddress(args.memoryReference);
    if (base === undefined) throw new BadArgs(`"memoryReference" ${JSON.stringify(args.memoryReference)} is not an address`);
    if (!/^[A-Za-z0-9+/]*={0,2}$/.test(args.data)) throw new BadArgs('"data" is not base64');
    const t = this.current();
    if (t.state !== 'stopped') throw new BadArgs(`${t.name} is ${t.state}: memory can be written while it is stopped`);
    const offset = intArg(args.offset, 'offset', 0);
    const bytes = new Uint8Array(Buffer.from(args.data, 'base64'));
    const addr = BigInt.asUintN(64, base + BigInt(offset));
    let written = 0;
    if (t.mem.writeBytesAs(addr, bytes, true)) written = bytes.length;
    else if (args.allowPartial) {
      while (written < bytes.length && t.mem.writeBytesAs(addr + BigInt(written), bytes.subarray(written, written + 1), true)) written++;
    }
    if (written === 0 && bytes.length > 0) return this.fail(response, `cannot write ${bytes.length} bytes at ${hex(addr)}: not mapped in ${t.name} (EIO)`);
    response.body = { bytesWritten: written, offset: 0 };
    this.sendResponse(response);
    if (this.clientMemoryEvents && written > 0) this.sendEvent(new MemoryEvent(hex(addr), 0, written));
    this.vars?.reset();
  }

  protected override disassembleRequest(response: DebugProtocol.DisassembleResponse, args: DebugProtocol.DisassembleArguments): void {
    if (!args || typeof args.memoryReference !== 'string' || typeof args.instructionCount !== 'number' || !Number.isInteger(args.instructionCount) || args.instructionCount < 0) {
      throw new BadArgs('"memoryReference" (an address) and "instructionCount" are required');
    }
    if (args.instructionCount > 100_000) throw new BadArgs('"instructionCount" is at most 100000');
    const base = parseAddress(args.memoryReference);
    if (base === undefined) throw new BadArgs(`"memoryReference" ${JSON.stringify(args.memoryReference)} is not an address`);
    const offset = intArg(args.offset, 'offset', 0);
    const instructionOffset = intArg(args.instructionOffset, 'instructionOffset', 0, -100_000_000, 100_000_000);
    const t = this.current();
    const rt = this.runtime();
    response.body = { instructions: disassembleRange(t, (a, n) => rt.readMemory(t, a, n), BigInt.asUintN(64, base + BigInt(offset)), instructionOffset, args.instructionCount, args.resolveSymbols !== false) };
    this.sendResponse(response);
  }

  protected override exceptionInfoRequest(response: DebugProtocol.ExceptionInfoResponse, args: DebugProtocol.ExceptionInfoArguments): void {
    const t = this.task(args?.threadId);
    const e = this.runtime().exceptionOf(t);
    if (!e) throw new BadArgs(`thread ${t.pid} is not stopped by a signal`);
    const si = t.lastStop;
    response.body = {
      exceptionId: e.signal,
      description: e.text,
      breakMode: 'always',
      details: { typeName: e.signal, message: `${si?.signal ?? ''} ${si?.si_code ?? ''} si_addr=${si?.si_addr !== undefined ? hex(si.si_addr) : '-'} pc=${hex(t.thread.pc)}`.trim() },
    };
    this.sendResponse(response);
  }

  // ---- the panel's requests --------------------------------------------------------------------

  protected override customRequest(command: string, response: DebugProtocol.Response, args: unknown): void {
    switch (command) {
      case REQUEST_SNAPSHOT:
        this.runtime();
        response.body = (this.feed as PanelFeed).snapshot();
        return this.sendResponse(response);
      case REQUEST_DECISIONS: {
        this.runtime();
        const a = checkDecisionLogArgs(args);
        if (typeof a === 'string') throw new BadArgs(a);
        response.body = (this.feed as PanelFeed).decisionLog(a);
        return this.sendResponse(response);
      }
      case REQUEST_PERF:
        response.body = this.perfAction(args);
        this.sendResponse(response);
        this.rt?.retryRefused();
        this.feed?.flush();
        return;
      case REQUEST_WATCH:
        response.body = this.watchAction(args);
        this.sendResponse(response);
        this.feed?.flush();
        this.watchesChanged();
        return;
      case REQUEST_TIMELINE: {
        this.runtime();
        const a = checkTimelineArgs(args);
        if (typeof a === 'string') throw new BadArgs(a);
        response.body = (this.feed as PanelFeed).timeline(a);
        return this.sendResponse(response);
      }
      case REQUEST_EXPORT_TRACE: {
        this.runtime();
        const path = (args as { path?: unknown } | undefined)?.path;
        if (typeof path !== 'string' || path === '' || path.length > 4096) throw new BadArgs('"path" (the file to write) is required');
        const cfg = this.launchArgs ?? {};
        const title = typeof cfg.scenario === 'string' ? cfg.scenario.replace(/^.*[\\/]/, '') : typeof cfg.program === 'string' ? cfg.program.replace(/^.*[\\/]/, '') : 'session';
        let fd: number | undefined;
        try {
          fd = fs.openSync(path, 'w');
          const out = fd;
          const events = (this.feed as PanelFeed).exportTrace(title, (chunk) => fs.writeSync(out, chunk));
          response.body = { path, events };
        } catch (e) {
          return this.fail(response, `cannot write the trace to ${path}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
        } finally {
          if (fd !== undefined) fs.closeSync(fd);
        }
        return this.sendResponse(response);
      }
      case REQUEST_WATCH_LIST:
        response.body = { watches: this.watchList() } satisfies WatchesEvent;
        return this.sendResponse(response);
      case REQUEST_COMPARE: {
        const c = this.runtime().compareKernels();
        if (!c.ok) return this.fail(response, c.message);
        response.body = { text: c.text };
        return this.sendResponse(response);
      }
      default:
        throw new BadArgs(`unknown request "${command}"`);
    }
  }

  private perfAction(args: unknown): PerfResponse {
    const rt = this.runtime();
    if (typeof args !== 'object' || args === null) throw new BadArgs('arguments must be a perf action');
    const a = args as PerfAction;
    const refusal = (r: { ok: false; errno: string; message: string }): PerfResponse => ({ ok: false, error: r.errno, message: r.message });
    if (a.action === 'add') {
      if (typeof a.name !== 'string' || a.name === '' || typeof a.addr !== 'string' || typeof a.len !== 'number' || !['r', 'w', 'rw'].includes(a.type)) throw new BadArgs('add needs { name, addr, len, type: r|w|rw }');
      const t = this.current();
      const sym = t.program.symbols.get(a.addr);
      const addr = sym ? sym.value : parseAddress(a.addr);
      if (addr === undefined) return { ok: false, error: 'EINVAL', message: `"${a.addr}" is neither an address nor a symbol` };
      const task = a.task !== undefined ? rt.machine.task(a.task) : a.cpu !== undefined ? undefined : t;
      if (a.task !== undefined && !task) return { ok: false, error: 'ESRCH', message: `no task "${a.task}"` };
      const r = rt.tracer.perfOpen({ name: a.name, task, cpu: a.cpu ?? -1, addr, len: BigInt(a.len), type: a.type, excludeKernel: a.excludeKernel, excludeUser: a.excludeUser, excludeHv: a.excludeHv });
      return r.ok ? { ok: true, message: `perf counter "${a.name}" is fd ${r.fd}` } : refusal(r);
    }
    if (!['enable', 'disable', 'reset', 'close'].includes((a as { action: string }).action) || typeof (a as { id?: unknown }).id !== 'string') throw new BadArgs('a perf action is add, enable, disable, reset or close (with an id)');
    const id = (a as { id: string }).id;
    const c = rt.machine.hw.countersView().counters.filter((x) => x.id === id && !x.closed).pop();
    if (!c) return { ok: false, error: 'EBADF', message: `no open perf counter "${id}"` };
    const r = a.action === 'enable' ? rt.tracer.perfEnable(c.fd) : a.action === 'disable' ? rt.tracer.perfDisable(c.fd) : a.action === 'reset' ? rt.tracer.perfReset(c.fd) : rt.tracer.perfClose(c.fd);
    return r.ok ? { ok: true } : refusal(r);
  }

  /** The editor's data-line actions: { symbol | address, len, type: read|write|access|perf (or
   * r|w|rw with mode ptrace|perf) }. */
  private watchAction(args: unknown): { ok: boolean; message: string; error?: string; id?: number } {
    const rt = this.runtime();
    if (typeof args !== 'object' || args === null) throw new BadArgs('arguments must be { symbol or address, len, type }');
    const o = args as Record<string, unknown>;
    const t = this.current();
    let addr: bigint | undefined;
    let label: string;
    if (typeof o.symbol === 'string') {
      const s = t.program.symbols.get(o.symbol);
      if (!s) return { ok: false, error: 'EINVAL', message: `no symbol "${o.symbol}" in ${t.program.file}` };
      addr = s.value;
      label = o.symbol;
    } else {
      addr = parseAddress(o.address);
      if (addr === undefined) throw new BadArgs('"symbol" or "address" is required');
      label = rt.watches.labelFor(addr, t);
    }
    if (typeof o.len !== 'number' || !Number.isInteger(o.len) || o.len < 1) throw new BadArgs('"len" must be a positive whole number');
    const typeMap: Record<string, AccessType | 'perf'> = { read: 'read', write: 'write', access: 'readWrite', perf: 'perf', r: 'read', w: 'write', rw: 'readWrite' };
    let kind = typeof o.type === 'string' ? typeMap[o.type] : undefined;
    if (!kind) throw new BadArgs('"type" must be read, write, access or perf');
    if (o.mode === 'perf') kind = 'perf';
    const w = rt.addWatch({
      addr,
      len: o.len,
      access: kind === 'perf' ? (o.type === 'r' || o.type === 'read' ? 'read' : o.type === 'w' || o.type === 'write' ? 'write' : 'readWrite') : kind,
      kind: kind === 'perf' ? 'perf' : 'ptrace',
      origin: 'panel',
      label,
      perfName: kind === 'perf' ? label : undefined,
    });
    if (!w.verified) {
      rt.removeWatch(w);
      const m = /^(?:[A-Z_]+ on \w+: |perf_event_open: )?(E[A-Z]+)/.exec(w.message ?? '');
      return { ok: false, error: m?.[1] ?? 'EINVAL', message: w.message ?? 'refused' };
    }
    return { ok: true, message: w.message ?? '', id: w.id };
  }
}
