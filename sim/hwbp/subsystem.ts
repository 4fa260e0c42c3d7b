// HwBreakpointSubsystem: the watchpoint subsystem's creation side behind one facade the machine
// holds. It owns every breakpoint, the per-CPU slots (bp_per_reg, current_brk), the reservation
// accounting, the 6.5 exclusion tables, and the per-thread state; it exposes the ptrace and perf
// calls (errno names, never exceptions), the scheduling entry points, the HwContext the exception
// side runs against, and read-only views for the panel.
import type { Decision, Effect } from '../decision';
import type { Breakpoint, BreakpointCreator } from './breakpoint';
import type { CpuModel, KernelPolicy } from './cpu-model';
import type { DawrProgram } from './dawr-program';
import { refuse, success, type Refusal, type SysResult } from './errno';
import { PtracePerfExclusion } from './exclusion';
import type { CurrentTask, EffectSink, HwContext, RecordSink, TrapRegs } from './hw-context';
import { HwSlots } from './install';
import { modifyUserHwBreakpoint, type ModifyAttr } from './modify';
import type { HwbpKernel } from './kernel-state';
import { unregisterHwBreakpoint } from './register';
import {
  PerfFdTable,
  perfClose,
  perfEventCreate,
  perfDisable,
  perfEnable,
  perfEventOpen,
  perfRead,
  perfReset,
  type PerfFile,
  type PerfOpenArgs,
} from './perf-event';
import * as sched from './perf-schedule';
import {
  flushPtraceHwBreakpoint,
  ppcDelHwdebug,
  ppcGethwdinfo,
  ppcSetHwdebug,
  ptraceGetDebugreg,
  ptraceSetDebugreg,
  ptraceTriggered,
  type PpcDebugInfo,
  type PpcHwBreakpoint,
} from './ptrace-hwdebug';
import { BpReservations, TYPE_DATA } from './reserve';
import { newThreadHw, type ThreadHw } from './thread-hw';
import {
  budgetOf,
  countersView,
  holderOf,
  slotsView,
  type CountersEvent,
  type CpuSlots,
  type SlotsEvent,
} from './views';
import type { SlotHistory } from './slot-history';

export interface HwBreakpointSubsystemOptions {
  model: CpuModel;
  policy: KernelPolicy;
  cpus: number;
  /** write slot `slot` of CPU `cpu` (null = disabled) */
  programDawr(cpu: number, slot: number, p: DawrProgram | null): void;
  /** the tracer's CAP_SYS_ADMIN (kernel-address breakpoints); default true */
  capSysAdmin?: boolean;
  /** CPUs that start offline (possible but not online); default none */
  offlineCpus?: number[];
  /** every kernel log line (WARN) as it is made */
  onKernelLog?(line: string): void;
  /** where every change of a slot's occupant and every task switch is recorded (the timeline) */
  slotHistory?: SlotHistory;
}

export class HwBreakpointSubsystem {
  readonly model: CpuModel;
  readonly policy: KernelPolicy;
  readonly cpus: number;
  /** the kernel log: WARN and WARN_ONCE lines */
  readonly kernelLog: string[] = [];
  private readonly k: HwbpKernel;
  private readonly perf = new PerfFdTable();
  private readonly warned = new Set<string>();
  private readonly contexts: HwContext[] = [];
  private readonly currents = new Map<number, CurrentTask>();
  /** the entry of `currents` currentTask returned last */
  private lastCurrent: CurrentTask | null = null;
  /** the thread lastCurrent was made for */
  private lastThread: ThreadHw | null = null;

  constructor(o: HwBreakpointSubsystemOptions) {
    this.model = o.model;
    this.policy = o.policy;
    this.cpus = o.cpus;
    const online = Array.from({ length: o.cpus }, (_, c) => !(o.offlineCpus ?? []).includes(c));
    const warn = (site: string, line: string, once: boolean): void => {
      if (once) {
        if (this.warned.has(site)) return;
        this.warned.add(site);
      }
      this.kernelLog.push(line);
      o.onKernelLog?.(line);
    };
    const exclusion = o.policy === '6.5' ? new PtracePerfExclusion(o.cpus, o.model.slots, (c) => online[c]) : null;
    this.k = {
      model: o.model,
      policy: o.policy,
      cpus: o.cpus,
      capSysAdmin: o.capSysAdmin ?? true,
      slots: new HwSlots(
        o.model,
        o.cpus,
        (c, s, p) => o.programDawr(c, s, p),
        (site, line) => warn(site, line, true),
      ),
      reservations: new BpReservations(o.model, o.cpus, exclusion),
      exclusion,
      threads: new Map(),
      current: new Array<number | undefined>(o.cpus).fill(undefined),
      lastRan: new Array<number | undefined>(o.cpus).fill(undefined),
      online,
      live: new Set(),
      warn,
      slotEvents: null,
    };
    const history = o.slotHistory;
    if (history) {
      const k = this.k;
      const name = (pid: number) => k.threads.get(pid)?.name ?? String(pid);
      k.slotEvents = {
        installed: (cpu, slot, bp) => history.record({ kind: 'install', cpu, slot, holder: holderOf(k, bp) }),
        removed: (cpu, slot, bp, why) => history.record({ kind: 'uninstall', cpu, slot, holder: holderOf(k, bp), why }),
        switched: (kind, cpu, pid) => history.record({ kind, cpu, pid, task: name(pid) }),
      };
    }
  }

