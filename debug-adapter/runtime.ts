// The debugger's runtime: the simulated machine and the tracer's calls behind the DAP session.
// It launches (a program or a scenario), keeps the breakpoints (software breakpoints as GDB inserts
// them: a trap written while the task runs, removed when it stops; watchpoints through ptrace and
// perf), runs the task in chunks so requests are answered while it runs, re-arms one-shot ptrace
// watchpoints as GDB does (or not), and turns each stop into one report for the session.
import * as fs from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { DebugProtocol } from '@vscode/debugprotocol';
import { addressesForLine, lineForAddress } from '../sim/asm/line-table';
import { fetchWord } from '../sim/cpu/fetch';
import { Machine } from '../sim/machine/machine';
import type { StopInfo, Task } from '../sim/machine/task';
import { Tracer } from '../sim/machine/tracer';
import { formatDiagnostic, type Program } from '../sim/program';
import { fsHost, MAX_SCENARIO_FILE, programFromBytes, readProgramFile, readTextFile } from '../sim/program-file';
import { parseScenario } from '../sim/scenario/parse-scenario';
import { compareScenario, compareText } from '../sim/scenario/compare';
import { prepareScenario } from '../sim/scenario/scenario-runner';
import { BreakpointIds } from './breakpoint-ids';
import { Timeline } from './replay/timeline';
import { WatchSet, type AccessType, type Watch, type WatchSpec } from './data-breakpoints';
import type { LaunchConfig, PerfDecl } from './launch-config';
import { describeSignal, describeWatchStop, previewAccess, shortened, storeKeeps } from './stop-description';
import { stackFrames } from './stack';
import { dataSymbols, hex } from './symbols';
import { sourceStep } from './source/line-step';
import { targetOf } from './source/source-dap';
import { sourceModelOf, type SourceModel } from './source/source-model';

/** ppc64 `trap` (tw 31,0,0): what GDB writes at a software breakpoint. */
const TRAP_WORD = 0x7fe00008;
/** Instructions per run chunk to start with: between chunks pending requests (pause) are answered.
 * The size adapts so that a chunk takes about CHUNK_MS whatever the program does (a loop that hits
 * a watchpoint on every iteration runs far fewer instructions per millisecond). */
const CHUNK = 100_000;
const CHUNK_MS = 15;
const CHUNK_MAX = 4_000_000;

export interface StopReport {
  reason: 'step' | 'breakpoint' | 'exception' | 'pause' | 'entry' | 'data breakpoint' | 'instruction breakpoint' | 'goto' | 'function breakpoint';
  threadId: number;
  description?: string;
  text?: string;
  hitBreakpointIds?: number[];
}

export interface RuntimeSink {
  stopped(r: StopReport): void;
  output(category: 'stdout' | 'stderr' | 'console', text: string, source?: { path: string; line: number }): void;
  threadExited(threadId: number): void;
  exited(code: number): void;
  terminated(): void;
  breakpointChanged(bp: DebugProtocol.Breakpoint): void;
  /** the machine state the panel shows may have changed (stop, breakpoints, perf) */
  stateChanged(): void;
  /** the machine ran a chunk (decisions and counters may have changed) */
  ranChunk(): void;
}

export interface CodeBreakpoint {
  id: number;
  kind: 'source' | 'instruction';
  /** file path (source breakpoints) */
  path?: string;
  line?: number;
  addrs: bigint[];
  condition?: string;
  hitCondition?: string;
  logMessage?: string;
  hits: number;
  verified: boolean;
  message?: string;
}

export type LaunchResult = { ok: true } | { ok: false; message: string; diagnostics?: string[] };

type Resume = 'continue' | 'step' | 'next' | 'stepOut';
/** DAP's stepping granularity: by source line (the default where the program has line information) or one instruction */
export type Granularity = 'line' | 'statement' | 'instruction' | undefined;

/** Reads a launch file (a regular file of bounded size: a device or a FIFO would never end); errors are values. */
function readText(path: string): { ok: true; text: string } | { ok: false; message: string } {
  return readTextFile(path, fsHost(fs), { kind: 'scenario', max: MAX_SCENARIO_FILE });
}

export function samePath(a: string, b: string): boolean {
  const n = (p: string) => resolve(p).replace(/\\/g, '/');
  return process.platform === 'win32' ? n(a).toLowerCase() === n(b).toLowerCase() : n(a) === n(b);
}

export class Runtime {
  machine!: Machine;
  tracer!: Tracer;
  config!: LaunchConfig;
  watches!: WatchSet;
  readonly codeBps = new Map<number, CodeBreakpoint>();
  /** a traced task whose resume ended in a deadlock (it sleeps in a system call nothing can end) */
  private readonly deadlocked = new Map<number, StopInfo>();
  /** tasks the debugger traces: the DAP threads */
  threads: Task[] = [];
  /** per task: how many output chunks were already sent */
  private outSent = new Map<number, number>();
  private inserted: Array<{ t: Task; addr: bigint; word: number }> = [];
  /** the task being run by a resume, if any */
  running: Task | undefined;
  private pauseRequested = false;
  private cancelled = false;
  /** per task: what its last stop was, for the next resume (step over a breakpoint, a watchpoint) */
  private lastKind = new Map<number, { kind: 'watch' | 'fault' | 'other'; pc: bigint; signal?: string }>();
  private ended = false;
  /** setup steps of a scenario launch, as text for the console */
  setupLog: string[] = [];
  /** what the debugger did with a decision, by its seq (a store that left a "Break on Value
   * Change" watch's value as it was: the kernel stopped the task, the debugger went on). Bounded. */
  readonly notes = new Map<number, string>();

