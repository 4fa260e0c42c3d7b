// The Debug Adapter Protocol session of `ppc-watchpoint`: the translation of DAP requests, one
// method per request in the order of vscode-mock-debug's mockDebug.ts. The session only translates:
// the machine, the tracer's calls and the run loop live in runtime.ts; the editor's breakpoint sets
// in breakpoint-sets.ts (watchpoints in data-breakpoints.ts); the panel's requests in
// panel-requests.ts and its feed in panel-feed.ts; time travel in replay/; views in variables.ts,
// stack.ts, disassembly.ts; malformed input in protocol-guard.ts. Every request with missing or
// wrong arguments gets an error response, and the session keeps working.
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
import { BreakpointIds } from './breakpoint-ids';
import { BREAKPOINT_MODES, BreakpointSets, codeBreakpoint, watchBreakpoint } from './breakpoint-sets';
import { isCommand, runCommand } from './console-commands';
import { makeDataId, makeSymbolDataId } from './data-breakpoints';
import { disassembleRange } from './disassembly';
import { evaluateExpression } from './expressions';
import { checkLaunch, parseAddress } from './launch-config';
import { PanelFeed } from './panel-feed';
import { EVENT_RESET, EVENT_STOPPED, EVENT_WATCHES, type StoppedEventBody, type WatchesEvent } from './panel-protocol';
import { panelRequest } from './panel-requests';
import { checkMessage, frameReader } from './protocol-guard';
import { ReplayFromCheckpoints } from './replay/replay-from-checkpoints';
import type { ReplayHost, TargetSearch } from './replay/replayer';
import { lineBackSearch, lineBackStart } from './replay/line-back';
import type { ValueWriter } from './source/set-value';
import { breakpointsNow, reverseTarget, stepBackTarget, type TravelTarget } from './replay/targets';
import { BadArgs, intArg, shown } from './request-args';
import { launch } from './launch';
import type { Runtime, RuntimeSink, StopReport } from './runtime';
import { CSourceModel } from './source/c-source-model';
import { SourceDap } from './source/source-dap';
import { dataSymbols, hex } from './symbols';
import { Variables, REGISTER_NAMES } from './variables';

export { BREAKPOINT_MODES } from './breakpoint-sets';

/** A request the adapter makes itself (recorded in the history like the editor's). */
function syntheticRequest(command: string, args: unknown): DebugProtocol.Request {
  return { seq: 0, type: 'request', command, arguments: structuredClone(args) };
}

/** Frame ids: the thread's pid times this, plus the frame's index. */
const FRAME_STRIDE = 1000;

export class WatchpointDebugSession extends LoggingDebugSession {
  private rt: Runtime | undefined;
  private vars: Variables | undefined;
  /** the C source level (frames, C variables, expressions) when the program has DWARF */
  private src: SourceDap | undefined;
  private feed: PanelFeed | undefined;
  private launchArgs: Record<string, unknown> | undefined;
  private clientMemoryEvents = false;
  private configDone: Promise<void>;
  private resolveConfigDone: () => void = () => undefined;
  private currentThread: number | undefined;
  private consoleIds = new Map<string, { kind: 'fd' | 'handle'; value: number }>();
  /** the editor's breakpoint sets (replayed on restart and after a travel) and what they made */
  private readonly breakpoints = new BreakpointSets({
    say: (text, category) => this.sendEvent(new OutputEvent(text, category)),
  });
  /** the watch list last sent to the editor (sent again only when it changed) */
  private lastWatches = '';
  /** the ids that outlive replays and restarts */
  private readonly ids = new BreakpointIds();
  /** the recorded history, for step back and reverse continue */
  private readonly replayer = new ReplayFromCheckpoints(this.replayHost());
  /** replaying the history: requests are handled again, and nothing is sent to the editor */
  private replaying = false;
  /** a step back or reverse continue is rebuilding the machine: the editor's requests wait for it */
  private travelling = false;
  private deferred: DebugProtocol.Request[] = [];
  private launching: Promise<void> | undefined;
  /** launch requests not answered yet (a time travel must not replay the history under one) */
  private launchesPending = 0;
  /** the seqs of the requests the adapter dispatches itself (replays, synthetic requests) */
  private readonly internalSeqs = new Set<number>();
  private nextInternalSeq = -1_000_000_000;

  constructor() {
    super();
    this.setDebuggerLinesStartAt1(true);
    this.setDebuggerColumnsStartAt1(true);
    this.configDone = new Promise((r) => (this.resolveConfigDone = r));
    this.wrapHandlers();
    this.guardProtocol();
  }

  // ---- the protocol's plumbing -----------------------------------------------------------------

  /** Frames are read by protocol-guard.ts (the library's reader ends the session on a bad frame);
   * only a broken stream ends it. */
  private guardProtocol(): void {
    this.removeAllListeners('error');
    this.on('error', (e: DebugProtocol.Event) => {
      const text = typeof e?.body === 'string' ? e.body : String(e?.body ?? '');
      if (/^(inStream|outStream) error/.test(text)) this.shutdown();
      else this.logProtocol(text);
    });
    const read = frameReader(
      (msg) => this.handleMessage(msg as DebugProtocol.ProtocolMessage),
      (text) => this.logProtocol(text),
    );
    (this as unknown as { _handleData: (d: Buffer) => void })._handleData = read;
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
    const c = checkMessage(msg);
    if (c.kind === 'drop') return this.logProtocol(c.log);
    if (c.kind === 'refuse') {
      return this.fail(new Response({ seq: c.seq, type: 'request', command: c.command }), c.problem);
    }
    super.handleMessage(msg);
  }

