// The simulated Linux/POWER machine: CPUs (interpreter cores with their DAWRs), tasks, the scheduler,
// and the kernel paths that matter for watchpoints: the DAWR exception, the single-step exception,
// system calls whose copies into user memory are kernel-mode accesses, and signal delivery.
import { Core, type CoreStop, type DawrProgram } from '../cpu/core';
import { pvrOf } from '../cpu/isa/spr';
import { MSR_SE, USER_MSR } from '../cpu/thread-state';
import type { Decision } from '../decision';
import { Kernel } from '../os/kernel';
import { loadProgram, baseName } from '../os/program-loader';
import { ProcessState } from '../os/process-state';
import type { SyscallContext } from '../os/syscalls/context';
import { dispatchSyscall } from '../os/syscalls/table';
import { FileInode } from '../os/vfs/inode';
import { OpenFile, O } from '../os/vfs/open-file';
import { cpuModel, type CpuModel } from '../hwbp/cpu-model';
import { DecisionLog } from '../hwbp/decision-log';
import { handleDawrException, handleSingleStep } from '../hwbp/handler';
import { SteppedInsn, type InsnText } from '../hwbp/decision-record';
import type { HwContext, InstrDetail, TrapRegs } from '../hwbp/hw-context';
import { HwBreakpointSubsystem } from '../hwbp/subsystem';
import { SlotHistory } from '../hwbp/slot-history';
import type { SlotsEvent } from '../hwbp/views';
import type { Program } from '../program';
import { analyseAccessNum, type AccessNum } from '../cpu/analyse';
import { fetchWordNum, isPrefix, readInstrDetail, steppedInsn } from './instr-detail';
import { NumInstrDetail, UserTrapRegs } from './trap-state';
import { DEFAULT_MACHINE, KERNEL_COPY_PC, type MachineConfig } from './machine-config';
import { Scheduler, type RunQueue } from './scheduler';
import { SignalDelivery } from './signal-delivery';
import type { PendingSignal, SignalName } from './signals';
import { Task, type StopInfo } from './task';
import { BLOCKED, type SleepRequest } from '../os/wait-queue';
import { E } from '../os/errno';
import { KERNEL_SYMBOLS, kernelSymbol } from '../os/kernel-symbols';
import { GuestPerf } from './guest-perf';
import { ptraceCalls } from './guest-ptrace';
import { Processes } from './processes';
import { Timers } from './timers';
import { setRegister } from './registers-by-name';
import { Tracer } from './tracer';

export interface TaskSpec {
  name: string;
  program: Program;
  entry?: bigint;
  regs?: Array<{ reg: string; value: bigint }>;
  cpu?: number;
  traced: boolean;
  stdin?: Uint8Array;
  /** read when `stdin` is used up, as the program reads (wplab exec's own standard input); empty: EOF */
  stdinSource?: (max: number) => Uint8Array;
  /** argv and the environment of an ELF program (default: argv [program path], no environment) */
  argv?: readonly string[];
  envp?: readonly string[];
  /** where the program's standard output and error go (default: the task's `output`) */
  stdout?: (bytes: Uint8Array) => void;
  stderr?: (bytes: Uint8Array) => void;
}

const NOT_MSR_SE = ~MSR_SE;
/** the usual MSR with MSR_SE: a perf step's (compared before any bigint arithmetic) */
const USER_MSR_SE = USER_MSR | MSR_SE;
const TWO52 = 2 ** 52;

const CR0_SO = 0x10000000;

/** Calls f for each naturally aligned piece (<= 8 bytes) of [ea, ea+len), ascending; false stops. */
function eachDoubleword(ea: bigint, len: number, f: (a: bigint, n: number) => boolean): boolean {
  let a = ea;
  let left = len;
  while (left > 0) {
    const n = Math.min(left, 8 - Number(a & 7n));
    if (!f(a, n)) return false;
    a += BigInt(n);
    left -= n;
  }
  return true;
}

const FAULT_CODES: Record<string, string> = {
  SIGSEGV: 'SEGV_MAPERR',
  SIGILL: 'ILL_ILLOPC',
  SIGBUS: 'BUS_ADRALN',
  SIGFPE: 'FPE_INTDIV',
};

export class Machine {
  readonly config: MachineConfig;
  readonly model: CpuModel;
  readonly cores: Core[];
  readonly tasks: Task[] = [];
  readonly log: DecisionLog;
  /** every change of a slot's occupant and every task switch, on the same clock as the decisions */
  readonly slotHistory: SlotHistory;
  readonly hw: HwBreakpointSubsystem;
  readonly sched: Scheduler;
  /** kill, rt_sigaction, rt_sigreturn and the return-to-user signal path */
  readonly signals: SignalDelivery;
  /** the file system, clocks, random bytes and identity of the simulated kernel */
  readonly kernel: Kernel;
  /** told of every system call a task makes, after it (`wplab exec --strace`) */
  syscallTrace: ((c: { task: Task; nr: number; args: bigint[]; result: bigint; exited?: number }) => void) | undefined;
  private nextPid = 100;
  /** fork, exit, wait, process groups, interval timers (sim/machine/processes.ts) */
  readonly processes: Processes;
  /** the kernel's timers: sleeps with a deadline, alarms */
  readonly timers: Timers;
  /** perf_event_open as a system call: the events processes opened */
  readonly guestPerf: GuestPerf;
  /** the tracer calls processes make through ptrace and perf_event_open (the same surface as the
   * external tracer's, with the calling process as the caller) */
  readonly guestTracer: Tracer;
  /** run(): the run queue whose turn it is, and per CPU what is left of its current time slice */
  private rr = 0;
  private readonly sliceLeft: number[];
  /** scratch for the analysis in numbers of the instruction at NIP */
  private readonly access: AccessNum = { type: 'unknown', ea: 0, size: 0 };
  /** per CPU, the registers and instruction handed to the exception side (trap-state.ts) */
  private readonly trapRegs: UserTrapRegs[] = [];
  private readonly stepRegs: UserTrapRegs[] = [];
  private readonly trapInsn: NumInstrDetail[] = [];
  private readonly stepped: SteppedInsn[] = [];