  /** the machine's clock when the launch was done: nothing earlier can be travelled to */
  launchIcount = 0;
  /** a scenario launch: the scenario run from the start under kernel 6.5 and 6.6 (wplab compare) */
  private compare: (() => string) | undefined;
  private runNo = -1;
  private chunkNo = 0;

  constructor(readonly sink: RuntimeSink, readonly ids: BreakpointIds = new BreakpointIds(), readonly timeline: Timeline = new Timeline()) {}

  // ---- launch ---------------------------------------------------------------------------------

  launch(cfg: LaunchConfig): LaunchResult {
    this.config = cfg;
    const r = cfg.program !== undefined ? this.launchProgram(cfg, cfg.program) : this.launchScenario(cfg, cfg.scenario as string);
    if (!r.ok) return r;
    this.launchIcount = this.machine.icount;
    this.watches = new WatchSet(
      {
        machine: this.machine,
        tracer: this.tracer,
        tracedTasks: () => this.threads.filter((t) => t.alive),
        mainTask: () => this.threads.find((t) => t.alive),
      },
      (w) => this.ids.of(`watch:${w.origin}:${w.kind}:${hex(w.addr)}:${w.len}:${w.access}:${w.perfName ?? ''}`),
    );
    return { ok: true };
  }

  private machineFor(cfg: LaunchConfig, base: Partial<Machine['config']> = {}): void {
    this.machine = new Machine({
      ...base,
      ...(cfg.cpu ? { cpu: cfg.cpu } : {}),
      ...(cfg.cpus ? { cpus: cfg.cpus } : {}),
      ...(cfg.kernel ? { kernel: cfg.kernel } : {}),
      ...(cfg.dawrForceEnable !== undefined ? { dawrForceEnable: cfg.dawrForceEnable } : {}),
      ...(cfg.cwd ? { cwd: cfg.cwd } : {}),
      logCapacity: 1_000_000,
    });
    this.tracer = new Tracer(this.machine);
  }

  private launchProgram(cfg: LaunchConfig, path: string): LaunchResult {
    // an assembly source or an ELF executable (a regular file of bounded size)
    const src = readProgramFile(path, fsHost(fs));
    if (!src.ok) return { ok: false, message: `"program": ${path}: ${src.message}.` };
    const asm = programFromBytes(path, src.bytes);
    if (!asm.ok) {
      const diagnostics = asm.errors.map(formatDiagnostic);
      if (asm.errors.length === 1 && asm.errors[0].line === 0) return { ok: false, message: `"program": ${diagnostics[0]}`, diagnostics };
      return { ok: false, message: `"program": ${path} does not assemble (${asm.errors.length} error${asm.errors.length === 1 ? '' : 's'}):\n${diagnostics.join('\n')}`, diagnostics };
    }
    for (const w of asm.warnings ?? []) this.sink.output('console', formatDiagnostic(w) + '\n');
    this.machineFor(cfg);
    const cpuOk = this.checkCpus(cfg);
    if (cpuOk) return cpuOk;
    const name = path.replace(/^.*[\\/]/, '').replace(/\.[^.]*$/, '') || 'main';
    const t = this.machine.addTask({ name, program: asm.value, traced: true, stdin: new TextEncoder().encode(cfg.stdin) });
    this.threads = [t];
    return this.openPerf(cfg.perf, asm.value);
  }

  private checkCpus(cfg: LaunchConfig): LaunchResult | undefined {
    for (let i = 0; i < cfg.perf.length; i++) {
      const c = cfg.perf[i].cpu;
      if (c !== undefined && c >= this.machine.config.cpus) return { ok: false, message: `"perf[${i}].cpu": CPU ${c} does not exist (the machine has ${this.machine.config.cpus}; see "cpus").` };
    }
    return undefined;
  }

  /** The launch's perf counters; a kernel refusal is shown (not fatal): the panel shows what holds. */
  private openPerf(decls: PerfDecl[], program: Program): LaunchResult {
    for (let i = 0; i < decls.length; i++) {
      const d = decls[i];
      let addr = d.addr;
      if (d.symbol !== undefined) {
        const s = program.symbols.get(d.symbol);
        // (in a C program: a C object by name too, a file-scope static or a member: "origin.x")
        const c = s ? undefined : this.cObject(program, d.symbol);
        if (!s && !c?.ok) return { ok: false, message: `"perf[${i}].symbol": "${d.symbol}" is not a symbol of ${program.file}${c && !c.ok ? ` (${c.message})` : ''}.` };
        addr = s ? s.value : c?.ok ? c.address : undefined;
      }
      let task: Task | undefined;
      if (d.task !== undefined) {
        task = d.task === '' ? this.threads[0] : this.machine.task(d.task);
        if (!task) return { ok: false, message: `"perf[${i}].task": no task is named "${d.task}" (tasks: ${this.machine.tasks.map((t) => t.name).join(', ')}).` };
      }
      const r = this.tracer.perfOpen({ name: d.name, task, cpu: d.cpu ?? -1, addr: addr as bigint, len: BigInt(d.len), type: d.type, excludeUser: d.excludeUser, excludeKernel: d.excludeKernel, excludeHv: d.excludeHv });
      if (r.ok) this.sink.output('console', `perf counter "${d.name}": fd ${r.fd}, ${d.type} ${d.len} bytes at ${hex(addr as bigint)}${task ? ` for ${task.name}` : ` on cpu${d.cpu}`}\n`);
      else this.sink.output('stderr', `perf[${i}] ("${d.name}"): perf_event_open refused: ${r.message}\n`);
    }
    return { ok: true };
  }

