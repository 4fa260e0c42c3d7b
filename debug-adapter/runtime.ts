// The debugger's runtime: a launched machine and the tracer's calls behind the DAP session, with no
// DAP in it. It is built ready by launch.ts. It keeps the breakpoints (code breakpoints in
// code-breakpoints.ts, watchpoints through ptrace and perf in data-breakpoints.ts), resumes a task
// as a debugger does (stepping off a breakpoint, re-arming one-shot ptrace watchpoints as GDB does,
// or not) through the run loop (run-loop.ts), and turns each stop into one report for the session
// (stop-report.ts). Source lines and frames come from its source model (source-model.ts).
import { fetchWord } from '../sim/cpu/fetch';
import type { Machine } from '../sim/machine/machine';
import type { StopInfo, Task } from '../sim/machine/task';
import type { Tracer } from '../sim/machine/tracer';
import type { Program } from '../sim/program';
import { BreakpointConditions, type Evaluator } from './breakpoint-conditions';
import type { BreakpointIds } from './breakpoint-ids';
import {
  CodeBreakpoints,
  Traps,
  type CodeBreakpoint,
  type InstructionBreakpointSpec,
  type LineBreakpointSpec,
} from './code-breakpoints';
import { WatchSet, type AccessType, type Watch, type WatchSpec } from './data-breakpoints';
import type { LaunchConfig } from './launch-config';
import { samePath } from './paths';
import type { Timeline } from './replay/timeline';
import { RunLoop, type RunPosition } from './run-loop';
import { AsmSourceModel, type SourceModel } from './source-model';
import type { Frame } from './stack';
import { previewAccess, storeKeeps } from './stop-description';
import {
  breakpointReport,
  deadlockReport,
  entryReport,
  firedWatches,
  limitReport,
  livelockReport,
  pauseReport,
  signalReport,
  stepReport,
  watchReport,
  type StopReport,
} from './stop-report';
import { dataSymbols, hex } from './symbols';
import { describeSignal } from './stop-description';
import { sourceStep } from './source/line-step';
import { targetOf } from './source/source-dap';
import { dwarfProgramOf, type DwarfProgram } from './source/dwarf-program';

export { hitConditionMet } from './breakpoint-conditions';
export type { CodeBreakpoint } from './code-breakpoints';
export type { StopReport } from './stop-report';
export { samePath } from './paths';

/** What the runtime tells the session (which turns it into DAP events). */
export interface RuntimeSink {
  stopped(r: StopReport): void;
  output(category: 'stdout' | 'stderr' | 'console', text: string, source?: { path: string; line: number }): void;
  threadExited(threadId: number): void;
  exited(code: number): void;
  terminated(): void;
  /** a watch changed by itself (re-armed, disabled by the kernel, its task gone, set after a refusal) */
  watchChanged(w: Watch): void;
  /** the machine state the panel shows may have changed (stop, breakpoints, perf) */
  stateChanged(): void;
  /** the machine ran a chunk (decisions and counters may have changed) */
  ranChunk(): void;
}

/** What launch.ts hands over: the machine, ready at the program's first instruction. */
export interface LaunchedMachine {
  config: LaunchConfig;
  machine: Machine;
  tracer: Tracer;
  /** the tasks the debugger traces: the DAP threads */
  threads: Task[];
  /** setup steps of a scenario launch, as text for the console */
  setupLog: string[];
  /** a scenario launch: the scenario run from the start under kernel 6.5 and 6.6 (wplab compare) */
  compare?: () => string;
}

type Resume = 'continue' | 'step' | 'next' | 'stepOut';
/** DAP's stepping granularity: by source line (the default where the program has line information),
 * or one instruction */
export type Granularity = 'line' | 'statement' | 'instruction' | undefined;