  constructor(config: Partial<MachineConfig> = {}) {
    this.config = { ...DEFAULT_MACHINE, ...config };
    this.model = cpuModel(this.config.cpu, this.config.dawrForceEnable);
    this.sliceLeft = new Array<number>(this.config.cpus).fill(0);
    for (let i = 0; i < this.config.cpus; i++) {
      this.trapRegs.push(new UserTrapRegs());
      this.stepRegs.push(new UserTrapRegs());
      this.trapInsn.push(new NumInstrDetail());
      this.stepped.push(new SteppedInsn(0, 0));
    }
    this.cores = Array.from(
      { length: this.config.cpus },
      () =>
        new Core({
          quadwordAlign16: this.model.quadwordAlign16,
          slots: Math.max(1, this.model.slots),
          pvr: pvrOf(this.model.name, this.model.p10dd1),
        }),
    );
    this.log = new DecisionLog(this.config.logCapacity);
    this.slotHistory = new SlotHistory(() => this.icount);
    this.hw = new HwBreakpointSubsystem({
      model: this.model,
      policy: this.config.kernel,
      cpus: this.config.cpus,
      programDawr: (cpu, slot, p) => this.cores[cpu].setDawr(slot, p),
      slotHistory: this.slotHistory,
    });
    this.sched = new Scheduler(
      this.config.cpus,
      (cpu, t) => this.hw.switchIn(cpu, t.pid),
      (cpu, t) => this.hw.switchOut(cpu, t.pid),
    );
    this.signals = new SignalDelivery({
      hw: this.hw,
      log: this.log,
      tasks: this.tasks,
      icount: () => this.icount,
      dequeue: (t) => this.sched.dequeue(t),
      terminate: (t, signal, message) => this.terminate(t, 'killed', signal, message),
      signalArrived: (t, signo) => this.signalArrived(t, signo),
      stopped: (t, status) => this.processes.stopped(t, status),
      continued: (t) => this.continueGroupStop(t),
    });
    this.kernel = new Kernel({
      cpu: this.config.cpu,
      cpus: this.config.cpus,
      policy: this.config.kernel,
      ticks: () => this.icount,
      dawrForceEnable: { get: () => this.config.dawrForceEnable, set: (on, cpu) => this.setDawrForceEnable(on, cpu) },
      kallsyms: () => KERNEL_SYMBOLS.map((s) => ({ addr: s.addr, type: s.type, name: s.name })),
    });
    this.kernel.fs.mkdirs(this.config.cwd);
    this.timers = new Timers(this.kernel.clock);
    this.processes = new Processes(this);
    this.guestTracer = new Tracer(this);
    this.guestPerf = new GuestPerf(this, () => this.guestTracer);
  }

  /**
   * POWER9's /sys/kernel/debug/powerpc/dawr_enable_dangerous written (dawr_write_file_bool): the
   * switch changes dawr_enabled() and ppc_breakpoint_available() for what comes next (GETHWDBGINFO,
   * new breakpoints, the length check). Switching on from off first writes a null breakpoint into
   * DAWR0 of the writer's CPU (the hypervisor check set_dawr(0, &null_brk) on an LPAR), leaving the
   * kernel's shadow as it was. Switching off clears nothing: the kernel's disable_dawrs_cb is never
   * reached, as debugfs_write_file_bool returns the count and the function returns early.
   */
  private setDawrForceEnable(on: boolean, cpu: number | undefined): void {
    if (this.config.cpu !== 'power9') return;
    if (!this.config.dawrForceEnable && cpu !== undefined) this.cores[cpu]?.setDawr(0, null);
    this.config.dawrForceEnable = on;
    Object.assign(this.model, cpuModel('power9', on));
  }

  /** a new pid (pids are given from 100 in creation order) */
  allocPid(): number {
    return this.nextPid++;
  }

  /** Instructions executed by all CPUs so far. */
  get icount(): number {
    const cores = this.cores;
    let n = 0;
    for (let i = 0; i < cores.length; i++) n += cores[i].icount;
    return n;
  }

  addTask(spec: TaskSpec): Task {
    const { mem, thread, mm } = loadProgram(spec.program, {
      argv: spec.argv,
      envp: spec.envp,
      cpu: this.config.cpu,
      random: (n) => this.kernel.random.bytes(n),
    });
    if (spec.entry !== undefined) thread.pc = spec.entry;
    for (const r of spec.regs ?? []) setRegister(thread, r.reg, r.value);
    const pid = this.nextPid++;
    const fs = this.kernel.fs;
    const cwd = fs.resolve(this.config.cwd, fs.root, { pid, exe: '' });
    const exe = '/' + baseName(spec.program.file);
    // the executable itself is a file of the machine (reading /proc/self/exe or argv[0] finds it)
    if (spec.program.image && !fs.root.entries.has(exe.slice(1)))
      fs.place(exe, new FileInode(0o755, this.kernel.clock.realtimeNs(), spec.program.image.file));
    const proc = new ProcessState(pid, mm, typeof cwd !== 'number' && cwd.inode.isDir() ? cwd.inode : fs.root, exe);
    const stdin = spec.stdin ?? new Uint8Array(0);
    const t = new Task(pid, spec.name, spec.program, mem, thread, spec.traced, spec.cpu, stdin, proc);
    t.startedOutside = true;
    // standard input, output and error: pipes to whoever runs the program
    const collect = (b: Uint8Array) => t.output.push(b.slice());
    proc.fds.install(new OpenFile(this.kernel.stdinPipe(stdin, spec.stdinSource), O.RDONLY), false);
    proc.fds.install(new OpenFile(this.kernel.outputPipe(spec.stdout ?? collect), O.WRONLY), false);
    proc.fds.install(new OpenFile(this.kernel.outputPipe(spec.stderr ?? collect), O.WRONLY), false);
    this.kernel.registerProcess(proc);
    this.tasks.push(t);
    this.hw.addTask(t.pid, t.name);
    if (t.state === 'running') this.sched.enqueue(t);
    return t;
  }

  task(name: string): Task | undefined {
    return this.tasks.find((t) => t.name === name);
  }