  private launchScenario(cfg: LaunchConfig, path: string): LaunchResult {
    const src = readText(path);
    if (!src.ok) return { ok: false, message: `"scenario": ${path}: ${src.message}.` };
    const parsed = parseScenario(src.text, path);
    if (!parsed.ok) {
      const diagnostics = parsed.errors.map((e) => `${e.file}:${e.pos.line}:${e.pos.col}: ${e.message}`);
      return { ok: false, message: `"scenario": ${path} is not valid:\n${diagnostics.join('\n')}`, diagnostics };
    }
    const dir = dirname(path);
    const readFile = (p: string): Uint8Array | { error: string } => {
      const r = readProgramFile(resolve(dir, p), fsHost(fs));
      return r.ok ? r.bytes : { error: r.message };
    };
    const machine = { ...(cfg.cpu ? { cpu: cfg.cpu } : {}), ...(cfg.cpus ? { cpus: cfg.cpus } : {}), ...(cfg.dawrForceEnable !== undefined ? { dawrForceEnable: cfg.dawrForceEnable } : {}) };
    this.compare = () => {
      const c = compareScenario(parsed.scenario, { readFile, overrides: machine, maxSteps: cfg.maxSteps });
      if (c.kind === 'input-error') return c.errors.map((e) => `${e.file}:${e.pos.line}:${e.pos.col}: ${e.message}`).join('\n');
      return compareText(c, path.replace(/^.*[\\/]/, ''));
    };
    const prep = prepareScenario(parsed.scenario, {
      readFile,
      overrides: { ...machine, ...(cfg.kernel ? { kernel: cfg.kernel } : {}) },
      maxSteps: cfg.maxSteps,
      logCapacity: 1_000_000,
      resolvePath: (p: string) => resolve(dir, p),
    });
    if (prep.kind === 'input-error') {
      const diagnostics = prep.errors.map((e) => `${e.file}:${e.pos.line}:${e.pos.col}: ${e.message}`);
      return { ok: false, message: `"scenario": ${path}:\n${diagnostics.join('\n')}`, diagnostics };
    }
    this.machine = prep.machine;
    this.tracer = prep.tracer;
    this.threads = this.machine.tasks.filter((t) => t.traced);
    if (this.threads.length === 0) return { ok: false, message: `"scenario": ${path} has no traced task to debug.` };
    this.setupLog = prep.setupLog;
    const cpuOk = this.checkCpus(cfg);
    if (cpuOk) return cpuOk;
    return this.openPerf(cfg.perf, this.threads[0].program);
  }

  /** wplab compare on the launched scenario: its steps under kernel 6.5 and 6.6, and where they differ. */
  compareKernels(): { ok: true; text: string } | { ok: false; message: string } {
    if (!this.compare) return { ok: false, message: 'compare runs a scenario from its start under kernel 6.5 and 6.6: launch with "scenario" (a program session has no steps to compare)' };
    return { ok: true, text: this.compare() };
  }

  // ---- lookups --------------------------------------------------------------------------------

  thread(id: number): Task | undefined {
    return this.threads.find((t) => t.pid === id) ?? this.forked().find((t) => t.pid === id);
  }

  /** Processes the program forked (alive, zombies excepted) that the debugger does not trace: the
   * Call Stack lists them beside the traced threads; they run whenever the program runs. */
  forked(): Task[] {
    return this.machine ? this.machine.tasks.filter((t) => !t.startedOutside && t.alive && !this.threads.includes(t)) : [];
  }

  /** Programs loaded in the traced tasks, each once. */
  programs(): Program[] {
    return [...new Set(this.machine.tasks.map((t) => t.program))];
  }

  programFor(path: string): Program | undefined {
    return this.programs().find((p) => samePath(p.file, path));
  }

  /** Sends what the tasks wrote since the last call. */
  flushOutput(): void {
    for (const t of this.machine.tasks) {
      const sent = this.outSent.get(t.pid) ?? 0;
      if (t.output.length <= sent) continue;
      const text = t.output.slice(sent).map((b) => new TextDecoder().decode(b)).join('');
      this.outSent.set(t.pid, t.output.length);
      this.sink.output('stdout', text);
    }
  }

  // ---- code breakpoints -------------------------------------------------------------------------

  /** Replaces the source breakpoints of one file that are on code (data lines are watches, elsewhere). */
  setCodeBreakpoints(path: string, lines: DebugProtocol.SourceBreakpoint[]): CodeBreakpoint[] {
    for (const [id, b] of this.codeBps) if (b.kind === 'source' && b.path !== undefined && samePath(b.path, path)) this.codeBps.delete(id);
    const p = this.programFor(path);
    // a C source (or assembly built with -g) of an ELF program: the DWARF line table places it
    const src = p ? undefined : this.sourceOf(path);
    const out: CodeBreakpoint[] = [];
    const seen = new Map<number, number>();
    for (const sb of lines) {
      const nth = seen.get(sb.line) ?? 0;
      seen.set(sb.line, nth + 1);
      const placed = src?.lineBreakpoint(path, sb.line);
      const addrs = p ? addressesForLine(p, sb.line).filter((a) => lineForAddress(p, a)?.insn) : placed?.ok ? placed.addrs : [];
      const line = placed?.ok ? placed.line : sb.line;
      const b: CodeBreakpoint = { id: this.ids.of(`source:${resolve(path)}:${sb.line}:${nth}`), kind: 'source', path, line, addrs, condition: sb.condition, hitCondition: sb.hitCondition, logMessage: sb.logMessage, hits: 0, verified: addrs.length > 0 };
      if (placed && !placed.ok) b.message = placed.message;
      else if (!p && !src) b.message = `${path} is not the program of this session`;
      else if (addrs.length === 0) b.message = `line ${sb.line} has no instruction`;
      this.codeBps.set(b.id, b);
      out.push(b);
    }
    this.resyncTraps();
    return out;
  }