export class Runtime {
  readonly machine: Machine;
  readonly tracer: Tracer;
  readonly config: LaunchConfig;
  readonly watches: WatchSet;
  /** tasks the debugger traces: the DAP threads */
  readonly threads: Task[];
  /** setup steps of a scenario launch, as text for the console */
  readonly setupLog: string[];
  /** the machine's clock when the launch was done: nothing earlier can be travelled to */
  readonly launchIcount: number;
  readonly codeBps: CodeBreakpoints;
  /** what the debugger did with a decision, by its seq (a store that left a "Break on Value
   * Change" watch's value as it was: the kernel stopped the task, the debugger went on). Bounded. */
  readonly notes = new Map<number, string>();
  /** the task being run by a resume, if any */
  running: Task | undefined;

  private readonly compare: (() => string) | undefined;
  private readonly conditions: BreakpointConditions;
  private readonly traps = new Traps();
  private readonly loop: RunLoop;
  private source: SourceModel;
  /** addresses a Next or Step Out runs to (a temporary breakpoint) */
  private tempAddrs: bigint[] = [];
  /** a traced task whose resume ended in a deadlock (it sleeps in a system call nothing can end) */
  private readonly deadlocked = new Map<number, StopInfo>();
  /** per task: how many output chunks were already sent */
  private readonly outSent = new Map<number, number>();
  /** per task: what its last stop was, for the next resume (step over a breakpoint, a watchpoint) */
  private readonly lastKind = new Map<number, { kind: 'watch' | 'fault' | 'other'; pc: bigint; signal?: string }>();
  private readonly reportedDead = new Set<number>();
  private cancelled = false;
  private ended = false;

  constructor(
    m: LaunchedMachine,
    readonly sink: RuntimeSink,
    readonly ids: BreakpointIds,
    /** the history the run loop records its chunks in (replay/) */
    readonly timeline: Timeline,
  ) {
    this.machine = m.machine;
    this.tracer = m.tracer;
    this.config = m.config;
    this.threads = m.threads;
    this.setupLog = m.setupLog;
    this.compare = m.compare;
    this.launchIcount = m.machine.icount;
    this.watches = new WatchSet(
      {
        machine: this.machine,
        tracer: this.tracer,
        tracedTasks: () => this.threads.filter((t) => t.alive),
        mainTask: () => this.threads.find((t) => t.alive),
      },
      (w) => ids.of(`watch:${w.origin}:${w.kind}:${hex(w.addr)}:${w.len}:${w.access}:${w.perfName ?? ''}`),
    );
    this.source = new AsmSourceModel(() => this.programs());
    this.codeBps = new CodeBreakpoints(
      ids,
      () => this.source,
      () => this.threads,
    );
    this.conditions = new BreakpointConditions(sink);
    this.loop = new RunLoop(this.machine, timeline, {
      ranChunk: () => {
        this.flushOutput();
        this.sink.ranChunk();
      },
      cancelled: () => this.cancelled,
    });
  }

  /** Set by the session: evaluates an expression for conditions and log points. */
  get evaluator(): Evaluator | undefined {
    return this.conditions.evaluator;
  }

  set evaluator(e: Evaluator | undefined) {
    this.conditions.evaluator = e;
  }

  /** A source model for another language (C): line breakpoints and frames come from it. */
  useSourceModel(m: SourceModel): void {
    this.source = m;
  }

  /** wplab compare on the launched scenario: its steps under kernel 6.5 and 6.6, and where they differ. */
  compareKernels(): { ok: true; text: string } | { ok: false; message: string } {
    if (!this.compare) {
      return {
        ok: false,
        message:
          'compare runs a scenario from its start under kernel 6.5 and 6.6: launch with "scenario" ' +
          '(a program session has no steps to compare)',
      };
    }
    return { ok: true, text: this.compare() };
  }

  // ---- lookups --------------------------------------------------------------------------------

  thread(id: number): Task | undefined {
    return this.threads.find((t) => t.pid === id) ?? this.forked().find((t) => t.pid === id);
  }

  /** Processes the program forked (alive, zombies excepted) that the debugger does not trace: the
   * Call Stack lists them beside the traced threads; they run whenever the program runs. */
  forked(): Task[] {
    return this.machine.tasks.filter((t) => !t.startedOutside && t.alive && !this.threads.includes(t));
  }

  /** Programs loaded in the traced tasks, each once. */
  programs(): Program[] {
    return [...new Set(this.machine.tasks.map((t) => t.program))];
  }