  /**
   * Per CPU with no task on it, the live task that runs there next: the one that last ran there (a
   * stopped task resumes where it stopped), else one that never ran, placed as the scheduler places
   * a task that becomes runnable (its pinned CPU, or the lowest-numbered free one).
   */
  nextPlacement(): Array<number | undefined> {
    const n = this.config.cpus;
    const out = new Array<number | undefined>(n).fill(undefined);
    const busy = (cpu: number) => this.hw.currentOn(cpu) !== undefined;
    const placed = new Set<number>();
    const onCpu = new Set<number>();
    for (let c = 0; c < n; c++) {
      const cur = this.hw.currentOn(c);
      if (cur !== undefined) onCpu.add(cur);
    }
    for (let c = 0; c < n; c++) {
      if (busy(c)) continue;
      const pid = this.hw.lastRanOn(c);
      const t = pid === undefined ? undefined : this.taskByPid(pid);
      if (t && t.alive && !onCpu.has(t.pid) && !placed.has(t.pid)) {
        out[c] = t.pid;
        placed.add(t.pid);
      }
    }
    for (const t of this.tasks) {
      if (!t.alive || t.cpu >= 0 || onCpu.has(t.pid) || placed.has(t.pid)) continue;
      let c: number | undefined;
      if (t.affinity !== undefined)
        c = t.affinity < n && !busy(t.affinity) && out[t.affinity] === undefined ? t.affinity : undefined;
      else for (let i = 0; i < n && c === undefined; i++) if (!busy(i) && out[i] === undefined) c = i;
      if (c === undefined) continue;
      out[c] = t.pid;
      placed.add(t.pid);
    }
    return out;
  }

  /** The slots of every CPU, with what the task that runs next on an idle CPU would take there. */
  slotsView(): SlotsEvent {
    return this.hw.slotsView(this.nextPlacement());
  }

  taskByPid(pid: number): Task | undefined {
    return this.tasks.find((t) => t.pid === pid);
  }

  // ---- ptrace resume requests -------------------------------------------------------------

  /** PTRACE_CONT / PTRACE_SINGLESTEP. With data 0 the signal of the stop is not delivered; with a
   * signal (data = its number) that signal is delivered before the next instruction, with no new stop. */
  resume(t: Task, singleStep: boolean, signal?: string): void {
    t.tifSingleStep = singleStep;
    t.thread.msr = singleStep ? t.thread.msr | MSR_SE : t.thread.msr & ~MSR_SE;
    t.pending = undefined;
    if (signal) this.signals.inject(t, signal);
    t.lastStop = undefined;
    t.stallCount = 0;
    t.state = 'running';
    t.stopKind = undefined;
    t.stopReport = undefined;
    this.sched.enqueue(t);
  }

  /** SIGCONT ended a group stop: the task runs again and its parent is told (CLD_CONTINUED). */
  private continueGroupStop(t: Task): void {
    t.state = 'running';
    t.stopKind = undefined;
    t.lastStop = undefined;
    this.processes.continued(t);
    if (!t.sleep) this.sched.enqueue(t);
  }

  // ---- sleeping in the kernel (sim/os/wait-queue.ts) ----

  /** Puts `t` to sleep in its current system call: off the run queue until woken. */
  block(t: Task, req: SleepRequest, vectored: boolean): void {
    const sleeper = { wake: () => this.wake(t) };
    const timer = req.deadlineNs !== undefined ? this.timers.add(req.deadlineNs, () => this.wake(t)) : undefined;
    t.sleep = { req, woken: false, sleeper, sinceNs: this.kernel.clock.monotonicNs(), vectored, timer };
    for (const q of req.queues ?? []) q.add(sleeper, req);
    this.sched.dequeue(t);
  }

  /** Ends the sleep of `t` (what it waited for happened, its deadline passed, a signal came): it is
   * runnable again and runs its system call again when next scheduled. */
  wake(t: Task): void {
    const s = t.sleep;
    if (!s || s.woken) return;
    s.woken = true;
    this.unhook(t);
    if (t.state === 'running') this.sched.enqueue(t);
  }

  /** Takes a sleeping task off its wait queues and timer. */
  private unhook(t: Task): void {
    const s = t.sleep;
    if (!s) return;
    for (const q of s.req.queues ?? []) q.remove(s.sleeper);
    this.timers.remove(s.timer);
    s.timer = undefined;
  }

  /** A signal for a sleeping task: it wakes when the signal interrupts the sleep (signal_wake_up) or
   * is one the sleep waits for (rt_sigtimedwait's set). */
  private signalArrived(t: Task, signo: number): void {
    const s = t.sleep;
    if (!s || s.woken) return;
    const inMask = s.req.wakeMask !== undefined && (s.req.wakeMask & (1n << BigInt(signo - 1))) !== 0n;
    if (inMask || this.signals.pendingFor(t)) this.wake(t);
  }

  /** The tasks sleeping in a system call, and what for (a deadlock report). */
  sleepers(): Task[] {
    return this.tasks.filter((t) => t.alive && t.sleep !== undefined);
  }

  /**
   * Runs the machine for at most `budget` instructions (all CPUs together), and at most `budget` DAWR
   * exceptions (an exception retires nothing: a run of exceptions alone must end too), or until
   * `target` stops, exits or is killed. Returns the stop, or undefined if the target is still running
   * (the caller may run again: that is how a debugger stays responsive while a program runs).
   */
  run(target: Task, budget: number): StopInfo | undefined {
    const start = this.icount;
    this.exceptionEnd = this.exceptions + budget;
    this.icountEnd = start + budget;
    const rq = this.sched.rq;
    while (target.state === 'running') {
      if (budget - (this.icount - start) <= 0 || this.exceptions >= this.exceptionEnd) return undefined;
      // the kernel's timers due at this point of the clock (a sleep's deadline, an alarm)
      if (this.icount >= this.timers.dueIcount) this.timers.fireDue();
      if (!this.sched.anyRunnable()) {
        // every task sleeps or is stopped: the clock jumps to the earliest deadline, if there is one
        if (this.idleJump()) continue;
        break;
      }
      for (; this.rr < rq.length; this.rr++) {
        const q = rq[this.rr];
        const t = this.sched.pick(q);
        if (!t) continue;
        const cpu = q.cpu;
        if (this.sliceLeft[cpu] <= 0) {
          // (counted without allocating: a perf hit on every iteration comes through here twice per hit)
          let busy = 0;
          for (let i = 0; i < rq.length; i++) if (rq[i].current !== null || rq[i].queue.length > 0) busy++;
          this.sliceLeft[cpu] = Math.max(
            1,
            Math.min(busy > 1 ? this.config.slice : Number.MAX_SAFE_INTEGER, this.config.quantum - q.used),
          );
        }
        // (no exception left in the budget: as with no instruction left, a zero slice that ends the run)
        const left = this.exceptions >= this.exceptionEnd ? 0 : budget - (this.icount - start);
        const n = Math.min(this.sliceLeft[cpu], left);
        this.sliceStart = this.icount;
        const whole = this.runSlice(q, t, n);
        // (runSlice may have started a new slice of its own: see stepGoesOn)
        this.sliceLeft[cpu] = whole ? this.sliceLeft[cpu] - (this.icount - this.sliceStart) : 0;
        if (target.state !== 'running') break;
        // The budget ran out inside this slice: the next run goes on with it, so that cutting a run
        // into budgets (the debugger's chunks) never changes which CPU runs when.
        if (this.sliceLeft[cpu] > 0) return undefined;
      }
      if (target.state !== 'running') break;
      this.rr = 0;
    }
    this.freshRound();
    if (target.state === 'running' && target.sleep && !this.sched.anyRunnable()) return this.deadlock(target);
    return target.lastStop ?? { event: 'limit', pc: target.thread.pc };
  }