  setInstructionBreakpoints(bps: DebugProtocol.InstructionBreakpoint[]): CodeBreakpoint[] {
    for (const [id, b] of this.codeBps) if (b.kind === 'instruction') this.codeBps.delete(id);
    const out: CodeBreakpoint[] = [];
    for (const ib of bps) {
      let addr: bigint | undefined;
      try {
        addr = BigInt(ib.instructionReference) + BigInt(ib.offset ?? 0);
      } catch {
        addr = undefined;
      }
      const ok = addr !== undefined && (addr & 3n) === 0n && this.threads.some((t) => fetchWord(t.mem, addr as bigint) !== undefined);
      const b: CodeBreakpoint = { id: this.ids.of(`instruction:${ib.instructionReference}:${ib.offset ?? 0}`), kind: 'instruction', addrs: ok ? [addr as bigint] : [], condition: ib.condition, hitCondition: ib.hitCondition, hits: 0, verified: ok };
      if (!ok) b.message = `${ib.instructionReference}${ib.offset ? `+${ib.offset}` : ''} is not the address of an instruction`;
      this.codeBps.set(b.id, b);
      out.push(b);
    }
    this.resyncTraps();
    return out;
  }

  private bpAt(addr: bigint): CodeBreakpoint[] {
    const r: CodeBreakpoint[] = [];
    for (const b of this.codeBps.values()) if (b.addrs.includes(addr)) r.push(b);
    return r;
  }

  private insertTraps(t: Task, extra: bigint[] = []): void {
    const addrs = new Set<bigint>(extra);
    for (const b of this.codeBps.values()) for (const a of b.addrs) addrs.add(a);
    const word = new Uint8Array(4);
    new DataView(word.buffer).setUint32(0, TRAP_WORD, true);
    for (const a of addrs) {
      const old = fetchWord(t.mem, a);
      if (old === undefined || this.inserted.some((i) => i.t === t && i.addr === a)) continue;
      if (t.mem.writeBytesAs(a, word, true)) this.inserted.push({ t, addr: a, word: old });
    }
  }

  private removeTraps(): void {
    for (const i of this.inserted.reverse()) {
      const b = new Uint8Array(4);
      new DataView(b.buffer).setUint32(0, i.word >>> 0, true);
      i.t.mem.writeBytesAs(i.addr, b, true);
    }
    this.inserted = [];
  }

  private tempAddrs: bigint[] = [];
  private chunk = CHUNK;

  /** Breakpoints changed while the task runs: take the traps out and put the new set in. */
  private resyncTraps(): void {
    if (!this.running || this.inserted.length === 0 && this.codeBps.size === 0) return;
    const t = this.running;
    this.removeTraps();
    this.insertTraps(t, this.tempAddrs);
  }

  /** Memory as the program sees it: the original words where traps are inserted. */
  readMemory(t: Task, addr: bigint, len: number): Uint8Array | undefined {
    const bytes = t.mem.readBytes(addr, len);
    if (!bytes) return undefined;
    for (const i of this.inserted) {
      if (i.t !== t) continue;
      for (let k = 0; k < 4; k++) {
        const a = i.addr + BigInt(k);
        if (a >= addr && a < addr + BigInt(len)) bytes[Number(a - addr)] = (i.word >>> (8 * k)) & 0xff;
      }
    }
    return bytes;
  }

  /** Writes memory as PTRACE_POKEDATA does (through page protections): the bytes written, all of
   * them or (allowPartial) the mapped ones from the start. */
  writeMemory(t: Task, addr: bigint, bytes: Uint8Array, allowPartial: boolean): number {
    if (t.mem.writeBytesAs(addr, bytes, true)) return bytes.length;
    let written = 0;
    if (allowPartial) {
      while (written < bytes.length && t.mem.writeBytesAs(addr + BigInt(written), bytes.subarray(written, written + 1), true)) written++;
    }
    return written;
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
    for (const w of this.watches.retryRefused()) this.sink.breakpointChanged(this.watches.toBreakpoint(w));
  }

  // ---- running ----------------------------------------------------------------------------------

  /** Where a running program is, for a request that comes in meanwhile: (run, chunks done). */
  position(): { run: number; chunk: number } | undefined {
    return this.running ? { run: this.runNo, chunk: this.chunkNo } : undefined;
  }

  /** machine.run, never past haltAt: reaching it halts the replay there. */
  private runMachine(t: Task, budget: number): StopInfo | undefined {
    const n = this.clamp(budget);
    const s = n > 0 ? this.machine.run(t, n) : undefined;
    if (!s && this.timeline.haltAt !== undefined && this.machine.icount >= this.timeline.haltAt) this.timeline.halted = true;
    return s;
  }

  /** machine.runUntilStop, never past haltAt (a halt stops the task where it is). */
  private runUntilStop(t: Task, max: number): StopInfo {
    const s = this.runMachine(t, max);
    if (s) return s;
    return this.timeline.halted ? this.machine.interrupt(t) : this.machine.runUntilStop(t, 0);
  }