  programFor(path: string): Program | undefined {
    return this.programs().find((p) => samePath(p.file, path));
  }

  /** A task's frames, innermost first, as the source model sees them. */
  frames(t: Task): Frame[] {
    return this.source.frames(t);
  }

  /** Sends what the tasks wrote since the last call. */
  flushOutput(): void {
    for (const t of this.machine.tasks) {
      const sent = this.outSent.get(t.pid) ?? 0;
      if (t.output.length <= sent) continue;
      const text = t.output
        .slice(sent)
        .map((b) => new TextDecoder().decode(b))
        .join('');
      this.outSent.set(t.pid, t.output.length);
      this.sink.output('stdout', text);
    }
  }

  // ---- code breakpoints -------------------------------------------------------------------------

  /** Replaces the line breakpoints of one file that are on code (data lines are watches, elsewhere). */
  setCodeBreakpoints(path: string, lines: LineBreakpointSpec[]): CodeBreakpoint[] {
    const out = this.codeBps.setLines(path, lines);
    this.resyncTraps();
    return out;
  }

  setInstructionBreakpoints(specs: InstructionBreakpointSpec[]): CodeBreakpoint[] {
    const out = this.codeBps.setInstructions(specs);
    this.resyncTraps();
    return out;
  }

  /** Breakpoints changed while the task runs: take the traps out and put the new set in. */
  private resyncTraps(): void {
    if (!this.running || (this.traps.empty && this.codeBps.size === 0)) return;
    this.traps.remove();
    this.insertTraps(this.running);
  }

  private insertTraps(t: Task): void {
    const addrs = new Set<bigint>(this.tempAddrs);
    for (const b of this.codeBps.all()) for (const a of b.addrs) addrs.add(a);
    this.traps.insert(t, addrs);
  }

  // ---- memory -----------------------------------------------------------------------------------

  /** Memory as the program sees it: the original words where traps are inserted. */
  readMemory(t: Task, addr: bigint, len: number): Uint8Array | undefined {
    const bytes = t.mem.readBytes(addr, len);
    return bytes ? this.traps.hide(t, addr, bytes) : undefined;
  }

  /** Writes memory as a debugger does (through page protections): the bytes written, all of them
   * or (allowPartial) the mapped ones from the start; 0 when none could be. */
  writeMemory(t: Task, addr: bigint, bytes: Uint8Array, allowPartial: boolean): number {
    const r = this.tracer.writeMemory(t, addr, bytes, allowPartial);
    return r.ok ? r.written : 0;
  }

  // ---- watches ----------------------------------------------------------------------------------

  addWatch(spec: WatchSpec): Watch {
    const w = this.watches.add(spec);
    this.sink.stateChanged();
    return w;
  }

  removeWatch(w: Watch): void {
    this.watches.remove(w);
    this.sink.stateChanged();
  }

  /** After a slot may have been freed: refused watches that fit now are set, and the editor told. */
  retryRefused(): void {
    for (const w of this.watches.retryRefused()) this.sink.watchChanged(w);
  }

  /** The data-line watch for a source line, if the line defines a data symbol. */
  dataSymbolOnLine(path: string, line: number): { name: string; addr: bigint; size: number } | undefined {
    const p = this.programFor(path);
    if (!p) return this.cGlobalOnLine(path, line);
    const s = dataSymbols(p).find((d) => d.line === line);
    if (s) return { name: s.name, addr: s.addr, size: s.size };
    // a data directive line after the label (`.quad 0` under `value:`): the symbol whose bytes it is
    const entry = p.lines.find((e) => e.line === line && !e.insn && e.size > 0);
    if (!entry) return undefined;
    const d = dataSymbols(p).find((x) => entry.addr >= x.addr && entry.addr < x.addr + BigInt(x.size));
    return d
      ? { name: d.name, addr: d.addr, size: d.size }
      : { name: hex(entry.addr), addr: entry.addr, size: Math.min(8, entry.size) };
  }