  /** No task can run: the clock moves to the earliest timer (a sleep's deadline, an alarm) and it
   * fires. false when there is none (nothing will ever wake anyone). */
  private idleJump(): boolean {
    const next = this.timers.next();
    if (next === undefined) return false;
    this.kernel.clock.advanceToMonotonic(next);
    this.timers.refresh();
    this.timers.fireDue();
    return true;
  }

  /** The run cannot go on: the target sleeps and nothing can wake it. */
  private deadlock(target: Task): StopInfo {
    const who = this.sleepers().map((t) => `${t.name} (pid ${t.pid}) in ${t.sleep!.req.why}`);
    const stopped = this.tasks.filter((t) => t.state === 'stopped').map((t) => `${t.name} (pid ${t.pid}) stopped`);
    return {
      event: 'deadlock',
      pc: target.thread.pc,
      message: `deadlock: no task can run and none waits for a time: ${[...who, ...stopped].join(', ')}`,
    };
  }

  /** The next run starts a new round of the CPUs with new slices (as after a stop of the target). */
  private freshRound(): void {
    this.rr = 0;
    this.sliceLeft.fill(0);
  }

  /** Runs until `target` stops, exits or is killed; after maxSteps instructions it is stopped (event: limit). */
  runUntilStop(target: Task, maxSteps: number): StopInfo {
    return this.run(target, maxSteps) ?? this.stopAtLimit(target);
  }

  /** The tracer's interrupt (the debugger's pause): the running task stops where it is. */
  interrupt(t: Task): StopInfo {
    return this.stopAtLimit(t, 'stopped');
  }

  private stopAtLimit(t: Task, event: 'limit' | 'stopped' = 'limit'): StopInfo {
    this.freshRound();
    this.sched.dequeue(t);
    t.state = 'stopped';
    t.lastStop = event === 'limit' ? { event, pc: t.thread.pc } : { event, signal: 'SIGSTOP', pc: t.thread.pc };
    return t.lastStop;
  }

  /** Runs `t` on its CPU for at most `budget` instructions; true if it ran them all with nothing else
   * happening (the slice may go on), false if it ended early (an exception, a signal, a switch). */
  private runSlice(q: RunQueue, t: Task, budget: number): boolean {
    const core = this.cores[q.cpu];
    // A task woken from a sleep in a system call runs that call again first (its registers are as
    // they were): it completes, or sleeps again.
    if (t.sleep) {
      this.resumeSyscall(q, t);
      if (t.state !== 'running' || q.current !== t || t.sleep) return false;
    }
    // rseq: the kernel writes the CPU number into the registered area when the task returns to user
    // mode on another CPU than the one it holds
    if (t.rseqCpu !== q.cpu) this.rseqMigrate(q.cpu, t);
    // Signals are delivered before the task's next instruction (a kill from another CPU, a signal the
    // tracer's resume named): delivery may redirect the task or stop it.
    if (t.alive && this.signals.hasWork(t)) {
      this.signals.deliver(q.cpu, t);
      if (t.state !== 'running' || q.current !== t) return false;
    }
    let stop: CoreStop;
    // (a loop, not a recursion: a perf hit's step runs in the same slice, and exceptions that retire
    // nothing may repeat; each pass is bounded by the run's exception budget and the livelock check)
    for (;;) {
      const before = core.icount;
      // With MSR_SE set the core runs exactly one instruction: remember which, for the step decision
      // (as the number the thread keeps, -1: none; no bigint on the per-hit path).
      const steppedPc = t.thread.singleStepping ? t.thread.pcNum : -1;
      stop = core.run(t.thread, t.mem, budget);
      const ran = core.icount - before;
      q.used += ran;
      if (ran !== 0) t.stallCount = 0;
      if (stop.kind === 'dawr') {
        this.exceptions++;
        if (this.livelocked(q.cpu, t)) break;
        // A perf hit (the handler armed a single step, nothing else) on the only CPU: the step runs
        // now, as the run loop's next pass would run it (nothing else can run in between: no other
        // CPU, no signal to deliver, the time slice not used up, the budget left, since the hit ran
        // fewer instructions than this slice allowed). The step is one instruction whatever its
        // budget (MSR_SE is set).
        if (
          this.dawrException(q.cpu, t, stop.dar) &&
          this.cores.length === 1 &&
          q.used < this.config.quantum &&
          q.current === t &&
          t.state === 'running' &&
          !this.signals.hasWork(t) &&
          this.exceptions < this.exceptionEnd
        ) {
          budget = 1;
          continue;
        }
        break;
      }
      switch (stop.kind) {
        case 'limit':
          break;
        case 'single-step':
          // A perf step completed (nothing raised) on the only CPU: the run goes on in this slice, as
          // the run loop's next pass would (same CPU, same task, no signal, no timer due, the slice
          // of what is left of the quantum and of the budget: see stepGoesOn).
          if (this.singleStepException(q.cpu, t, steppedPc) && this.stepGoesOn(q, t)) {
            // the new slice as run() makes it for the only CPU (busy: 1), from now on
            const now = this.icount;
            this.sliceLeft[q.cpu] = this.config.quantum - q.used;
            this.sliceStart = now;
            budget = Math.min(this.sliceLeft[q.cpu], this.icountEnd - now);
            continue;
          }
          break;
        case 'syscall':
          this.systemCall(q, t, stop.vectored);
          break;
        case 'trap':
          t.trap = 0x700n;
          this.raise(t, { signal: 'SIGTRAP', siCode: 'TRAP_BRKPT', siAddr: t.thread.pc });
          break;
        case 'fault':
          this.raise(t, {
            signal: stop.signal,
            siCode: FAULT_CODES[stop.signal] ?? 'SI_KERNEL',
            siAddr: stop.addr,
            message: stop.message,
          });
          break;
      }
      break;
    }
    if (t.alive && !t.sleep && this.signals.hasWork(t)) this.signals.deliver(q.cpu, t);
    if (q.current === t && q.used >= this.config.quantum) this.sched.rotate(q);
    return stop.kind === 'limit' && q.current === t && t.state === 'running';
  }