  private clamp(budget: number): number {
    if (this.timeline.haltAt === undefined) return budget;
    const left = this.timeline.haltAt - this.machine.icount;
    if (left <= 0) this.timeline.halted = true;
    return Math.max(0, Math.min(budget, left));
  }

  get isRunning(): boolean {
    return this.running !== undefined;
  }

  /** The first stop of a launch: entry (or run to the first breakpoint). */
  start(): void {
    const t = this.threads[0];
    // a C program (DWARF with a main): the entry a C debugger stops at is main, after the C library's start-up
    const main = this.config.stopOnEntry && this.config.program !== undefined ? sourceModelOf(t.program)?.info.functionNamed('main') : undefined;
    if (main?.hasLines) {
      void this.runToMain(t, main.breakpointAddress);
      return;
    }
    if (this.config.stopOnEntry) {
      this.lastKind.set(t.pid, { kind: 'other', pc: t.thread.pc });
      this.sink.stateChanged();
      this.sink.stopped({ reason: 'entry', threadId: t.pid, description: 'Paused on entry', text: `Stopped at the entry ${hex(t.thread.pc)}, before the first instruction (icount ${this.machine.icount})` });
    } else void this.resume(t, 'continue');
  }

  pause(): boolean {
    if (!this.running) return false;
    this.pauseRequested = true;
    return true;
  }

  private async runToMain(t: Task, address: bigint): Promise<void> {
    if (this.running || !t.alive || t.state !== 'stopped') return;
    const entry = t.thread.pc;
    this.running = t;
    this.pauseRequested = false;
    try {
      if ((await this.runFree(t, { pc: address, sp: 0n })) !== 'arrived') return;
      const at = sourceModelOf(t.program)?.lineAt(address);
      const where = at ? ` (${at.file.replace(/^.*[\\/]/, '')}:${at.line})` : '';
      this.reportStop(t, { reason: 'entry', threadId: t.pid, description: 'Paused on entry to main', text: `Stopped in main${where}, after the C library's start-up from the entry ${hex(entry)} (icount ${this.machine.icount})` });
    } finally {
      this.running = undefined;
      this.tempAddrs = [];
    }
  }