  /** The C global a line of a C source defines (DW_AT_decl_line), as its symbol's bytes. */
  private cGlobalOnLine(path: string, line: number): { name: string; addr: bigint; size: number } | undefined {
    for (const p of this.programs()) {
      const m = p.image ? dwarfProgramOf(p) : undefined;
      const name = m?.hasSource(path) ? m.globalDeclaredAt(path, line) : undefined;
      if (!name) continue;
      const s = dataSymbols(p).find((d) => d.name === name);
      if (s) return { name: s.name, addr: s.addr, size: s.size };
    }
    return undefined;
  }

  accessOfMode(mode: string | undefined): AccessType | 'perf' {
    switch (mode) {
      case 'read':
        return 'read';
      case 'access':
        return 'readWrite';
      case 'perf':
        return 'perf';
      default:
        return 'write';
    }
  }

  // ---- running ----------------------------------------------------------------------------------

  /** Where a running program is, for a request that comes in meanwhile: (run, chunks done). */
  position(): RunPosition | undefined {
    return this.running ? this.loop.position() : undefined;
  }

  get isRunning(): boolean {
    return this.running !== undefined;
  }

  /** The first stop of a launch: entry (or run to the first breakpoint). */
  start(): void {
    const t = this.threads[0];
    // a C program (DWARF with a main): the entry a C debugger stops at is main, after the C library's start-up
    const c = this.config.stopOnEntry && this.config.program !== undefined ? dwarfProgramOf(t.program) : undefined;
    const main = c?.info.functionNamed('main');
    if (main?.hasLines) {
      void this.runToMain(t, main.breakpointAddress);
      return;
    }
    if (this.config.stopOnEntry) {
      this.lastKind.set(t.pid, { kind: 'other', pc: t.thread.pc });
      this.sink.stateChanged();
      this.sink.stopped(entryReport(t, this.machine.icount));
    } else void this.resume(t, 'continue');
  }

  pause(): boolean {
    if (!this.running) return false;
    this.loop.requestPause();
    return true;
  }

  private async runToMain(t: Task, address: bigint): Promise<void> {
    if (this.running || !t.alive || t.state !== 'stopped') return;
    const entry = t.thread.pc;
    this.running = t;
    this.loop.clearPause();
    try {
      if ((await this.runFree(t, { pc: address, sp: 0n })) !== 'arrived') return;
      const at = dwarfProgramOf(t.program)?.lineAt(address);
      const where = at ? ` (${at.file.replace(/^.*[\\/]/, '')}:${at.line})` : '';
      const text =
        `Stopped in main${where}, after the C library's start-up from the entry ${hex(entry)} ` +
        `(icount ${this.machine.icount})`;
      this.reportStop({ reason: 'entry', threadId: t.pid, description: 'Paused on entry to main', text });
    } finally {
      this.running = undefined;
      this.tempAddrs = [];
    }
  }

  /** Resumes a thread (continue, a line step, step over a call, step out); reports the stop. */
  async resume(t: Task, how: Resume, granularity?: Granularity): Promise<void> {
    if (this.running || !t.alive || t.state !== 'stopped') return;
    this.running = t;
    this.loop.clearPause();
    try {
      if (how !== 'continue' && granularity !== 'instruction' && (await this.stepSource(t, how))) return;
      await this.resumeInner(t, how);
    } finally {
      this.running = undefined;
      this.tempAddrs = [];
    }
  }

  private async resumeInner(t: Task, how: Resume): Promise<void> {
    const last = this.lastKind.get(t.pid);
    // A fatal signal reported as an exception is delivered when the task resumes: the default
    // action (no handler is installed) kills it, as the kernel would.
    // (GDB passes faults; for the program's own trap this also ends the loop of re-executing it.)
    if (last && last.kind === 'fault' && last.pc === t.thread.pc && last.signal) {
      // (the machine ends it, not the Tracer's kill: the stop names the fault's signal, not SIGKILL)
      this.machine.kill(t);
      t.lastStop = { event: 'killed', signal: last.signal };
      this.finish(t, t.lastStop);
      return;
    }
    let temp: { pc: bigint; sp: bigint } | undefined;
    if (how === 'next') {
      const w = fetchWord(t.mem, t.thread.pc);
      if (w !== undefined && isCall(w)) temp = { pc: t.thread.pc + 4n, sp: t.thread.getGpr(1) };
      else how = 'step';
    } else if (how === 'stepOut') {
      const frames = this.source.frames(t);
      if (frames.length > 1) temp = { pc: frames[1].pc, sp: t.thread.getGpr(1) };
      else how = 'step';
    }
    if (how === 'step') return this.stepOnce(t);
    if ((await this.runFree(t, temp)) === 'arrived') this.reportStop(stepReport(t));
  }