  /** DAWR exceptions taken by all CPUs so far (each retires nothing; run()'s budget bounds them). */
  exceptions = 0;
  /** run(): the exception count at which the current run's budget is used up */
  private exceptionEnd = Number.MAX_SAFE_INTEGER;
  /** run(): the instruction count at which the current run's budget is used up */
  private icountEnd = Number.MAX_SAFE_INTEGER;
  /** run(): the instruction count at which the current slice started */
  private sliceStart = 0;

  /**
   * After a single step that raised nothing: whether run()'s loop would give the CPU straight back to
   * `t` for a new slice (then runSlice goes on instead, and the slice bookkeeping ends the same). On
   * the only CPU that is: t still current and running, nothing to deliver, the quantum not used up
   * (no rotation; the new slice is what is left of it), no timer due, budget and exceptions left.
   */
  private stepGoesOn(q: RunQueue, t: Task): boolean {
    if (this.cores.length !== 1 || q.current !== t || t.state !== 'running' || q.used >= this.config.quantum)
      return false;
    if (this.signals.hasWork(t) || this.exceptions >= this.exceptionEnd) return false;
    const now = this.icount;
    return now < this.icountEnd && now < this.timers.dueIcount;
  }

  /**
   * A DAWR exception was just raised at t's pc: counts it as one more in a row when no instruction
   * retired since the last one at the same pc, and at `livelockRepeats` in a row stops the task as
   * livelocked (the same exception would repeat forever: an instruction that can never retire, e.g.
   * a DAWR that matches where the handler finds no hit while a perf step is pending). true = stopped.
   */
  private livelocked(cpu: number, t: Task): boolean {
    const pc = t.thread.pcNum;
    if (t.stallCount > 0 && t.stallPc === pc) t.stallCount++;
    else {
      t.stallPc = pc;
      t.stallCount = 1;
    }
    if (t.stallCount < this.config.livelockRepeats) return false;
    const slots = this.livelockSlots(cpu, t);
    const pcHex = `0x${t.thread.pc.toString(16)}`;
    this.freshRound();
    this.sched.dequeue(t);
    t.state = 'stopped';
    t.stallCount = 0;
    t.lastStop = {
      event: 'livelock',
      pc: t.thread.pc,
      slots,
      message:
        `livelock: the instruction at ${pcHex} raised the same DAWR exception ` +
        `${this.config.livelockRepeats} times in a row without retiring ` +
        `(${slots.join('; ') || 'no slot occupied'})`,
    };
    return true;
  }

  /** Each occupied slot of `cpu` for a livelock report: occupant, its DAWR as programmed now (or off),
   * and whether that DAWR matches the access of the instruction at the task's pc. */
  private livelockSlots(cpu: number, t: Task): string[] {
    const out: string[] = [];
    const d = this.instrDetail(t);
    const occupants = this.hw.slotOccupants(cpu);
    const core = this.cores[cpu];
    for (let i = 0; i < occupants.length; i++) {
      const bp = occupants[i];
      if (!bp) continue;
      const p = core.getDawr(i);
      const user = `user [0x${bp.info.address.toString(16)}, +${bp.info.len})`;
      if (!p) {
        out.push(`slot ${i}: ${bp.name} ${user}, DAWR off${bp.info.perfSingleStep ? ' (step pending)' : ''}`);
        continue;
      }
      const hw = `DAWR [0x${p.start.toString(16)}, +${p.len})`;
      const store = d.type === 'store' || d.type === 'store_vsx' || d.type === 'stcx' || d.type === 'cacheop';
      const match =
        d.readable && d.type !== 'unknown' && d.type !== 'other' && this.dawrMatchesSlot(core, i, d.ea, d.size, store);
      const access = `the ${d.type} [0x${d.ea.toString(16)}, +${d.size})`;
      const verdict =
        d.readable && d.type !== 'unknown' && d.type !== 'other'
          ? ` ${match ? 'matches' : 'does not match'} ${access}`
          : '';
      out.push(`slot ${i}: ${bp.name} ${user}, ${hw}${verdict}`);
    }
    return out;
  }

  /** Whether slot `slot`'s DAWR alone matches a user access (the other slots switched off meanwhile). */
  private dawrMatchesSlot(core: Core, slot: number, ea: bigint, size: number, store: boolean): boolean {
    const saved: Array<DawrProgram | null> = [];
    for (let i = 0; i < core.slots; i++) saved.push(core.getDawr(i));
    try {
      for (let i = 0; i < core.slots; i++) if (i !== slot) core.setDawr(i, null);
      return core.matchAccess(ea, size, store, 'user') !== undefined;
    } finally {
      for (let i = 0; i < core.slots; i++) core.setDawr(i, saved[i]);
    }
  }

  // ---- exceptions ----------------------------------------------------------------------------

  /** What wp_get_instr_detail reads at NIP (SEMANTICS §5.2); its text is disassembled when read. */
  instrDetail(t: Task): InstrDetail {
    return readInstrDetail(t.mem, t.thread);
  }

  // The log's append, bound once (the hot path of a perf hit makes two decisions; those go to the
  // log as raw records, see hwContext's last argument).
  private readonly recordDecision = (d: Omit<Decision, 'seq'>): void => {
    this.log.append(d);
  };