  /** Resumes a thread (continue, a line step, step over a call, step out); reports the stop. */
  async resume(t: Task, how: Resume, granularity?: Granularity): Promise<void> {
    if (this.running || !t.alive || t.state !== 'stopped') return;
    this.running = t;
    this.pauseRequested = false;
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
      const frames = stackFrames(t);
      if (frames.length > 1) temp = { pc: frames[1].pc, sp: t.thread.getGpr(1) };
      else how = 'step';
    }
    if (how === 'step') return this.stepOnce(t);
    if ((await this.runFree(t, temp)) === 'arrived') this.reportStop(t, { reason: 'step', threadId: t.pid });
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
    const m: SourceModel | undefined = sourceModelOf(t.program);
    if (!m || !m.lineAt(t.thread.pc)) return false;
    let n = 0;
    const end = await sourceStep<StopInfo | 'reported'>(m.info, how === 'next' ? 'over' : how === 'step' ? 'into' : 'out', {
      target: () => targetOf(t, (a, len) => this.readMemory(t, a, len)),
      instruction: async () => {
        // a line that runs long (a loop on one line) stays pausable
        if (++n % 4096 === 0) {
          await new Promise<void>((r) => setImmediate(r));
          if (this.cancelled) return 'reported';
          if (this.pauseRequested) {
            this.pauseRequested = false;
            this.reportStop(t, { reason: 'pause', threadId: t.pid, description: `Paused at ${hex(t.thread.pc)}` });
            return 'reported';
          }
        }
        const s = this.singleStep(t);
        return s.event === 'stopped' && s.signal === 'SIGTRAP' && s.si_code === 'TRAP_TRACE' ? undefined : s;
      },
      runTo: async (address, sp) => ((await this.runFree(t, { pc: address, sp })) === 'arrived' ? undefined : 'reported'),
    });
    if (end.kind === 'done') {
      this.lastKind.set(t.pid, { kind: 'other', pc: t.thread.pc });
      this.reportStop(t, { reason: 'step', threadId: t.pid, ...(end.reason ? { text: `The step ended: ${end.reason}` } : {}) });
    } else if (end.stop !== 'reported') this.finish(t, end.stop);
    return true;
  }

  /** C object by name (a perf counter's "symbol" in a C program): its address through DWARF. */
  private cObject(p: Program, name: string): { ok: true; address: bigint } | { ok: false; message: string } | undefined {
    const m = sourceModelOf(p);
    const t = this.threads.find((x) => x.program === p) ?? this.threads[0];
    if (!m || !t) return undefined;
    return m.symbolObject(targetOf(t, (a, len) => this.readMemory(t, a, len)), name);
  }

  /** The source model of the program that was built from `path` (a .c file), if any. */
  private sourceOf(path: string): SourceModel | undefined {
    for (const p of this.programs()) {
      const m = p.image ? sourceModelOf(p) : undefined;
      if (m?.hasSource(path)) return m;
    }
    return undefined;
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
      this.insertTraps(t, this.tempAddrs);
      this.machine.resume(t, false);
      const stop = await this.runChunks(t, budget);
      this.removeTraps();
      // the session was restarted, terminated or disconnected meanwhile: nothing to report
      if (this.cancelled) return 'reported';
      this.flushOutput();
      if (stop === 'pause' || stop === 'limit') {
        this.lastKind.set(t.pid, { kind: 'other', pc: t.thread.pc });
        this.sink.stateChanged();
        this.sink.stopped(
          stop === 'pause'
            ? { reason: 'pause', threadId: t.pid, description: `Paused at ${hex(t.thread.pc)}` }
            : { reason: 'pause', threadId: t.pid, description: 'Paused: step limit', text: `Stopped by the step limit: ${this.config.maxSteps} instructions since the last resume ("maxSteps"), at ${hex(t.thread.pc)}` },
        );
        return 'reported';
      }
      const s = stop as StopInfo;
      // A software breakpoint: the trap at the PC is one of ours.
      if (s.event === 'stopped' && s.signal === 'SIGTRAP' && s.si_code === 'TRAP_BRKPT' && (this.bpAt(t.thread.pc).length > 0 || this.tempAddrs.includes(t.thread.pc))) {
        const pc = t.thread.pc;
        this.lastKind.set(t.pid, { kind: 'other', pc });
        if (temp && pc === temp.pc && t.thread.getGpr(1) >= temp.sp) return 'arrived';
        const hit = this.bpAt(pc).filter((b) => this.shouldStop(t, b));
        if (hit.length === 0) continue;
        const reason = hit.every((b) => b.kind === 'instruction') ? 'instruction breakpoint' : 'breakpoint';
        this.reportStop(t, { reason, threadId: t.pid, hitBreakpointIds: hit.map((b) => b.id), description: `Breakpoint at ${hex(pc)}` });
        return 'reported';
      }
      if (s.event === 'stopped' && s.signal === 'SIGTRAP' && s.si_code === 'TRAP_HWBKPT') {
        const r = this.watchStop(t, s);
        if (!r) continue;
        this.reportStop(t, r);
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
      this.reportStop(t, { reason: 'step', threadId: t.pid });
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
    this.machine.resume(t, true);
    const s = this.runUntilStop(t, this.config.maxSteps);
    if (gdb && atWatch && t.alive) this.rearm(t);
    this.flushOutput();
    if (s.event === 'stopped' && s.signal === 'SIGTRAP' && s.si_code === 'TRAP_TRACE') this.lastKind.set(t.pid, { kind: 'other', pc: t.thread.pc });
    return s;
  }

  private rearm(t: Task): void {
    for (const w of this.watches.rearm(t)) this.sink.breakpointChanged(this.watches.toBreakpoint(w));
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
    const atTrap = this.bpAt(pc).length > 0 || this.tempAddrs.includes(pc);
    const atWatch = gdb && last?.kind === 'watch' && last.pc === pc && this.watches.all().some((w) => this.watches.firedAndDisabled(w, t));
    if (atTrap || atWatch) {
      this.machine.resume(t, true);
      const s = this.runUntilStop(t, this.config.maxSteps);
      this.lastKind.set(t.pid, { kind: 'other', pc: t.thread.pc });
      if (!(s.event === 'stopped' && s.signal === 'SIGTRAP' && s.si_code === 'TRAP_TRACE')) return s;
    }
    if (gdb) this.rearm(t);
    return undefined;
  }

  private async runChunks(t: Task, budget: { left: number }): Promise<StopInfo | 'pause' | 'limit'> {
    const script = this.timeline.replayRuns?.[this.timeline.runs.length];
    const record: number[] = [];
    this.timeline.runs.push(record);
    this.runNo = this.timeline.runs.length - 1;
    this.chunkNo = 0;
    for (;;) {
      let n = Math.min(this.chunk, budget.left);
      if (script) {
        // a replay runs the recorded chunks; where they end, the program was paused
        if (this.chunkNo >= script.length) {
          this.machine.interrupt(t);
          return 'pause';
        }
        n = script[this.chunkNo];
      }
      const before = this.machine.icount;
      const exceptionsBefore = this.machine.exceptions;
      const t0 = Date.now();
      const s = this.runMachine(t, n);
      const ran = this.machine.icount - before;
      const ms = Date.now() - t0;
      record.push(this.timeline.halted ? ran : n);
      this.chunkNo++;
      // (maxSteps bounds the exceptions taken as well as the instructions run: see Machine.run)
      budget.left -= Math.max(ran, this.machine.exceptions - exceptionsBefore);
      if (this.timeline.halted) {
        this.machine.interrupt(t);
        return 'pause';
      }
      if (!s && !script) this.chunk = Math.max(1000, Math.min(CHUNK_MAX, Math.round(ms > 0 ? (this.chunk * CHUNK_MS) / ms : this.chunk * 2)));
      if (s) return s;
      if (budget.left <= 0) {
        this.machine.interrupt(t);
        return 'limit';
      }
      this.flushOutput();
      this.sink.ranChunk();
      this.timeline.betweenChunks?.(this.runNo, this.chunkNo);
      // Let requests in (pause, breakpoints, the panel) between chunks.
      await new Promise<void>((r) => setImmediate(r));
      if (this.cancelled) {
        this.machine.interrupt(t);
        return 'pause';
      }
      if (this.pauseRequested && !script) {
        this.pauseRequested = false;
        this.machine.interrupt(t);
        return 'pause';
      }
    }
  }

  /** A TRAP_HWBKPT stop: which watches fired (from the handler's decision), conditions, hit counts. */
  private watchStop(t: Task, s: StopInfo, force = false): StopReport | undefined {
    this.lastKind.set(t.pid, { kind: 'watch', pc: t.thread.pc });
    const fired = this.firedWatches(t, s);
    if (!force && this.unchangedValue(t, fired)) return undefined;
    if (this.config.ptraceRearm === 'oneshot') for (const w of this.watches.markDisabled(t)) this.sink.breakpointChanged(this.watches.toBreakpoint(w));
    const stopping = force ? fired : fired.filter((w) => this.shouldStopWatch(t, w));
    if (fired.length > 0 && stopping.length === 0) return undefined;
    const shown = stopping.length > 0 ? stopping : fired;
    const labels = shown.map((w) => `${w.id} (${w.access === 'readWrite' ? 'access' : w.access} ${w.label})`);
    const d = describeWatchStop(t, s.si_addr, labels.length > 0 ? labels : this.foreignHandles(t, s));
    return { reason: 'data breakpoint', threadId: t.pid, hitBreakpointIds: shown.map((w) => w.id), description: d.description, text: d.text };
  }

  /**
   * "Break on Value Change" (breakOnValueChange "changed", GDB re-arming): the kernel stops the
   * task before every store to the watched bytes; when every watch that fired is a data breakpoint
   * on writes and the store is about to write what memory already holds, the debugger goes on
   * without a stop (as GDB's watch does), and says so beside the kernel's decision.
   */
  private unchangedValue(t: Task, fired: Watch[]): boolean {
    if (this.config.breakOnValueChange !== 'changed' || this.config.ptraceRearm !== 'gdb') return false;
    if (fired.length === 0 || !fired.every((w) => w.origin === 'data' && w.access === 'write')) return false;
    const p = previewAccess(t);
    if (!p || !fired.every((w) => storeKeeps(t, p, w.addr, w.len) === true)) return false;
    const d = this.lastSignalDecision(t);
    if (d) {
      const what = fired.map((w) => `${w.id} (${w.label})`).join(', ');
      this.note(d.seq, `the debugger: "${p.insn}" writes ${p.value !== undefined ? hex(p.value) : 'zeros'}, which ${what} already ${fired.length === 1 ? 'holds' : 'hold'}: the value does not change, so "Break on Value Change" went on without stopping (breakOnValueChange "changed"; "everyStore" stops here)`);
    }
    return true;
  }

  private note(seq: number, text: string): void {
    this.notes.set(seq, text);
    if (this.notes.size > 100_000) this.notes.delete(this.notes.keys().next().value as number);
  }

  /** A watchpoint the console set (not one of the editor's): named by its handle. */
  private foreignHandles(t: Task, s: StopInfo): string[] {
    const d = this.lastSignalDecision(t);
    return d ? d.slots.filter((x) => x.owner === 'ptrace' && x.result !== 'miss').map((x) => x.bp) : s.si_addr !== undefined ? [hex(s.si_addr)] : [];
  }

  private lastSignalDecision(t: Task) {
    const recent = this.machine.log.recent(8);
    for (let i = recent.length - 1; i >= 0; i--) {
      const d = recent[i];
      if (d.task === t.name && d.effects.some((e) => e.kind === 'signal')) return d;
    }
    return undefined;
  }

  private firedWatches(t: Task, s: StopInfo): Watch[] {
    const d = this.lastSignalDecision(t);
    const out: Watch[] = [];
    if (d) {
      for (const slot of d.slots) {
        if (slot.owner !== 'ptrace' || slot.result !== 'hit') continue;
        const w = this.watches.byBpName(slot.bp);
        if (w && !out.includes(w)) out.push(w);
      }
    }
    if (out.length === 0 && s.si_addr !== undefined) out.push(...this.watches.containing(t, s.si_addr));
    return out;
  }

  private shouldStopWatch(t: Task, w: Watch): boolean {
    if (w.condition && w.condition.trim() !== '') {
      const c = this.evalCondition(t, w.condition);
      if (c === false) return false;
    }
    w.hits++;
    return hitConditionMet(w.hitCondition, w.hits);
  }

  private shouldStop(t: Task, b: CodeBreakpoint): boolean {
    if (b.condition && b.condition.trim() !== '' && this.evalCondition(t, b.condition) === false) return false;
    b.hits++;
    if (!hitConditionMet(b.hitCondition, b.hits)) return false;
    if (b.logMessage !== undefined && b.logMessage !== '') {
      this.sink.output('console', this.interpolate(t, b.logMessage) + '\n', b.path && b.line ? { path: b.path, line: b.line } : undefined);
      return false;
    }
    return true;
  }

  /** Set by the session: evaluates an expression for conditions and log points. */
  evaluator: ((t: Task, expr: string) => { ok: true; value: bigint } | { ok: false; message: string }) | undefined;

  private evalCondition(t: Task, expr: string): boolean | undefined {
    const r = this.evaluator?.(t, expr);
    if (!r) return undefined;
    if (!r.ok) {
      this.sink.output('stderr', `condition "${expr}": ${r.message} (the breakpoint stops)\n`);
      return true;
    }
    return r.value !== 0n;
  }

  private interpolate(t: Task, msg: string): string {
    return msg.replace(/\{([^}]+)\}/g, (_, e: string) => {
      const r = this.evaluator?.(t, e);
      return r && r.ok ? hex(r.value) : `<${r && !r.ok ? r.message : 'error'}>`;
    });
  }

  private reportStop(t: Task, r: StopReport): void {
    this.sink.stateChanged();
    this.sink.stopped(r);
  }

  private reportedDead = new Set<number>();

  /** Tasks that died outside a resume (the console's kill): report them as a resume's end would. */
  reportDeaths(): void {
    for (const t of this.threads) if (!t.alive && t.lastStop && !this.reportedDead.has(t.pid)) this.finish(t, t.lastStop);
  }

  /** Exits, kills and faults (and a stray SIGTRAP): the end of a resume that is not a breakpoint. */
  private finish(t: Task, s: StopInfo): void {
    if (s.event === 'exited' || s.event === 'killed') {
      if (this.reportedDead.has(t.pid)) return;
      this.reportedDead.add(t.pid);
      this.flushOutput();
      const how = s.event === 'exited' ? `exited with status ${s.exit_code}` : `was killed by ${s.signal}`;
      this.sink.output('console', `task ${t.name} (pid ${t.pid}) ${how}\n`);
      for (const w of this.watches.taskGone(t)) this.sink.breakpointChanged(this.watches.toBreakpoint(w));
      this.sink.threadExited(t.pid);
      this.sink.stateChanged();
      if (!this.threads.some((x) => x.alive)) {
        const code = s.event === 'exited' ? (s.exit_code ?? 0) : 128 + signalNumber(s.signal);
        this.end(code);
      }
      return;
    }
    if (s.event === 'limit') {
      this.lastKind.set(t.pid, { kind: 'other', pc: t.thread.pc });
      this.reportStop(t, { reason: 'pause', threadId: t.pid, description: 'Paused: step limit', text: `Stopped by the step limit ("maxSteps": ${this.config.maxSteps} instructions since the last resume) at ${hex(t.thread.pc)}` });
      return;
    }
    if (s.event === 'deadlock') {
      // every process sleeps and nothing can ever wake one (SCENARIOS §7): resuming changes nothing
      this.lastKind.set(t.pid, { kind: 'other', pc: t.thread.pc });
      this.deadlocked.set(t.pid, s);
      this.reportStop(t, { reason: 'exception', threadId: t.pid, description: 'Deadlock', text: s.message ?? 'deadlock: every process sleeps and nothing can wake one' });
      return;
    }
    if (s.event === 'livelock') {
      // the same watchpoint exception over and over without the instruction retiring (the machine
      // stopped it): resuming would only repeat it, unless the person changes something first
      this.lastKind.set(t.pid, { kind: 'other', pc: t.thread.pc });
      this.reportStop(t, { reason: 'exception', threadId: t.pid, description: s.message ?? `Livelock at ${hex(t.thread.pc)}`, text: 'livelock' });
      return;
    }
    if (s.signal === 'SIGTRAP' && s.si_code === 'TRAP_HWBKPT') {
      this.reportStop(t, this.watchStop(t, s, true) as StopReport);
      return;
    }
    if (s.signal === 'SIGTRAP' && s.si_code === 'TRAP_TRACE') {
      this.lastKind.set(t.pid, { kind: 'other', pc: t.thread.pc });
      this.reportStop(t, { reason: 'step', threadId: t.pid });
      return;
    }
    if (s.signal === 'SIGSTOP') {
      this.lastKind.set(t.pid, { kind: 'other', pc: t.thread.pc });
      this.reportStop(t, { reason: 'pause', threadId: t.pid, description: `Paused at ${hex(t.thread.pc)}` });
      return;
    }
    this.lastKind.set(t.pid, { kind: 'fault', pc: t.thread.pc, signal: s.signal });
    const d = describeSignal(t, s.signal ?? 'signal', s.si_code, s.si_addr);
    // short in the Call Stack view; the whole sentence in the exception widget (exceptionInfo) and the text
    this.reportStop(t, { reason: 'exception', threadId: t.pid, description: shortened(d.description.replace(/ at 0x.*$/, '')), text: `${d.description}. ${d.text}` });
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
    if (!this.machine) return this.end(0);
    for (const t of this.machine.tasks) if (t.alive) this.machine.kill(t);
    this.end(137);
  }

  /** The session goes away: stop running at the next chunk. */
  dispose(): void {
    this.cancelled = true;
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
    return d ? { name: d.name, addr: d.addr, size: d.size } : { name: hex(entry.addr), addr: entry.addr, size: Math.min(8, entry.size) };
  }

  /** The C global a line of a C source defines (DW_AT_decl_line), as its symbol's bytes. */
  private cGlobalOnLine(path: string, line: number): { name: string; addr: bigint; size: number } | undefined {
    for (const p of this.programs()) {
      const m = p.image ? sourceModelOf(p) : undefined;
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

/** `N` or `>= N`: from the Nth hit on; `== N`, `> N`, `< N`, `<= N`; `% N`: every Nth. */
export function hitConditionMet(cond: string | undefined, hits: number): boolean {
  if (!cond || cond.trim() === '') return true;
  const m = /^\s*(>=|<=|==|=|>|<|%)?\s*(\d+)\s*$/.exec(cond);
  if (!m) return true;
  const n = Number(m[2]);
  switch (m[1]) {
    case '==':
    case '=':
      return hits === n;
    case '>':
      return hits > n;
    case '<':
      return hits < n;
    case '<=':
      return hits <= n;
    case '%':
      return n > 0 && hits % n === 0;
    default:
      return hits >= n;
  }
}

function signalNumber(s: string | undefined): number {
  const n: Record<string, number> = { SIGILL: 4, SIGTRAP: 5, SIGBUS: 7, SIGFPE: 8, SIGKILL: 9, SIGSEGV: 11 };
  return s ? (n[s] ?? 0) : 0;
}