  /**
   * A step by source line where the program has line information (C built with -g): the reader's
   * stepper decides after each instruction (sim/debuginfo/stepping.ts), calls are run over to
   * their return address. A breakpoint, a watchpoint or a signal on the way ends the step with
   * its own report. False when the pc has no line (glibc, _start): then by instruction.
   */
  private async stepSource(t: Task, how: Exclude<Resume, 'continue'>): Promise<boolean> {
    const last = this.lastKind.get(t.pid);
    if (last && last.kind === 'fault' && last.pc === t.thread.pc) return false;
    const m: DwarfProgram | undefined = dwarfProgramOf(t.program);
    if (!m || !m.lineAt(t.thread.pc)) return false;
    let n = 0;
    const kind = how === 'next' ? 'over' : how === 'step' ? 'into' : 'out';
    const end = await sourceStep<StopInfo | 'reported'>(m.info, kind, {
      target: () => targetOf(t, (a, len) => this.readMemory(t, a, len)),
      instruction: async () => {
        // a line that runs long (a loop on one line) stays pausable
        if (++n % 4096 === 0) {
          await new Promise<void>((r) => setImmediate(r));
          if (this.cancelled) return 'reported';
          if (this.loop.takePause()) {
            this.lastKind.set(t.pid, { kind: 'other', pc: t.thread.pc });
            this.reportStop(pauseReport(t));
            return 'reported';
          }
        }
        const s = this.singleStep(t);
        if (s.event !== 'stopped' || s.signal !== 'SIGTRAP') return s;
        if (s.si_code === 'TRAP_TRACE') return undefined;
        if (s.si_code === 'TRAP_HWBKPT') {
          // a watchpoint on the way stops the step as it stops a run (GDB's next); one that goes on
          // (the value unchanged, its condition false) is stepped over by the next instruction step
          const r = this.watchStop(t, s);
          if (!r) return undefined;
          this.reportStop(r);
          return 'reported';
        }
        return s;
      },
      runTo: async (address, sp) =>
        (await this.runFree(t, { pc: address, sp })) === 'arrived' ? undefined : 'reported',
    });
    if (end.kind === 'done') {
      this.lastKind.set(t.pid, { kind: 'other', pc: t.thread.pc });
      this.reportStop({ ...stepReport(t), ...(end.reason ? { text: `The step ended: ${end.reason}` } : {}) });
    } else if (end.stop !== 'reported') this.finish(t, end.stop);
    return true;
  }