  /** do_break: the DAWR matched before the instruction at NIP executed (user mode). true = a single
   * step was armed and nothing else happened (NOTIFY_STOP, MSR_SE newly set: a perf hit's step is
   * next). */
  private dawrException(cpu: number, t: Task, dar: bigint): boolean {
    const th = t.thread;
    const se = th.singleStepping;
    const pc = th.pcNum;
    const regs: TrapRegs = pc < TWO52 ? this.trapRegs[cpu].at(pc, se) : { pc: th.pc, mode: 'user', singleStep: se };
    const ctx = this.exceptionContext(cpu);
    const task = this.hw.currentTask(t.pid, t.tifSingleStep);
    const rc = handleDawrException(ctx, task, regs, dar, this.trapDetail(cpu, t));
    if (regs.singleStep !== se) {
      // (the usual MSR has its constant: no bigint made)
      const msr = th.msr;
      if (regs.singleStep) th.msr = msr === USER_MSR ? USER_MSR_SE : msr | MSR_SE;
      else th.msr = msr & NOT_MSR_SE;
    }
    if (rc === 'done') {
      // pt_regs as the tracer reads them: the data storage interrupt with DSISR_DABRMATCH
      t.trap = 0x300n;
      t.dar = dar;
      t.dsisr = 0x00400000n;
      // (the handler's decision, just recorded, goes with the signal: the stop names what hit)
      this.raise(t, { signal: 'SIGTRAP', siCode: 'TRAP_HWBKPT', siAddr: dar, decision: this.log.total - 1 });
      return false;
    }
    return regs.singleStep && !se;
  }

  /** The subsystem's context of `cpu` (one object per CPU) for the exception in progress. */
  private exceptionContext(cpu: number): HwContext {
    return this.hw.hwContext(cpu, 0, this.icount, this.recordDecision, this.log);
  }

  /** The instruction at t's pc as the handler reads it: in numbers (this CPU's object, refilled) for
   * a plain load or store at a user address, else readInstrDetail's. */
  private trapDetail(cpu: number, t: Task): InstrDetail {
    const th = t.thread;
    const pc = th.pcNum;
    if (pc >= TWO52) return this.instrDetail(t);
    const word = this.cores[cpu].wordOnCodePage(t.mem, pc) ?? fetchWordNum(t.mem, pc);
    if (word === undefined || isPrefix(word) || !analyseAccessNum(word, th, this.access)) return this.instrDetail(t);
    const a = this.access;
    return this.trapInsn[cpu].set(a.type, a.ea, a.size, word, pc);
  }

  /** The text of the instruction a single step ran (at user pc `steppedPc`, -1: none), made when the
   * decision is read. */
  private steppedText(cpu: number, t: Task, steppedPc: number): InsnText {
    if (steppedPc < 0 || steppedPc >= TWO52) return steppedInsn(t.mem, steppedPc < 0 ? undefined : BigInt(steppedPc));
    const word = this.cores[cpu].wordOnCodePage(t.mem, steppedPc) ?? fetchWordNum(t.mem, steppedPc);
    // (a prefixed instruction's text needs its second word)
    if (word === undefined || isPrefix(word)) return steppedInsn(t.mem, BigInt(steppedPc));
    return this.stepped[cpu].set(word | 0, steppedPc);
  }

  /** single_step_exception: MSR_SE/BE cleared, then DIE_SSTEP; unclaimed -> SIGTRAP TRAP_TRACE.
   * true = no signal raised (NOTIFY_STOP). */
  private singleStepException(cpu: number, t: Task, steppedPc: number): boolean {
    const th = t.thread;
    if (th.singleStepping) {
      const msr = th.msr;
      th.msr = msr === USER_MSR_SE ? USER_MSR : msr & NOT_MSR_SE;
    }
    const pc = th.pcNum;
    const regs: TrapRegs =
      pc < TWO52 ? this.stepRegs[cpu].at(pc, false) : { pc: th.pc, mode: 'user', singleStep: false };
    const insn = this.steppedText(cpu, t, steppedPc);
    const ctx = this.exceptionContext(cpu);
    const rc = handleSingleStep(ctx, this.hw.currentTask(t.pid, t.tifSingleStep), regs, insn);
    if (regs.singleStep) th.msr |= MSR_SE;
    if (rc !== 'done') return true;
    t.trap = 0xd00n;
    this.raise(t, { signal: 'SIGTRAP', siCode: 'TRAP_TRACE', siAddr: th.pc });
    return false;
  }

  /**
   * A kernel-mode access to user memory (copy_to_user / copy_from_user): the DAWRs of this CPU are
   * matched with kernel privilege; a hit runs the handler in kernel mode (emulate and count for perf;
   * a ptrace hit queues SIGTRAP, delivered on the return to user).
   */
  private kernelAccess(
    cpu: number,
    t: Task,
    ea: bigint,
    size: number,
    store: boolean,
    pc: bigint = KERNEL_COPY_PC,
  ): void {
    const dar = this.cores[cpu].matchAccess(ea, size, store, 'kernel');
    if (dar === undefined) return;
    const mnemonic = store
      ? ({ 1: 'stb', 2: 'sth', 4: 'stw', 8: 'std' } as Record<number, string>)[size]
      : ({ 1: 'lbz', 2: 'lhz', 4: 'lwz', 8: 'ld' } as Record<number, string>)[size];
    const detail: InstrDetail = {
      readable: true,
      type: store ? 'store' : 'load',
      ea,
      size,
      text: `${mnemonic} r9,0(r3)`,
      vsx32: false,
    };
    const regs: TrapRegs = { pc, mode: 'kernel', singleStep: false };
    const rc = handleDawrException(
      this.hw.hwContext(cpu, t.pid, this.icount, this.recordDecision, this.log),
      this.hw.currentTask(t.pid, t.tifSingleStep),
      regs,
      dar,
      detail,
    );
    if (rc === 'done' && !t.pending) {
      t.pending = { signal: 'SIGTRAP', siCode: 'TRAP_HWBKPT', siAddr: dar, decision: this.log.total - 1 };
    }
  }

  /** A system call: `sc` (an error is a positive errno with CR0.SO set) or `scv 0` (POWER9 and
   * later, what glibc uses when AT_HWCAP2 has SCV: r3 is -errno, CR0 is left alone). */
  private systemCall(q: RunQueue, t: Task, vectored: boolean): void {
    // pt_regs as a tracer sees them during and after the call
    t.origGpr3 = t.thread.getGpr(3);
    t.trap = 0xc00n;
    this.dispatch(q, t, vectored, undefined);
  }