  // ---- settings ----

  get capSysAdmin(): boolean {
    return this.k.capSysAdmin;
  }
  set capSysAdmin(v: boolean) {
    this.k.capSysAdmin = v;
  }

  /** CPU hotplug (only the 6.5 exclusion check looks at online CPUs; reservations use possible ones). */
  setCpuOnline(cpu: number, online: boolean): void {
    sched.setCpuOnline(this.k, cpu, online);
  }

  // ---- tasks ----

  addTask(pid: number, name: string): void {
    this.k.threads.set(pid, newThreadHw(pid, name));
    this.lastCurrent = null;
    this.lastThread = null;
  }

  /** The task exits: off every CPU, its ptrace breakpoints unregistered. Its perf events keep their
   * reservations until their fds are closed, and never run again. */
  taskExit(pid: number): void {
    const th = this.k.threads.get(pid);
    if (!th || th.exited) return;
    for (let c = 0; c < this.cpus; c++) if (this.k.current[c] === pid) sched.switchOut(this.k, c, pid);
    flushPtraceHwBreakpoint(this.k, th);
    th.lastHitUbp.fill(null);
    th.exited = true;
  }

  /** exec (flush_thread): the ptrace breakpoints go. */
  taskExec(pid: number): void {
    const th = this.k.threads.get(pid);
    if (th && !th.exited) flushPtraceHwBreakpoint(this.k, th);
  }

  /** The per-thread state (ptrace_bps, hw_brk, last_hit_ubp). */
  thread(pid: number): ThreadHw | undefined {
    return this.k.threads.get(pid);
  }

  /** `current` for the exception side; lastHitUbp is the thread's own array (PRE bookkeeping). */
  currentTask(pid: number, tifSingleStep: boolean): CurrentTask {
    // One object per known task, reused (a perf hit asks twice); tifSingleStep is refreshed here.
    // (the same task as last time: no map lookup; addTask, the only writer of threads, forgets it)
    const last = this.lastCurrent;
    const same = last !== null && last.pid === pid;
    const th = same ? (this.lastThread as ThreadHw) : this.k.threads.get(pid);
    if (!th) return { pid, name: String(pid), tifSingleStep, lastHitUbp: [null, null] };
    let cur = same ? last : this.currents.get(pid);
    if (!cur || cur.name !== th.name || cur.lastHitUbp !== th.lastHitUbp) {
      cur = { pid, name: th.name, tifSingleStep, lastHitUbp: th.lastHitUbp };
      this.currents.set(pid, cur);
    }
    cur.tifSingleStep = tifSingleStep;
    this.lastCurrent = cur;
    this.lastThread = th;
    return cur;
  }

  private live(pid: number): SysResult<ThreadHw> {
    const th = this.k.threads.get(pid);
    return th && !th.exited ? success(th) : refuse('ESRCH', `no task with pid ${pid}`);
  }

  // ---- ptrace ----

  /** PPC_PTRACE_SETHWDEBUG: the handle (1 or 2). `by`: the tracing process (absent: the external tracer). */
  setHwdebug(pid: number, info: PpcHwBreakpoint, by?: BreakpointCreator): SysResult<number> {
    const th = this.live(pid);
    return th.ok ? ppcSetHwdebug(this.k, th.value, info, by) : th;
  }

  /** PPC_PTRACE_DELHWDEBUG */
  delHwdebug(pid: number, handle: number): SysResult<0> {
    const th = this.live(pid);
    return th.ok ? ppcDelHwdebug(this.k, th.value, handle) : th;
  }

  /** PTRACE_SET_DEBUGREG (addr is the register index, 0) */
  setDebugreg(pid: number, data: bigint, addr = 0, by?: BreakpointCreator): SysResult<0> {
    const th = this.live(pid);
    return th.ok ? ptraceSetDebugreg(this.k, th.value, addr, data, by) : th;
  }

  /** PTRACE_GET_DEBUGREG */
  getDebugreg(pid: number, addr = 0): SysResult<bigint> {
    const th = this.live(pid);
    return th.ok ? ptraceGetDebugreg(th.value, addr) : th;
  }