  /** Runs the thread until a stop that is reported here ('reported') or, with `temp`, until the pc is
   * temp.pc with r1 >= temp.sp ('arrived': the caller reports it, or steps on). */
  private async runFree(t: Task, temp: { pc: bigint; sp: bigint } | undefined): Promise<'arrived' | 'reported'> {
    this.tempAddrs = temp ? [temp.pc] : [];
    const budget = { left: this.config.maxSteps };
    for (;;) {
      const pre = this.prepareResume(t);
      if (pre) {
        this.finish(t, pre);
        return 'reported';
      }
      this.insertTraps(t);
      this.resumeTask(t, false);
      const stop = await this.loop.run(t, budget);
      this.traps.remove();
      // the session was restarted, terminated or disconnected meanwhile: nothing to report
      if (this.cancelled) return 'reported';
      this.flushOutput();
      if (stop === 'pause' || stop === 'limit') {
        this.lastKind.set(t.pid, { kind: 'other', pc: t.thread.pc });
        this.sink.stateChanged();
        this.sink.stopped(stop === 'pause' ? pauseReport(t) : limitReport(t, this.config.maxSteps, true));
        return 'reported';
      }
      const s = stop;
      const pc = t.thread.pc;
      // A software breakpoint: the trap at the PC is one of ours.
      const ours = this.codeBps.at(pc).length > 0 || this.tempAddrs.includes(pc);
      if (s.event === 'stopped' && s.signal === 'SIGTRAP' && s.si_code === 'TRAP_BRKPT' && ours) {
        this.lastKind.set(t.pid, { kind: 'other', pc });
        if (temp && pc === temp.pc && t.thread.getGpr(1) >= temp.sp) return 'arrived';
        const hit = this.codeBps.at(pc).filter((b) => this.conditions.codeStops(t, b));
        if (hit.length === 0) continue;
        const ids = hit.map((b) => b.id);
        this.reportStop(
          breakpointReport(
            t,
            ids,
            hit.every((b) => b.kind === 'instruction'),
          ),
        );
        return 'reported';
      }
      if (s.event === 'stopped' && s.signal === 'SIGTRAP' && s.si_code === 'TRAP_HWBKPT') {
        const r = this.watchStop(t, s);
        if (!r) continue;
        this.reportStop(r);
        return 'reported';
      }
      this.finish(t, s);
      return 'reported';
    }
  }

  /** One instruction (PTRACE_SINGLESTEP). Off a watchpoint that fired (GDB re-arm), the step is
   * taken with it still disabled and it is re-armed after, so the step does not stop again at once. */
  private stepOnce(t: Task): void {
    const s = this.singleStep(t);
    if (s.event === 'stopped' && s.signal === 'SIGTRAP' && s.si_code === 'TRAP_TRACE') {
      this.reportStop(stepReport(t));
      return;
    }
    // A watchpoint on the stepped instruction is reported even if its condition is false: the step
    // ended there, before the instruction.
    this.finish(t, s);
  }

  /** PTRACE_SINGLESTEP, its stop not reported (a source step takes many). */
  private singleStep(t: Task): StopInfo {
    const last = this.lastKind.get(t.pid);
    const gdb = this.config.ptraceRearm === 'gdb';
    const atWatch = gdb && last?.kind === 'watch' && last.pc === t.thread.pc;
    if (gdb && !atWatch) this.rearm(t);
    this.resumeTask(t, true);
    const s = this.loop.runUntilStop(t, this.config.maxSteps);
    if (gdb && atWatch && t.alive) this.rearm(t);
    this.flushOutput();
    if (s.event === 'stopped' && s.signal === 'SIGTRAP' && s.si_code === 'TRAP_TRACE') {
      this.lastKind.set(t.pid, { kind: 'other', pc: t.thread.pc });
    }
    return s;
  }

  /** PTRACE_CONT or PTRACE_SINGLESTEP (the stop's signal discarded). The task is stopped here: the
   * resume guards it and every run ends in a stop. */
  private resumeTask(t: Task, singleStep: boolean): void {
    const r = this.tracer.resume(t, singleStep);
    if (!r.ok) throw new Error(`cannot resume ${t.name}: ${r.message}`);
  }

  private rearm(t: Task): void {
    for (const w of this.watches.rearm(t)) this.sink.watchChanged(w);
  }

  /**
   * Before any resume: step off a software breakpoint or (GDB re-arm) off the instruction whose
   * watchpoint fired, then re-arm the one-shot ptrace watchpoints. Returns a stop if the step off
   * ended somewhere that must be reported (another watchpoint, a fault, an exit).
   */
  private prepareResume(t: Task): StopInfo | undefined {
    const last = this.lastKind.get(t.pid);
    const pc = t.thread.pc;
    const gdb = this.config.ptraceRearm === 'gdb';
    const atTrap = this.codeBps.at(pc).length > 0 || this.tempAddrs.includes(pc);
    const atWatch =
      gdb &&
      last?.kind === 'watch' &&
      last.pc === pc &&
      this.watches.all().some((w) => this.watches.firedAndDisabled(w, t));
    if (atTrap || atWatch) {
      this.resumeTask(t, true);
      const s = this.loop.runUntilStop(t, this.config.maxSteps);
      this.lastKind.set(t.pid, { kind: 'other', pc: t.thread.pc });
      if (!(s.event === 'stopped' && s.signal === 'SIGTRAP' && s.si_code === 'TRAP_TRACE')) return s;
    }
    if (gdb) this.rearm(t);
    return undefined;
  }