  /** A task woken from a sleep runs its system call again (sim/os/wait-queue.ts). */
  private resumeSyscall(q: RunQueue, t: Task): void {
    const s = t.sleep as NonNullable<Task['sleep']>;
    // a sleep a ptrace stop interrupted (not woken) leaves its queues and timer: the call is run
    // again and sleeps anew if it must (as after -ERESTARTSYS)
    this.unhook(t);
    t.sleep = undefined;
    this.dispatch(q, t, s.vectored, s.req);
  }

  /** Runs the system call in r0 (or resumes it): its result goes to r3 (and CR0.SO) unless it slept,
   * exited or restored the registers itself. */
  private dispatch(q: RunQueue, t: Task, vectored: boolean, resumed: SleepRequest | undefined): void {
    const th = t.thread;
    let exited: number | undefined;
    let exitGroup = false;
    let yielded = false;
    let keep = false;
    let slept: SleepRequest | undefined;
    const ctx = this.syscallContext(q.cpu, t, {
      exit: (code, group) => {
        exited = code;
        exitGroup = group === true;
      },
      yieldCpu: () => (yielded = true),
      keepRegisters: () => (keep = true),
      resumed,
      block: (req) => {
        slept = req;
        return BLOCKED;
      },
    });
    const nr = th.getGpr(0);
    const args = this.syscallTrace ? [0, 1, 2, 3, 4, 5].map((i) => th.getGpr(3 + i)) : undefined;
    this.kernel.currentCpu = q.cpu;
    const r = dispatchSyscall(nr, ctx);
    this.kernel.currentCpu = undefined;
    if (slept && r === BLOCKED && exited === undefined) {
      this.block(t, slept, vectored);
      return;
    }
    if (this.syscallTrace && args)
      this.syscallTrace({ task: t, nr: Number(BigInt.asIntN(64, nr)), args, result: r, exited });
    if (exited !== undefined) {
      this.exit(t, exited, exitGroup);
      return;
    }
    // -ERESTART...: the signal delivery on the way out restarts the call or makes it EINTR
    if (r <= -512n && r >= -516n && r !== -515n) t.restart = { code: Number(-r), r3: t.origGpr3, vectored };
    if (!keep && vectored) th.setGpr(3, BigInt.asUintN(64, r));
    else if (!keep) {
      // the kernel's return convention: -4095..-1 is -errno with CR0.SO set, else the result
      if (r < 0n && r >= -4095n) {
        th.setGpr(3, -r);
        th.cr = (th.cr | CR0_SO) >>> 0;
      } else {
        th.setGpr(3, BigInt.asUintN(64, r));
        th.cr = th.cr & ~CR0_SO;
      }
    }
    // ptrace single-stepping over `sc`: no trace interrupt for sc itself; the syscall-exit path
    // reports the step (SIGTRAP) once the call is done, so the tracer stops after it.
    if (t.tifSingleStep && (th.msr & MSR_SE) !== 0n)
      this.raise(t, { signal: 'SIGTRAP', siCode: 'TRAP_TRACE', siAddr: th.pc });
    if (yielded) this.sched.rotate(q);
  }

  /**
   * Runs system call `nr` with arguments `args` (r3, r4, ...) as task `t` would make it on its CPU,
   * outside the run loop: its value (a result, or -errno), with the kernel's accesses to user memory
   * as in a real call. The task's registers are left as they are; an exit ends the task. A call that
   * would sleep: one with a deadline sleeps until it (the clock moves on) and is run again; one
   * without gives -EAGAIN (nothing else runs here to wake it). (For tests and tools that drive the
   * kernel without a program around the call.)
   */
  syscallAs(t: Task, nr: number, args: readonly bigint[] = []): bigint {
    const cpu = t.cpu >= 0 ? t.cpu : (t.affinity ?? 0);
    let resumed: SleepRequest | undefined;
    for (let i = 0; i < 1000; i++) {
      let exited: number | undefined;
      let slept: SleepRequest | undefined;
      const ctx: SyscallContext = {
        ...this.syscallContext(cpu, t, {
          exit: (code) => (exited = code),
          yieldCpu: () => undefined,
          keepRegisters: () => undefined,
          resumed,
          block: (req) => {
            slept = req;
            return BLOCKED;
          },
        }),
        arg: (i) => BigInt.asUintN(64, args[i] ?? 0n),
      };
      const r = dispatchSyscall(BigInt(nr), ctx);
      if (exited !== undefined) this.exit(t, exited);
      if (!(slept && r === BLOCKED)) return r;
      if (slept.deadlineNs === undefined) return BigInt(-E.EAGAIN);
      this.kernel.clock.advanceToMonotonic(slept.deadlineNs);
      this.timers.refresh();
      resumed = slept;
    }
    return BigInt(-E.EAGAIN);
  }

  /** What a system call handler of task `t` on `cpu` is given (sim/os/syscalls/context.ts). */
  private syscallContext(
    cpu: number,
    t: Task,
    effects: Pick<SyscallContext, 'exit' | 'yieldCpu' | 'keepRegisters' | 'resumed' | 'block'>,
  ): SyscallContext {
    const th = t.thread;
    const procs = this.processes;
    return {
      t: th,
      proc: t.proc,
      kernel: this.kernel,
      pid: t.pid,
      cpu,
      arg: (i) => th.getGpr(3 + i),
      copyToUser: (ea, bytes) => this.copyToUser(cpu, t, ea, bytes),
      copyFromUser: (ea, len) => this.copyFromUser(cpu, t, ea, len),
      stringFromUser: (ea, max) => this.stringFromUser(cpu, t, ea, max),
      signals: this.signals.syscallHost(t),
      signalPending: () => this.signals.pendingFor(t),
      process: {
        clone: (req) => procs.clone(t, cpu, req),
        vforkChild: (pid) => procs.vforkChild(pid),
        wait: (idtype, id, options) => procs.wait(t, idtype, id, options),
        getpgid: (pid) => procs.getpgid(t, pid),
        getsid: (pid) => procs.getsid(t, pid),
        setpgid: (pid, pgid) => procs.setpgid(t, pid, pgid),
        itimer: (which, next) => procs.itimer(t, which, next),
        timerCreate: (clock, ev) => procs.timerCreate(t, clock, ev),
        timerSet: (id, next) => procs.timerSet(t, id, next),
        timerDelete: (id) => procs.timerDelete(t, id),
        timerOverrun: (id) => procs.timerOverrun(t, id),
      },
      ptrace: ptraceCalls(this, this.guestTracer, t),
      perf: this.guestPerf.calls(t),
      setRestartBlock: (b) => (t.restartBlock = b),
      takeRestartBlock: () => {
        const b = t.restartBlock;
        t.restartBlock = undefined;
        return b;
      },
      ...effects,
    };
  }