  /** PPC_PTRACE_GETHWDBGINFO */
  getHwdbgInfo(pid: number): SysResult<PpcDebugInfo> {
    const th = this.live(pid);
    return th.ok ? success(ppcGethwdinfo(this.model)) : th;
  }

  /** modify_user_hw_breakpoint on a registered breakpoint (what ptrace uses): null or the refusal. */
  modify(bp: Breakpoint, next: ModifyAttr): Refusal | null {
    if (!this.k.live.has(bp)) return refuse('ENOENT', `${bp.name} is not registered`);
    return modifyUserHwBreakpoint(this.k, bp, next);
  }

  /** The breakpoint behind a ptrace handle. */
  ptraceBreakpoint(pid: number, handle: number): Breakpoint | undefined {
    return this.k.threads.get(pid)?.ptraceBps[handle - 1] ?? undefined;
  }

  // ---- perf ----

  perfOpen(args: PerfOpenArgs): SysResult<number> {
    return perfEventOpen(this.k, this.perf, args);
  }
  perfEnable(fd: number): SysResult<0> {
    return perfEnable(this.k, this.perf, fd);
  }
  perfDisable(fd: number): SysResult<0> {
    return perfDisable(this.k, this.perf, fd);
  }
  perfReset(fd: number): SysResult<0> {
    return perfReset(this.perf, fd);
  }
  perfRead(fd: number): SysResult<number> {
    return perfRead(this.perf, fd);
  }
  perfClose(fd: number): SysResult<0> {
    return perfClose(this.k, this.perf, fd);
  }
  /** The open perf event behind an fd. */
  perfFile(fd: number): PerfFile | undefined {
    return this.perf.open.get(fd);
  }

  /**
   * perf_event_open made by a process (`args.by`): the event is created exactly as perfOpen creates
   * it, but its descriptor belongs to the process's own fd table (the caller installs it), so the
   * event is returned instead of a number of the external tracer's table. It is listed with the
   * counters all the same. `id` names it (`perf:ID`).
   */
  perfOpenEvent(args: PerfOpenArgs & { by: BreakpointCreator }, id: string, fd: number): SysResult<PerfFile> {
    return perfEventCreate(this.k, this.perf, args, id, fd);
  }
  /** enable, disable, reset and close of such an event (what the ioctls and the last close do) */
  perfEventEnable(f: PerfFile): void {
    if (!f.closed) sched.eventEnable(this.k, f.bp);
  }
  perfEventDisable(f: PerfFile): void {
    if (!f.closed) sched.eventDisable(this.k, f.bp);
  }
  perfEventClose(f: PerfFile): void {
    if (f.closed) return;
    unregisterHwBreakpoint(this.k, f.bp);
    f.closed = true;
  }

  // ---- scheduling ----

  switchIn(cpu: number, pid: number): void {
    sched.switchIn(this.k, cpu, pid);
  }
  switchOut(cpu: number, pid: number): void {
    sched.switchOut(this.k, cpu, pid);
  }
  /** the pid running on a CPU */
  currentOn(cpu: number): number | undefined {
    return this.k.current[cpu];
  }

  // ---- the exception side ----

  /**
   * do_signal, before a signal handler is delivered to `pid` running on `cpu`: every thread.hw_brk[i]
   * with a non-zero address and type is written straight into DAWR i, bypassing perf (SEMANTICS §6
   * quirk: a raw PTRACE_SET_DEBUGREG value, even one set back to 0, is re-armed). The machine then
   * runs thread_change_pc. bp_per_reg is not touched.
   */
  doSignalRearm(cpu: number, pid: number): void {
    const th = this.k.threads.get(pid);
    if (!th) return;
    for (let i = 0; i < this.model.slots; i++) {
      const h = th.hwBrk[i];
      if (h.address !== 0n && h.type !== 0) {
        const fake: Breakpoint = {
          name: `hw_brk:${th.name}:${i}`,
          owner: 'ptrace',
          attr: {
            bpAddr: h.address,
            bpLen: BigInt(h.len),
            bpType: 0,
            excludeUser: false,
            excludeKernel: false,
            excludeHv: false,
            pinned: true,
            disabled: false,
          },
          info: { address: h.address, len: h.len, hwLen: h.hwLen, type: h.type, perfSingleStep: false },
          target: pid,
          cpu: -1,
          count: 0,
          state: 'active',
        };
        this.k.slots.programSlot(cpu, i, fake);
      }
    }
  }

  /** perf_bp_event: +1 if started and not mode-excluded; a ptrace breakpoint (sample_period 1)
   * overflows on every count, and ptrace_triggered disables it (one-shot). */
  perfBpEvent(bp: Breakpoint, regs: TrapRegs): Effect[] {
    const out: Effect[] = [];
    this.perfBpEventTo(bp, regs, {
      addEffect: (e) => out.push(e),
      addCount: (b, value) => out.push({ kind: 'count', bp: b.name, value }),
    });
    return out;
  }