  /** A TRAP_HWBKPT stop: which watches fired (the stop's decision), conditions, hit counts.
   * undefined: the debugger goes on (a false condition, a hit count not reached, a value kept). */
  private watchStop(t: Task, s: StopInfo, force = false): StopReport | undefined {
    this.lastKind.set(t.pid, { kind: 'watch', pc: t.thread.pc });
    const d = this.tracer.stopDecision(t);
    const fired = firedWatches(this.watches, t, s, d);
    if (!force && this.unchangedValue(t, fired, d?.seq)) return undefined;
    if (this.config.ptraceRearm === 'oneshot') for (const w of this.watches.markDisabled(t)) this.sink.watchChanged(w);
    const stopping = force ? fired : fired.filter((w) => this.conditions.watchStops(t, w));
    if (fired.length > 0 && stopping.length === 0) return undefined;
    return watchReport(t, s, stopping.length > 0 ? stopping : fired, d);
  }

  /**
   * "Break on Value Change" (breakOnValueChange "changed", GDB re-arming): the kernel stops the
   * task before every store to the watched bytes; when every watch that fired is a data breakpoint
   * on writes and the store is about to write what memory already holds, the debugger goes on
   * without a stop (as GDB's watch does), and says so beside the kernel's decision.
   */
  private unchangedValue(t: Task, fired: Watch[], decision: number | undefined): boolean {
    if (this.config.breakOnValueChange !== 'changed' || this.config.ptraceRearm !== 'gdb') return false;
    if (fired.length === 0 || !fired.every((w) => w.origin === 'data' && w.access === 'write')) return false;
    const p = previewAccess(t);
    if (!p || !fired.every((w) => storeKeeps(t, p, w.addr, w.len) === true)) return false;
    if (decision !== undefined) {
      const what = fired.map((w) => `${w.id} (${w.label})`).join(', ');
      const value = p.value !== undefined ? hex(p.value) : 'zeros';
      this.note(
        decision,
        `the debugger: "${p.insn}" writes ${value}, which ${what} already ${fired.length === 1 ? 'holds' : 'hold'}: ` +
          'the value does not change, so "Break on Value Change" went on without stopping ' +
          '(breakOnValueChange "changed"; "everyStore" stops here)',
      );
    }
    return true;
  }

  private note(seq: number, text: string): void {
    this.notes.set(seq, text);
    if (this.notes.size > 100_000) this.notes.delete(this.notes.keys().next().value as number);
  }

  private reportStop(r: StopReport): void {
    this.sink.stateChanged();
    this.sink.stopped(r);
  }

  /** Tasks that died outside a resume (the console's kill): report them as a resume's end would. */
  reportDeaths(): void {
    for (const t of this.threads)
      if (!t.alive && t.lastStop && !this.reportedDead.has(t.pid)) this.finish(t, t.lastStop);
  }