  /** Every request that changes the machine is recorded (with where the program was, if it ran). */
  protected override dispatchRequest(request: DebugProtocol.Request): void {
    if (this.travelling) {
      this.deferred.push(request);
      return;
    }
    if (!this.replaying) {
      if (request.command === 'launch') this.replayer.begin();
      this.replayer.record(request, this.rt?.position());
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

  override sendEvent(event: DebugProtocol.Event): void {
    if (!this.replaying) super.sendEvent(event);
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
    const why = e instanceof Error ? e.message : String(e);
    this.fail(response, e instanceof BadArgs ? e.message : `internal error in "${response.command}": ${why}`);
  }

  private fail(response: DebugProtocol.Response, message: string): void {
    // the message is shown as is: braces are not placeholders here
    const format = message.replace(/[{}]/g, (c) => (c === '{' ? '(' : ')'));
    this.sendErrorResponse(response, { id: 1, format, showUser: false });
  }

  // ---- lookups ---------------------------------------------------------------------------------

  private runtime(): Runtime {
    if (!this.rt) throw new BadArgs('no program is loaded: launch first');
    return this.rt;
  }

  private task(threadId: unknown): Task {
    if (typeof threadId !== 'number' || !Number.isInteger(threadId)) {
      throw new BadArgs(`"threadId" must be a thread's number, not ${shown(threadId)}`);
    }
    const t = this.runtime().thread(threadId);
    if (!t) throw new BadArgs(`no thread ${threadId}`);
    return t;
  }

  private stoppedTask(threadId: unknown): Task {
    const t = this.task(threadId);
    const who = `thread ${threadId} (${t.name})`;
    if (!t.alive) throw new BadArgs(`${who} has ${t.state}`);
    if (this.rt?.forked().includes(t)) {
      throw new BadArgs(
        `${who} is a process the program forked: the debugger does not trace it, it runs when the program runs`,
      );
    }
    if (t.state !== 'stopped' && t.sleep) throw new BadArgs(`${who} sleeps in ${t.sleep.req.why}`);
    if (t.state !== 'stopped') throw new BadArgs(`${who} is running`);
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
    const t =
      (this.currentThread !== undefined ? rt.thread(this.currentThread) : undefined) ??
      rt.threads.find((x) => x.alive) ??
      rt.threads[0];
    if (!t) throw new BadArgs('no thread');
    return t;
  }

  private taskOfFrame(frameId: number | undefined): Task {
    if (frameId === undefined) return this.current();
    if (typeof frameId !== 'number' || !Number.isInteger(frameId)) throw new BadArgs(`"frameId" must be a number`);
    return this.task(Math.floor(frameId / FRAME_STRIDE));
  }

  private readValue(t: Task, addr: bigint, n: number): bigint | undefined {
    const b = this.runtime().readMemory(t, addr, n);
    if (!b) return undefined;
    let v = 0n;
    for (let i = n - 1; i >= 0; i--) v = (v << 8n) | BigInt(b[i]);
    return v;
  }

  // ---- the runtime's events, as DAP events -----------------------------------------------------

  private sink(): RuntimeSink {
    return {
      stopped: (r: StopReport) => {
        if (!this.replaying) this.replayer.stopped();
        this.currentThread = r.threadId;
        this.vars?.reset();
        this.src?.reset();
        this.feed?.flush();
        const e = new StoppedEvent(r.reason, r.threadId) as DebugProtocol.StoppedEvent;
        if (r.description) e.body.description = r.description;
        if (r.text) e.body.text = r.text;
        if (r.hitBreakpointIds) e.body.hitBreakpointIds = r.hitBreakpointIds;
        e.body.allThreadsStopped = true;
        const t = this.rt?.thread(r.threadId);
        // the Call Stack view shows only the short reason: the whole sentence goes to the Debug
        // Console (for a watchpoint or an exception) and to the panel
        if (r.text && (r.reason === 'data breakpoint' || r.reason === 'exception')) {
          this.sendEvent(new OutputEvent(`${t ? `${t.name}: ` : ''}${r.text}\n`, 'console'));
        }
        const body: StoppedEventBody = {
          threadId: r.threadId,
          task: t?.name ?? String(r.threadId),
          reason: r.reason,
          ...(r.description ? { description: r.description } : {}),
          ...(r.text ? { text: r.text } : {}),
          icount: this.rt?.machine.icount ?? 0,
        };
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
      watchChanged: (w) => {
        this.sendEvent(new BreakpointEvent('changed', watchBreakpoint(w) as Breakpoint));
        this.watchesChanged();
      },
      stateChanged: () => this.feed?.flush(),
      ranChunk: () => this.feed?.tick(),
    };
  }

  /**
   * Watchpoints changed (set, refused, re-armed, removed): the editor refreshes the Variables view
   * (its Watchpoints scope), and the extension hears the new list (its data-line actions wait for
   * theirs), and the panel its slots.
   */
  private watchesChanged(set?: DebugProtocol.SetBreakpointsArguments): void {
    const body: WatchesEvent = { watches: this.breakpoints.watchList(this.rt) };
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

  /** Builds the runtime of a launch (or a restart, or a replayed launch). */
  private build(args: Record<string, unknown>): { ok: true } | { ok: false; message: string } {
    const c = checkLaunch(args);
    if (!c.ok) return c;
    // Run Without Debugging: no stop at the entry (the editor sends no breakpoints then)
    if (args.noDebug === true) c.value.stopOnEntry = false;
    const r = launch(c.value, this.sink(), this.ids, this.replayer.timeline);
    if (!r.ok) {
      for (const d of r.diagnostics ?? []) this.sendEvent(new OutputEvent(d + '\n', 'stderr'));
      return r;
    }
    const rt = r.runtime;
    this.rt = rt;
    this.launchArgs = args;
    this.vars = new Variables(rt);
    this.src = new SourceDap((t, a, n) => rt.readMemory(t, a, n));
    // line breakpoints in C sources and frames through CFI (assembly keeps its own model)
    rt.useSourceModel(
      new CSourceModel(
        () => rt.programs(),
        (t, a, n) => rt.readMemory(t, a, n),
      ),
    );
    this.feed = new PanelFeed(rt, (event, body) => this.sendEvent(new Event(event, body)));
    this.consoleIds = new Map();
    this.breakpoints.newMachine();
    this.lastWatches = '';
    this.currentThread = rt.threads[0]?.pid;
    rt.evaluator = (t, expr) => {
      // C conditions and log points (i == 2, {counter}) in a program with DWARF
      const cv = this.src?.model(t) ? this.src.numeric(t, expr) : undefined;
      if (cv?.ok) return cv;
      const v = evaluateExpression(expr, { task: t, read: (a, n) => this.readValue(t, a, n) });
      return v.ok ? { ok: true, value: v.value } : v;
    };
    for (const line of rt.setupLog) this.sendEvent(new OutputEvent(`setup ${line}\n`, 'console'));
    return { ok: true };
  }

  // ---- time travel (the history and its replays: replay/) --------------------------------------

  /** What the replayer needs of the session: to forget the machine, to handle requests again. */
  private replayHost(): ReplayHost {
    return {
      forget: () => {
        this.rt?.dispose();
        this.feed?.dispose();
        this.rt = undefined;
        this.breakpoints.forgetRequests();
        this.configDone = new Promise((r) => (this.resolveConfigDone = r));
      },
      redo: (request) => super.dispatchRequest(this.internalCopy(request)),
      quiet: (on) => {
        this.replaying = on;
      },
      runtime: () => this.rt,
      launched: () => this.launching,
      checkpointed: () => ({
        save: [this.breakpoints],
        keep: this.rt ? [this.rt.timeline, this.rt.sink, this.ids] : [this.ids],
      }),
    };
  }

  /** A copy of a request to dispatch on the adapter's own behalf: its answer is not sent. */
  private internalCopy(r: DebugProtocol.Request): DebugProtocol.Request {
    const seq = this.nextInternalSeq--;
    this.internalSeqs.add(seq);
    return { ...structuredClone(r), seq };
  }

  /** A request made by the adapter itself: recorded and handled, its response kept from the editor. */
  private applySilently(command: string, a: unknown): void {
    const request = syntheticRequest(command, a);
    this.replayer.record(request);
    this.replaying = true;
    try {
      super.dispatchRequest(this.internalCopy(request));
    } finally {
      this.replaying = false;
    }
  }

  /** Finds the target, then rebuilds the machine there. Requests the editor sends meanwhile wait,
   * and are handled after, in their order. */
  private async travel(response: DebugProtocol.Response, search: TargetSearch): Promise<void> {
    // The launch is answered once the editor's configuration is done: travelling before that would
    // replay a history that has no configurationDone yet, and lose the launch's answer.
    if (this.launchesPending > 0)
      return this.fail(response, 'the program is still being launched: step back once it has started');
    this.travelling = true;
    try {
      const target = await this.replayer.find(search);
      if (!target.ok) return this.fail(response, target.message);
      this.sendResponse(response);
      await this.travelTo(target.value);
    } finally {
      this.travelling = false;
      for (const r of this.deferred.splice(0)) this.handleMessage(r);
    }
  }

  /** Rebuilds the machine at the target instant, sets the editor's breakpoints there and reports. */
  private async travelTo(target: TravelTarget): Promise<void> {
    const now = this.breakpoints.requests();
    const printed = this.rt?.outputBytes() ?? 0;
    await this.replayer.rebuild(target.icount);
    const rt = this.runtime();
    // (a checkpoint restored the same runtime in place: the panel's feed goes on from the past)
    this.feed?.rewind();
    // what the program printed after this instant has not been printed yet here: the Debug Console
    // keeps it, so it is marked as undone (running on prints it again)
    const undone = printed - rt.outputBytes();
    if (undone > 0)
      this.sendEvent(
        new OutputEvent(
          `[time travel] the last ${undone} byte${undone === 1 ? '' : 's'} of program output above ` +
            `${undone === 1 ? 'is' : 'are'} undone: printed after icount ${target.icount}, the instant travelled to ` +
            `(running on prints ${undone === 1 ? 'it' : 'them'} again)\n`,
          'console',
        ),
      );
    // the breakpoints are the editor's, not the past's: set them as they are now
    for (const a of now.sources) this.applySilently('setBreakpoints', a);
    if (now.instructions) this.applySilently('setInstructionBreakpoints', now.instructions);
    if (now.data) this.applySilently('setDataBreakpoints', now.data);
    for (const b of rt.codeBps.all()) this.sendEvent(new BreakpointEvent('changed', codeBreakpoint(b) as Breakpoint));
    for (const w of rt.watches.all()) this.sendEvent(new BreakpointEvent('changed', watchBreakpoint(w) as Breakpoint));
    this.sendEvent(new Event(EVENT_RESET, {}));
    // how the travel went, before its stop (a telemetry output: not shown; the bench reads it)
    const e = new OutputEvent('wplab.travel\n', 'telemetry') as DebugProtocol.OutputEvent;
    e.body.data = { ...this.replayer.last, kept: this.replayer.checkpoints() };
    this.sendEvent(e);
    const t = rt.thread(target.pid) ?? rt.threads[0];
    rt.sink.stopped({
      reason: target.reason,
      threadId: t.pid,
      description: target.description(t),
      ...(target.text ? { text: target.text(t) } : {}),
      ...(target.hitBreakpointIds ? { hitBreakpointIds: target.hitBreakpointIds } : {}),
    });
  }

  // ---- the requests, in the order of mockDebug.ts ----------------------------------------------

  /** What this adapter can do: data breakpoints on memory (with bytes), memory, disassembly. */
  protected override initializeRequest(
    response: DebugProtocol.InitializeResponse,
    args: DebugProtocol.InitializeRequestArguments,
  ): void {
    this.clientMemoryEvents = args?.supportsMemoryEvent === true;
    response.body = {
      supportsConfigurationDoneRequest: true,
      supportsConditionalBreakpoints: true,
      supportsHitConditionalBreakpoints: true,
      supportsLogPoints: true,
      supportsEvaluateForHovers: true,
      supportsSetVariable: true,
      supportsSetExpression: true,
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
  protected override disconnectRequest(
    response: DebugProtocol.DisconnectResponse,
    args: DebugProtocol.DisconnectArguments,
    request?: DebugProtocol.Request,
  ): void {
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
  protected override restartRequest(
    response: DebugProtocol.RestartResponse,
    args: DebugProtocol.RestartArguments,
  ): void {
    const next = (args?.arguments as Record<string, unknown> | undefined) ?? this.launchArgs;
    const c = checkLaunch(next);
    if (!c.ok) return this.fail(response, c.message);
    this.rt?.dispose();
    this.feed?.dispose();
    this.replayer.begin();
    const r = this.build(next as Record<string, unknown>);
    if (!r.ok) return this.fail(response, r.message);
    // the history begins again: a launch with these settings and the breakpoints as they are
    const bps = this.breakpoints.requests();
    this.replayer.record(syntheticRequest('launch', next));
    for (const a of bps.sources) this.replayer.record(syntheticRequest('setBreakpoints', a));
    if (bps.instructions) this.replayer.record(syntheticRequest('setInstructionBreakpoints', bps.instructions));
    if (bps.data) this.replayer.record(syntheticRequest('setDataBreakpoints', bps.data));
    this.replayer.record(syntheticRequest('configurationDone', {}));
    this.breakpoints.applyAll(this.runtime(), () => this.current());
    this.sendResponse(response);
    this.sendEvent(new OutputEvent('restarted: a fresh machine, the same breakpoints\n', 'console'));
    this.sendEvent(new Event(EVENT_RESET, {}));
    this.runtime().start();
  }

  protected override attachRequest(response: DebugProtocol.AttachResponse): void {
    this.fail(response, 'attach is not supported: the machine is simulated, launch a program or a scenario');
  }

  /** Launch: check every setting, assemble (or load the scenario), build the machine, and after
   * the editor's breakpoints are in, stop at the entry or run. */
  protected override async launchRequest(
    response: DebugProtocol.LaunchResponse,
    args: DebugProtocol.LaunchRequestArguments,
  ): Promise<void> {
    let launched = () => undefined as void;
    this.launching = new Promise<void>((r) => (launched = r));
    this.launchesPending++;
    try {
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
    } finally {
      this.launchesPending--;
      launched();
    }
  }

  /** Source breakpoints: on a code line a software breakpoint; on a data line a watchpoint on the
   * symbol (its mode: write, read, access, or a perf counter). */
  protected override setBreakPointsRequest(
    response: DebugProtocol.SetBreakpointsResponse,
    args: DebugProtocol.SetBreakpointsArguments,
  ): void {
    if (!args || typeof args.source !== 'object' || args.source === null || typeof args.source.path !== 'string') {
      throw new BadArgs('"source.path" is required (a file path)');
    }
    const list: DebugProtocol.SourceBreakpoint[] = args.breakpoints ?? (args.lines ?? []).map((line) => ({ line }));
    const badLine = (b: DebugProtocol.SourceBreakpoint) =>
      typeof b !== 'object' || b === null || typeof b.line !== 'number' || !Number.isInteger(b.line) || b.line < 1;
    if (!Array.isArray(list) || list.some(badLine))
      throw new BadArgs('"breakpoints" must be a list of { line } with a line number from 1');
    if (list.some((b) => b.mode !== undefined && !BREAKPOINT_MODES.some((m) => m.mode === b.mode))) {
      throw new BadArgs(`"mode" must be one of ${BREAKPOINT_MODES.map((m) => m.mode).join(', ')}`);
    }
    const rt = this.runtime();
    const a = { ...args, breakpoints: list };
    response.body = { breakpoints: this.breakpoints.setSource(rt, a) };
    this.sendResponse(response);
    rt.retryRefused();
    this.feed?.flush();
    this.watchesChanged(a);
  }

  protected override setExceptionBreakPointsRequest(response: DebugProtocol.SetExceptionBreakpointsResponse): void {
    // Faults always stop (there are no handlers to deliver them to); there are no filters.
    response.body = { breakpoints: [] };
    this.sendResponse(response);
  }

  protected override exceptionInfoRequest(
    response: DebugProtocol.ExceptionInfoResponse,
    args: DebugProtocol.ExceptionInfoArguments,
  ): void {
    const t = this.task(args?.threadId);
    const e = this.runtime().exceptionOf(t);
    if (!e) throw new BadArgs(`thread ${t.pid} is not stopped by a signal`);
    const si = t.lastStop;
    const siAddr = si?.si_addr !== undefined ? hex(si.si_addr) : '-';
    response.body = {
      exceptionId: e.signal,
      description: e.text,
      breakMode: 'always',
      details: {
        typeName: e.signal,
        message: `${si?.signal ?? ''} ${si?.si_code ?? ''} si_addr=${siAddr} pc=${hex(t.thread.pc)}`.trim(),
      },
    };
    this.sendResponse(response);
  }

  protected override threadsRequest(response: DebugProtocol.ThreadsResponse): void {
    const rt = this.rt;
    const threads = rt
      ? rt.threads.filter((t) => t.alive).map((t) => new Thread(t.pid, `${t.name} (pid ${t.pid})`))
      : [];
    // the processes the program forked, which the debugger does not trace (SCENARIOS §7 names them)
    if (rt) {
      for (const t of rt.forked()) {
        const state = t.sleep ? `in ${t.sleep.req.why}` : t.state;
        threads.push(new Thread(t.pid, `${t.name} (pid ${t.pid}, forked by pid ${t.parent?.pid ?? '?'}, ${state})`));
      }
    }
    response.body = { threads };
    this.sendResponse(response);
  }

  protected override stackTraceRequest(
    response: DebugProtocol.StackTraceResponse,
    args: DebugProtocol.StackTraceArguments,
  ): void {
    const t = this.task(args?.threadId);
    if (!t.alive) throw new BadArgs(`thread ${t.pid} has ${t.state}`);
    if (this.src?.model(t)) {
      // C: frames unwound through CFI, with their functions' names and source lines
      const all = this.src.stackFrames(t, (i) => t.pid * FRAME_STRIDE + i).slice(0, FRAME_STRIDE);
      const first = typeof args.startFrame === 'number' && args.startFrame > 0 ? args.startFrame : 0;
      const n = typeof args.levels === 'number' && args.levels > 0 ? args.levels : all.length;
      response.body = { stackFrames: all.slice(first, first + n), totalFrames: all.length };
      return this.sendResponse(response);
    }
    const frames = this.runtime().frames(t);
    const start = typeof args.startFrame === 'number' && args.startFrame > 0 ? args.startFrame : 0;
    const levels = typeof args.levels === 'number' && args.levels > 0 ? args.levels : frames.length;
    response.body = {
      stackFrames: frames.slice(start, start + levels).map((f) => {
        const source = f.file ? new Source(f.file.replace(/^.*[\\/]/, ''), f.file) : undefined;
        const sf = new StackFrame(
          t.pid * FRAME_STRIDE + f.index,
          f.name,
          source,
          f.line ?? 0,
          1,
        ) as DebugProtocol.StackFrame;
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
    let scopes = (this.vars as Variables).scopes(t);
    if (this.src?.model(t)) {
      // C: Locals, Globals, Registers of the frame; the debugger's own Watchpoints and Perf counters
      const own = scopes.filter((x) => x.name === 'Watchpoints' || x.name === 'Perf counters');
      scopes = [...this.src.scopes(t, args.frameId % FRAME_STRIDE), ...own];
    }
    response.body = {
      scopes: scopes.map((s) => Object.assign(new Scope(s.name, s.variablesReference, s.expensive), s)),
    };
    this.sendResponse(response);
  }

  /** Writes memory as PTRACE_POKEDATA does (through page protections); tells the editor. */
  protected override writeMemoryRequest(
    response: DebugProtocol.WriteMemoryResponse,
    args: DebugProtocol.WriteMemoryArguments,
  ): void {
    if (!args || typeof args.memoryReference !== 'string' || typeof args.data !== 'string') {
      throw new BadArgs('"memoryReference" (an address) and "data" (base64) are required');
    }
    const base = parseAddress(args.memoryReference);
    if (base === undefined)
      throw new BadArgs(`"memoryReference" ${JSON.stringify(args.memoryReference)} is not an address`);
    if (!/^[A-Za-z0-9+/]*={0,2}$/.test(args.data)) throw new BadArgs('"data" is not base64');
    const t = this.current();
    if (t.state !== 'stopped') throw new BadArgs(`${t.name} is ${t.state}: memory can be written while it is stopped`);
    const offset = intArg(args.offset, 'offset', 0);
    const bytes = new Uint8Array(Buffer.from(args.data, 'base64'));
    const addr = BigInt.asUintN(64, base + BigInt(offset));
    const written = this.runtime().writeMemory(t, addr, bytes, args.allowPartial === true);
    if (written === 0 && bytes.length > 0) {
      return this.fail(response, `cannot write ${bytes.length} bytes at ${hex(addr)}: not mapped in ${t.name} (EIO)`);
    }
    response.body = { bytesWritten: written, offset: 0 };
    this.sendResponse(response);
    if (this.clientMemoryEvents && written > 0) this.sendEvent(new MemoryEvent(hex(addr), 0, written));
    this.vars?.reset();
  }

  /** Memory as the program sees it (breakpoint traps hidden); what is not mapped is unreadable. */
  protected override readMemoryRequest(
    response: DebugProtocol.ReadMemoryResponse,
    args: DebugProtocol.ReadMemoryArguments,
  ): void {
    if (
      !args ||
      typeof args.memoryReference !== 'string' ||
      typeof args.count !== 'number' ||
      !Number.isInteger(args.count) ||
      args.count < 0
    ) {
      throw new BadArgs('"memoryReference" (an address) and "count" (bytes) are required');
    }
    const base = parseAddress(args.memoryReference);
    if (base === undefined)
      throw new BadArgs(`"memoryReference" ${JSON.stringify(args.memoryReference)} is not an address`);
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

  protected override variablesRequest(
    response: DebugProtocol.VariablesResponse,
    args: DebugProtocol.VariablesArguments,
  ): void {
    if (!args || typeof args.variablesReference !== 'number') throw new BadArgs('"variablesReference" is required');
    this.runtime();
    if (this.src?.owns(args.variablesReference)) {
      const st = this.task(this.src.pidOf(args.variablesReference));
      let cv = this.src.variables(st, args.variablesReference);
      if (typeof args.start === 'number' || typeof args.count === 'number') {
        const s0 = Math.max(0, args.start ?? 0);
        cv = cv.slice(s0, args.count ? s0 + args.count : undefined);
      }
      response.body = { variables: cv };
      return this.sendResponse(response);
    }
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

  protected override setVariableRequest(
    response: DebugProtocol.SetVariableResponse,
    args: DebugProtocol.SetVariableArguments,
  ): void {
    if (
      !args ||
      typeof args.variablesReference !== 'number' ||
      typeof args.name !== 'string' ||
      typeof args.value !== 'string'
    ) {
      throw new BadArgs('"variablesReference", "name" and "value" are required');
    }
    this.runtime();
    if (this.src?.owns(args.variablesReference)) {
      const st = this.stoppedTask(this.src.pidOf(args.variablesReference));
      const rt = this.runtime();
      const r = this.src.setVariable(st, args.variablesReference, args.name, args.value, this.valueWriter(st));
      if (!r.ok) return this.fail(response, r.message);
      const v = r.variable;
      response.body = { value: v.value, type: v.type, variablesReference: v.variablesReference };
      if (v.memoryReference) response.body.memoryReference = v.memoryReference;
      this.sendResponse(response);
      if (v.memoryReference && this.clientMemoryEvents) this.sendEvent(new MemoryEvent(v.memoryReference, 0, 8));
      return;
    }
    const ref = (this.vars as Variables).get(args.variablesReference);
    if (!ref) throw new BadArgs(`variablesReference ${args.variablesReference} is not valid (any more)`);
    const t = this.stoppedTask(ref.pid);
    const r = (this.vars as Variables).setVariable(ref, t, args.name, args.value);
    if (!r.ok) return this.fail(response, r.message);
    response.body = { value: r.variable.value, type: r.variable.type, variablesReference: 0 };
    if (r.variable.memoryReference) response.body.memoryReference = r.variable.memoryReference;
    this.sendResponse(response);
    if (ref.kind !== 'registers' && r.variable.memoryReference && this.clientMemoryEvents) {
      this.sendEvent(new MemoryEvent(r.variable.memoryReference, 0, 8));
    }
  }

  /** How Set Value writes a C object: memory through the runtime, registers through the Tracer. */
  private valueWriter(t: Task): ValueWriter {
    const rt = this.runtime();
    return {
      memory: (addr, bytes) => rt.writeMemory(t, addr, bytes, false) === bytes.length,
      register: (reg, value) => {
        if (reg < 32) return rt.tracer.setReg(t, `r${reg}`, value).ok;
        const th = rt.tracer.thread(t);
        if (reg >= 64 || !th.ok) return false;
        th.thread.setFprBits(reg - 32, value);
        return true;
      },
    };
  }

  /** setExpression (a Watch expression's Set Value): a C lvalue in the frame's scope. */
  protected override setExpressionRequest(
    response: DebugProtocol.SetExpressionResponse,
    args: DebugProtocol.SetExpressionArguments,
  ): void {
    if (!args || typeof args.expression !== 'string' || typeof args.value !== 'string')
      throw new BadArgs('"expression" and "value" are required');
    const t = this.stoppedTask(this.taskOfFrame(args.frameId).pid);
    if (!this.src?.model(t))
      return this.fail(response, 'setting an expression works on C programs: use Set Value in the Variables view');
    const index = args.frameId !== undefined ? args.frameId % FRAME_STRIDE : undefined;
    const r = this.src.setExpression(t, args.expression, index, args.value, this.valueWriter(t));
    if (!r.ok) return this.fail(response, r.message);
    response.body = { value: r.body.result, type: r.body.type, variablesReference: r.body.variablesReference };
    if (r.body.memoryReference) response.body.memoryReference = r.body.memoryReference;
    this.sendResponse(response);
    if (r.body.memoryReference && this.clientMemoryEvents)
      this.sendEvent(new MemoryEvent(r.body.memoryReference, 0, 8));
    this.sendEvent(new Event('invalidated', { areas: ['variables'] }));
  }

  /** Continue resumes the thread asked for (the others stay stopped, as a scenario's cont does). */
  protected override continueRequest(
    response: DebugProtocol.ContinueResponse,
    args: DebugProtocol.ContinueArguments,
  ): void {
    const t = this.resumable(args?.threadId);
    response.body = { allThreadsContinued: false };
    this.sendResponse(response);
    void this.runtime().resume(t, 'continue');
  }

  /** Reverse continue: back to the last instant the thread was about to run an instruction with a
   * breakpoint, or to access memory a data breakpoint watches; else to the start of the history. */
  protected override reverseContinueRequest(
    response: DebugProtocol.ReverseContinueResponse,
    args: DebugProtocol.ReverseContinueArguments,
  ): Promise<void> {
    const t = this.resumable(args?.threadId);
    const pid = t.pid;
    const now = this.runtime().machine.icount;
    const bps = breakpointsNow(this.runtime());
    return this.travel(response, (rt, hooks) => reverseTarget(rt, bps, pid, now, hooks));
  }

  /** Next: over a call (bl) to the instruction after it; otherwise one instruction. */
  protected override nextRequest(response: DebugProtocol.NextResponse, args: DebugProtocol.NextArguments): void {
    const t = this.resumable(args?.threadId);
    this.sendResponse(response);
    void this.runtime().resume(t, 'next', args?.granularity);
  }

  /** Step back: in a frame with line information, to the start of the line run before (GDB's
   * reverse-next, replay/line-back.ts); else (or granularity 'instruction') to the instant before
   * the thread's previous instruction. */
  protected override stepBackRequest(
    response: DebugProtocol.StepBackResponse,
    args: DebugProtocol.StepBackArguments,
  ): Promise<void> {
    // (checked before anything is awaited: a refusal is answered at once, before another request)
    const t = this.resumable(args?.threadId);
    const pid = t.pid;
    const line = args?.granularity === 'instruction' ? undefined : lineBackStart(t, this.runtime().machine.icount);
    if (line) return this.travel(response, lineBackSearch(line));
    return this.travel(response, (rt, hooks) => stepBackTarget(rt, pid, hooks));
  }

  /** Step in: one instruction (PTRACE_SINGLESTEP); a line of assembly is one instruction. */
  protected override stepInRequest(response: DebugProtocol.StepInResponse, args: DebugProtocol.StepInArguments): void {
    const t = this.resumable(args?.threadId);
    this.sendResponse(response);
    void this.runtime().resume(t, 'step', args?.granularity);
  }

  /** Step out: run to the caller's return address (from LR or the back chain). */
  protected override stepOutRequest(
    response: DebugProtocol.StepOutResponse,
    args: DebugProtocol.StepOutArguments,
  ): void {
    const t = this.resumable(args?.threadId);
    this.sendResponse(response);
    void this.runtime().resume(t, 'stepOut', args?.granularity);
  }

  /** Pause: the run loop yields between chunks, so this is answered and the task stops there. */
  protected override pauseRequest(response: DebugProtocol.PauseResponse, args: DebugProtocol.PauseArguments): void {
    this.task(args?.threadId);
    this.runtime().pause();
    this.sendResponse(response);
  }

  /** Expressions, and in the console the commands of SCENARIOS §2 (`help` lists them). */
  protected override evaluateRequest(
    response: DebugProtocol.EvaluateResponse,
    args: DebugProtocol.EvaluateArguments,
  ): void {
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
    // C: the expression in the frame's scope (the machine's own syntax, r3 or u8[&x], when it is not C)
    const frameIndex = args.frameId !== undefined ? args.frameId % FRAME_STRIDE : undefined;
    const c = this.src?.model(t) ? this.src.evaluate(t, line, frameIndex) : undefined;
    if (c?.ok) {
      response.body = c.body;
      return this.sendResponse(response);
    }
    const v = evaluateExpression(line, { task: t, read: (a, n) => this.readValue(t, a, n) });
    if (!v.ok) return this.fail(response, c && !c.ok ? c.message : v.message);
    const size = v.size ?? 8;
    const result = `0x${v.value.toString(16).padStart(size * 2, '0')} (${BigInt.asIntN(size * 8, v.value)})`;
    response.body = { result, type: size === 8 ? 'u64' : `u${size * 8}`, variablesReference: 0 };
    if (v.addr !== undefined) response.body.memoryReference = hex(v.addr);
    else if (v.value !== 0n && t.mem.isMapped(v.value, 1)) response.body.memoryReference = hex(v.value);
    this.sendResponse(response);
  }

  /** Whether memory behind a variable or an address can be watched, and how. */
  protected override dataBreakpointInfoRequest(
    response: DebugProtocol.DataBreakpointInfoResponse,
    args: DebugProtocol.DataBreakpointInfoArguments,
  ): void {
    if (!args || typeof args.name !== 'string')
      throw new BadArgs('"name" is required (a variable name, or an address with "asAddress")');
    // (an element the editor asks about that has no name: nothing to watch there, not an error)
    if (args.name === '') {
      response.body = { dataId: null, description: 'nothing to watch here: no variable is named' };
      return this.sendResponse(response);
    }
    if (
      args.bytes !== undefined &&
      (typeof args.bytes !== 'number' || !Number.isInteger(args.bytes) || args.bytes < 1)
    ) {
      throw new BadArgs('"bytes" must be a positive whole number');
    }
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
      const dataId = sym ? makeSymbolDataId(sym.name, sym.offset, len) : makeDataId(addr, len);
      const description = `${what} (${len} byte${len === 1 ? '' : 's'} at ${hex(addr)})`;
      response.body = { dataId, description, accessTypes, canPersist: true };
      this.sendResponse(response);
    };
    const register = `${args.name} is a register: hardware watchpoints (DAWR) watch memory, not registers.`;
    if (args.asAddress) {
      const a = parseAddress(args.name);
      if (a === undefined) throw new BadArgs(`"${args.name}" is not an address (decimal or 0x hex)`);
      return yes(a, args.bytes ?? 1, rt.watches.labelFor(a, t));
    }
    const cRef = args.variablesReference ? args.variablesReference : undefined;
    if (this.src?.model(t) && (cRef === undefined || this.src.owns(cRef))) {
      // C: a variable of the Variables view, or an expression of the Watch view (an lvalue)
      const frame = args.frameId !== undefined ? args.frameId % FRAME_STRIDE : undefined;
      const d = this.src.dataBreakpointInfo(t, rt.machine.model, args.name, cRef, frame);
      if (d.ok) {
        response.body = { dataId: d.dataId, description: d.description, accessTypes, canPersist: d.canPersist };
        return this.sendResponse(response);
      }
      if (cRef !== undefined || !d.notC) return no(d.message);
    }
    if (args.variablesReference !== undefined && args.variablesReference !== 0) {
      const ref = this.vars?.get(args.variablesReference);
      if (!ref) throw new BadArgs(`variablesReference ${args.variablesReference} is not valid (any more)`);
      if (ref.kind === 'registers')
        return no(`${register} Watch the memory it points to with "Add Data Breakpoint at Address".`);
      if (ref.kind === 'watchpoints' || ref.kind === 'perf') return no(`${args.name} is not memory`);
      if (ref.kind === 'elements') {
        const m = /^\[(\d+)\]$/.exec(args.name);
        const step = ref.sym.size % 8 === 0 ? 8 : 1;
        if (!m || Number(m[1]) * step >= ref.sym.size) return no(`${args.name} is not an element of ${ref.sym.name}`);
        const a = ref.sym.addr + BigInt(Number(m[1]) * step);
        return yes(a, args.bytes ?? step, `${ref.sym.name}${args.name}`, {
          name: ref.sym.name,
          offset: Number(m[1]) * step,
        });
      }
    }
    const sym = dataSymbols(t.program).find((s) => s.name === args.name);
    if (sym) return yes(sym.addr, args.bytes ?? sym.size, sym.name, { name: sym.name, offset: 0 });
    if (REGISTER_NAMES.includes(args.name.replace(/^\$/, ''))) return no(register);
    const v = evaluateExpression(args.name, { task: t, read: (a, n) => this.readValue(t, a, n) });
    if (v.ok && v.addr !== undefined) return yes(v.addr, args.bytes ?? v.size ?? 8, args.name);
    return no(`"${args.name}" is not memory this debugger can watch${v.ok ? '' : ` (${v.message})`}`);
  }

  /** The data breakpoints, all of them (the editor sends the whole set): ptrace watchpoints. The
   * response follows the request's order; a refusal is verified: false with the kernel's words. */
  protected override setDataBreakpointsRequest(
    response: DebugProtocol.SetDataBreakpointsResponse,
    args: DebugProtocol.SetDataBreakpointsArguments,
  ): void {
    if (!args || !Array.isArray(args.breakpoints))
      throw new BadArgs('"breakpoints" is required (a list, empty to clear)');
    for (const b of args.breakpoints) {
      if (typeof b !== 'object' || b === null || typeof b.dataId !== 'string') {
        throw new BadArgs('each data breakpoint needs a "dataId" (a string from dataBreakpointInfo)');
      }
      if (b.accessType !== undefined && !['read', 'write', 'readWrite'].includes(b.accessType)) {
        throw new BadArgs(`"accessType" must be read, write or readWrite, not ${JSON.stringify(b.accessType)}`);
      }
    }
    const rt = this.runtime();
    response.body = { breakpoints: this.breakpoints.setData(rt, args, () => this.current()) };
    this.sendResponse(response);
    rt.retryRefused();
    this.feed?.flush();
    this.watchesChanged();
  }

  protected override disassembleRequest(
    response: DebugProtocol.DisassembleResponse,
    args: DebugProtocol.DisassembleArguments,
  ): void {
    if (
      !args ||
      typeof args.memoryReference !== 'string' ||
      typeof args.instructionCount !== 'number' ||
      !Number.isInteger(args.instructionCount) ||
      args.instructionCount < 0
    ) {
      throw new BadArgs('"memoryReference" (an address) and "instructionCount" are required');
    }
    if (args.instructionCount > 100_000) throw new BadArgs('"instructionCount" is at most 100000');
    const base = parseAddress(args.memoryReference);
    if (base === undefined)
      throw new BadArgs(`"memoryReference" ${JSON.stringify(args.memoryReference)} is not an address`);
    const offset = intArg(args.offset, 'offset', 0);
    const instructionOffset = intArg(args.instructionOffset, 'instructionOffset', 0, -100_000_000, 100_000_000);
    const t = this.current();
    const rt = this.runtime();
    const from = BigInt.asUintN(64, base + BigInt(offset));
    const read = (a: bigint, n: number) => rt.readMemory(t, a, n);
    const instructions = disassembleRange(
      t,
      read,
      from,
      instructionOffset,
      args.instructionCount,
      args.resolveSymbols !== false,
    );
    response.body = { instructions };
    this.sendResponse(response);
  }

  /** Breakpoints on instruction addresses (the disassembly view). */
  protected override setInstructionBreakpointsRequest(
    response: DebugProtocol.SetInstructionBreakpointsResponse,
    args: DebugProtocol.SetInstructionBreakpointsArguments,
  ): void {
    const bad = (b: DebugProtocol.InstructionBreakpoint) =>
      typeof b !== 'object' || b === null || typeof b.instructionReference !== 'string';
    if (!args || !Array.isArray(args.breakpoints) || args.breakpoints.some(bad)) {
      throw new BadArgs('"breakpoints" must be a list of { instructionReference } (hex addresses)');
    }
    response.body = { breakpoints: this.breakpoints.setInstructions(this.runtime(), args) };
    this.sendResponse(response);
  }

  /** The panel's requests (panel-requests.ts). */
  protected override customRequest(command: string, response: DebugProtocol.Response, args: unknown): void {
    const a = panelRequest(command, args, {
      runtime: () => ({ rt: this.runtime(), feed: this.feed as PanelFeed }),
      current: () => this.current(),
      launchArgs: this.launchArgs,
      watchList: () => this.breakpoints.watchList(this.rt),
    });
    if (!a.ok) return this.fail(response, a.message);
    response.body = a.body;
    this.sendResponse(response);
    if (a.changed === 'perf') {
      this.rt?.retryRefused();
      this.feed?.flush();
    } else if (a.changed === 'watches') {
      this.feed?.flush();
      this.watchesChanged();
    }
  }
}