  /** perfBpEvent with the effects into `out` (the handler's: a count makes no object). */
  perfBpEventTo(bp: Breakpoint, regs: TrapRegs, out: EffectSink): void {
    if (bp.state !== 'active') return;
    if (bp.attr.excludeUser && regs.mode === 'user') return;
    if (bp.attr.excludeKernel && regs.mode === 'kernel') return;
    bp.count++;
    if (bp.owner === 'ptrace') {
      ptraceTriggered(this.k, bp);
      out.addEffect({ kind: 'disable', bp: bp.name });
      return;
    }
    out.addCount(bp, bp.count);
  }

  /** perf_event_disable_inatomic: OFF and off the CPU; no signal, attr.disabled untouched. */
  disableAsync(bp: Breakpoint): Effect[] {
    sched.eventDisable(this.k, bp);
    return [{ kind: 'disable', bp: bp.name }];
  }

  /**
   * The HwContext of one exception on `cpu`. One object per CPU is reused (the hot path of a perf
   * hit runs this for every exception); icount and record are refreshed on each call, so a context
   * must not be kept past the handler run it was made for.
   */
  hwContext(
    cpu: number,
    pid: number,
    icount: number,
    record: (d: Omit<Decision, 'seq'>) => void,
    records?: RecordSink,
  ): HwContext {
    void pid;
    // (made apart: closures here would make this call allocate their scope every time)
    const ctx = this.contexts[cpu] ?? this.makeContext(cpu, icount, record, records);
    ctx.icount = icount;
    ctx.record = record;
    ctx.records = records;
    return ctx;
  }

  private makeContext(
    cpu: number,
    icount: number,
    record: (d: Omit<Decision, 'seq'>) => void,
    records?: RecordSink,
  ): HwContext {
    const k = this.k;
    const made: HwContext = {
      model: this.model,
      policy: this.policy,
      slots: k.slots.perCpu[cpu],
      icount,
      programSlot: (c, slot, bp) => k.slots.programSlot(c, slot, bp),
      disableAllSlots: (c) => k.slots.disableAll(c),
      perfBpEvent: (bp, regs) => this.perfBpEvent(bp, regs),
      perfBpEventTo: (bp, regs, out) => this.perfBpEventTo(bp, regs, out),
      disableAsync: (bp) => this.disableAsync(bp),
      record,
      records,
    };
    // the handler's WARN / printk lines go to the same kernel log (optional member of HwContext)
    const ctx = Object.assign(made, { kernelLog: (line: string) => k.warn('handler', line, false) });
    this.contexts[cpu] = ctx;
    return ctx;
  }

  // ---- views ----

  /** The slots of every CPU. With `placement` (per CPU, the pid that runs there next), a free slot
   * of an idle CPU also shows what that task's breakpoints would take when it is scheduled in. */
  slotsView(placement?: ReadonlyArray<number | undefined>): SlotsEvent {
    return slotsView(this.k, placement);
  }
  /** The pid that last ran on a CPU. */
  lastRanOn(cpu: number): number | undefined {
    return this.k.lastRan[cpu];
  }
  countersView(): CountersEvent {
    return countersView(this.k, this.perf);
  }
  budget(cpu: number): CpuSlots['budget'] {
    return budgetOf(this.k, cpu);
  }
  /** registered breakpoints, in creation order */
  breakpoints(): Breakpoint[] {
    return [...this.k.live];
  }
  /** what the DAWR shadow (current_brk) holds */
  currentBrk(cpu: number): ReadonlyArray<Breakpoint['info'] | null> {
    return this.k.slots.currentBrk[cpu];
  }
  /** bp_per_reg of a CPU */
  slotOccupants(cpu: number): ReadonlyArray<Breakpoint | null> {
    return this.k.slots.perCpu[cpu].bpPerReg;
  }
  /** accounting numbers, for tests and explanations */
  accounting(): {
    reserved: Breakpoint[];
    cpuPinned(cpu: number): number;
    taskPinned(pid: number, cpu: number): number;
    exclusion: { taskList: Breakpoint[]; cpuTab: Array<Array<Breakpoint | null>> } | null;
  } {
    const r = this.k.reservations;
    const x = this.k.exclusion;
    return {
      reserved: r.all(),
      cpuPinned: (cpu) => r.cpuPinned(cpu, TYPE_DATA),
      taskPinned: (pid, cpu) => r.taskPinned(pid, cpu, TYPE_DATA),
      exclusion: x
        ? { taskList: x.taskList.map((e) => e.bp), cpuTab: x.cpuTab.map((row) => row.map((e) => e?.bp ?? null)) }
        : null,
    };
  }
}