  /** rseq: the CPU numbers written into the task's registered struct rseq (cpu_id_start, cpu_id). */
  private rseqMigrate(cpu: number, t: Task): void {
    t.rseqCpu = cpu;
    if (t.proc.rseq === 0n) return;
    const b = new Uint8Array(8);
    const dv = new DataView(b.buffer);
    dv.setUint32(0, cpu, true);
    dv.setUint32(4, cpu, true);
    t.mem.writeBytes(t.proc.rseq, b);
  }

  /**
   * The kernel reads or writes one of its own variables (sim/os/kernel-symbols.ts) on `cpu` while
   * running for `t`: a kernel-mode access a DAWR may match (a perf event on `pid_max` counts forks).
   */
  kernelData(cpu: number, t: Task, name: string, store: boolean): void {
    const s = kernelSymbol(name);
    if (!s || !this.kernelWatched(cpu)) return;
    const fn = s.accessedIn ? kernelSymbol(s.accessedIn) : undefined;
    this.kernelAccess(cpu, t, s.addr, s.size, store, fn ? fn.addr : KERNEL_COPY_PC);
  }

  /** Whether a kernel-mode access on `cpu` could match one of its DAWRs (else copies skip the check). */
  private kernelWatched(cpu: number): boolean {
    return this.cores[cpu].watchesKernel();
  }

  /**
   * The kernel's copies to and from user memory: naturally aligned accesses of up to 8 bytes in
   * ascending address order (SCENARIOS.md section 6), each checked against the CPU's DAWRs as a
   * kernel-mode access before it is made.
   */
  copyToUser(cpu: number, t: Task, ea: bigint, bytes: Uint8Array): boolean {
    if (!t.mem.isMapped(ea, bytes.length)) return false;
    if (!this.kernelWatched(cpu)) return t.mem.writeBytes(ea, bytes);
    return eachDoubleword(ea, bytes.length, (a, n) => {
      this.kernelAccess(cpu, t, a, n, true);
      const off = Number(a - ea);
      return t.mem.writeBytes(a, bytes.subarray(off, off + n));
    });
  }

  private copyFromUser(cpu: number, t: Task, ea: bigint, len: number): Uint8Array | undefined {
    if (!t.mem.isMapped(ea, len)) return undefined;
    if (this.kernelWatched(cpu))
      eachDoubleword(ea, len, (a, n) => {
        this.kernelAccess(cpu, t, a, n, false);
        return true;
      });
    return t.mem.readBytes(ea, len);
  }

  /** strncpy_from_user: a NUL-terminated string of at most max bytes; -EFAULT / -ENAMETOOLONG. */
  private stringFromUser(cpu: number, t: Task, ea: bigint, max: number): string | number {
    const bytes: number[] = [];
    let a = ea;
    for (;;) {
      const n = 8 - Number(a & 7n);
      // (a naturally aligned piece never crosses a page: it is mapped or not as a whole)
      const chunk = this.copyFromUser(cpu, t, a, n);
      if (!chunk) return -14; // EFAULT
      for (const b of chunk) {
        if (b === 0) return new TextDecoder().decode(new Uint8Array(bytes));
        bytes.push(b);
        if (bytes.length > max) return -36; // ENAMETOOLONG
      }
      a += BigInt(chunk.length);
    }
  }

  // ---- signals and exits -------------------------------------------------------------------

  raise(t: Task, sig: PendingSignal): void {
    if (!t.pending) t.pending = sig;
  }

  /** The task exits with `code`: a thread alone (exit), or its whole process (exit_group, or the
   * leader's exit: threads are not left running without it). */
  exit(t: Task, code: number, group = true): void {
    if (!t.alive) return;
    if (t.leader) {
      const leader = t.leader;
      this.threadEnd(t, { event: 'exited', exit_code: code & 0xff });
      if (group) this.exit(leader, code);
      return;
    }
    this.endThreads(t, { event: 'killed', signal: 'SIGKILL' });
    const cpu = Math.max(0, t.cpu);
    this.leave(t);
    t.state = 'exited';
    t.lastStop = { event: 'exited', exit_code: code & 0xff };
    this.hw.taskExit(t.pid);
    this.processes.exited(t, cpu);
  }

  kill(t: Task): void {
    this.terminate(t, 'killed', 'SIGKILL');
  }

  private terminate(t: Task, state: 'killed', signal: SignalName | string, message?: string): void {
    if (!t.alive) return;
    // a fatal signal ends the whole process, whichever thread took it
    if (t.leader) {
      const leader = t.leader;
      this.threadEnd(t, { event: 'killed', signal });
      this.terminate(leader, state, signal, message);
      return;
    }
    this.endThreads(t, { event: 'killed', signal });
    const cpu = Math.max(0, t.cpu);
    this.leave(t);
    t.state = state;
    t.lastStop = message === undefined ? { event: 'killed', signal } : { event: 'killed', signal, message };
    this.hw.taskExit(t.pid);
    this.processes.exited(t, cpu);
  }

  /** The other threads of leader `t`'s process end (zap_other_threads). */
  private endThreads(t: Task, how: NonNullable<Task['lastStop']>): void {
    for (const x of this.processes.threadsOf(t)) this.threadEnd(x, how);
  }

  /** One thread (not a leader) ends: off its CPU, its clear_child_tid written and woken, reaped. */
  private threadEnd(t: Task, how: NonNullable<Task['lastStop']>): void {
    if (!t.alive) return;
    this.leave(t);
    t.state = how.event === 'exited' ? 'exited' : 'killed';
    t.lastStop = how;
    this.hw.taskExit(t.pid);
    this.processes.threadGone(t);
  }

  /** The task stops running for good: off its CPU, out of any sleep. */
  private leave(t: Task): void {
    this.sched.dequeue(t);
    this.unhook(t);
    t.sleep = undefined;
    t.restart = undefined;
  }
}