  /** Exits, kills and faults (and a stray SIGTRAP): the end of a resume that is not a breakpoint. */
  private finish(t: Task, s: StopInfo): void {
    if (s.event === 'exited' || s.event === 'killed') {
      if (this.reportedDead.has(t.pid)) return;
      this.reportedDead.add(t.pid);
      this.flushOutput();
      const how = s.event === 'exited' ? `exited with status ${s.exit_code}` : `was killed by ${s.signal}`;
      this.sink.output('console', `task ${t.name} (pid ${t.pid}) ${how}\n`);
      for (const w of this.watches.taskGone(t)) this.sink.watchChanged(w);
      this.sink.threadExited(t.pid);
      this.sink.stateChanged();
      if (!this.threads.some((x) => x.alive)) {
        const code = s.event === 'exited' ? (s.exit_code ?? 0) : 128 + signalNumber(s.signal);
        this.end(code);
      }
      return;
    }
    const other = () => this.lastKind.set(t.pid, { kind: 'other', pc: t.thread.pc });
    if (s.event === 'limit') {
      other();
      return this.reportStop(limitReport(t, this.config.maxSteps, false));
    }
    if (s.event === 'deadlock') {
      // every process sleeps and nothing can ever wake one (SCENARIOS §7): resuming changes nothing
      other();
      this.deadlocked.set(t.pid, s);
      return this.reportStop(deadlockReport(t, s));
    }
    if (s.event === 'livelock') {
      // the same watchpoint exception over and over without the instruction retiring (the machine
      // stopped it): resuming would only repeat it, unless the person changes something first
      other();
      return this.reportStop(livelockReport(t, s));
    }
    if (s.signal === 'SIGTRAP' && s.si_code === 'TRAP_HWBKPT') {
      return this.reportStop(this.watchStop(t, s, true) as StopReport);
    }
    if (s.signal === 'SIGTRAP' && s.si_code === 'TRAP_TRACE') {
      other();
      return this.reportStop(stepReport(t));
    }
    if (s.signal === 'SIGSTOP') {
      other();
      return this.reportStop(pauseReport(t));
    }
    this.lastKind.set(t.pid, { kind: 'fault', pc: t.thread.pc, signal: s.signal });
    this.reportStop(signalReport(t, s));
  }

  /** What an exception stop was (for exceptionInfo). */
  exceptionOf(t: Task): { signal: string; text: string } | undefined {
    const s = t.lastStop;
    const d = this.deadlocked.get(t.pid);
    if (d) return { signal: 'deadlock', text: d.message ?? 'deadlock' };
    if (s && s.event === 'livelock') return { signal: 'livelock', text: s.message ?? 'livelock' };
    if (!s || s.event !== 'stopped' || !s.signal) return undefined;
    return { signal: s.signal, text: describeSignal(t, s.signal, s.si_code, s.si_addr).description };
  }

  private end(code: number): void {
    if (this.ended) return;
    this.ended = true;
    this.sink.exited(code);
    this.sink.terminated();
  }

  /** Terminate: kill every task still alive, then end. */
  terminate(): void {
    this.cancelled = true;
    for (const t of this.machine.tasks) if (t.alive) this.machine.kill(t);
    this.end(137);
  }

  /** The session goes away: stop running at the next chunk. */
  dispose(): void {
    this.cancelled = true;
  }

  /**
   * Time travel restored this runtime to a checkpoint taken between two chunks of a run
   * (replay/replay-from-checkpoints.ts) and ran the machine on to the instant travelled to: the run
   * ends there as a replay halted there ends it (task interrupted, traps out, output flushed).
   */
  endRestoredRun(t: Task): void {
    // (the task interrupted between chunks as the run loop's halt does, not through the Tracer)
    this.machine.interrupt(t);
    this.traps.remove();
    this.flushOutput();
    this.lastKind.set(t.pid, { kind: 'other', pc: t.thread.pc });
    this.running = undefined;
    this.tempAddrs = [];
  }

  /** Bytes of program output the tasks wrote (what the Debug Console has shown, once flushed). */
  outputBytes(): number {
    let n = 0;
    for (const t of this.machine.tasks) for (const b of t.output) n += b.length;
    return n;
  }
}

/** bl/bla, bcl, bclrl, bcctrl, bctarl: branches that set LR (a call). */
export function isCall(w: number): boolean {
  const op = w >>> 26;
  if ((op === 18 || op === 16) && (w & 1) === 1) return true;
  if (op === 19 && (w & 1) === 1) {
    const xo = (w >>> 1) & 0x3ff;
    return xo === 16 || xo === 528 || xo === 560;
  }
  return false;
}

function signalNumber(s: string | undefined): number {
  const n: Record<string, number> = { SIGILL: 4, SIGTRAP: 5, SIGBUS: 7, SIGFPE: 8, SIGKILL: 9, SIGSEGV: 11 };
  return s ? (n[s] ?? 0) : 0;
}
