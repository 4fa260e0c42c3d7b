// perf_event_open as a system call: the event is made by the tracer's call with the calling process's
// identity (the same checks and the same breakpoint as a scenario's perf_open), and its descriptor is
// a file of the caller's fd table (sim/os/vfs/perf-event-file.ts). This file keeps what perf keeps
// per event beyond the breakpoint: the attr as the program gave it, the group, the times, and the
// copies counting for children (attr.inherit), whose counts add to the parent's.
import type { PerfFile } from '../hwbp/perf-event';
import { E, type ErrnoName } from '../os/errno';
import {
  PERF_ATTR_FLAG,
  PERF_TYPE_BREAKPOINT,
  PERF_FLAG,
  flag,
  type PerfAttr,
  type PerfCalls,
  type PerfEventHandle,
} from '../os/syscalls/perf-calls';
import { O, OpenFile } from '../os/vfs/open-file';
import { PerfEventInode } from '../os/vfs/perf-event-file';
import type { Machine } from './machine';
import type { Task } from './task';
import type { CallFailure, Tracer } from './tracer';

/** PERF_SAMPLE_BRANCH_STACK: breakpoints take no branch sampling (EOPNOTSUPP) */
const PERF_SAMPLE_BRANCH_STACK = 1n << 11n;

function errno(f: CallFailure): number {
  return (E as Record<string, number>)[f.errno as ErrnoName] ?? E.EINVAL;
}

/** The attr bytes perf_event_modify_attr lets change (bp_type, bp_addr, bp_len, disabled, sig_data);
 * every other byte of the new attr must equal the old one's (modify_user_hw_breakpoint_check). */
function sameButBreakpoint(a: Uint8Array, b: Uint8Array): boolean {
  for (let i = 0; i < a.length; i++) {
    if ((i >= 52 && i < 72) || (i >= 120 && i < 128)) continue;
    if (i === 40) {
      if ((a[i] & ~1) !== (b[i] & ~1)) return false;
      continue;
    }
    if (a[i] !== b[i]) return false;
  }
  return true;
}

export class GuestPerfEvent implements PerfEventHandle {
  leader: GuestPerfEvent = this;
  readonly siblings: GuestPerfEvent[] = [];
  /** copies counting for the children of the target (attr.inherit), and the counts of those that exited */
  readonly children: Array<{ file: PerfFile; pid: number }> = [];
  exitedTotal = 0n;
  private enabledNs = 0n;
  private enabledSince: bigint | undefined;
  released = false;

  constructor(
    private readonly perf: GuestPerf,
    public attr: PerfAttr,
    readonly id: bigint,
    readonly file: PerfFile,
    /** the task the event counts for (undefined: a per-CPU event) */
    readonly target: Task | undefined,
  ) {
    if (this.enabledNow()) this.enabledSince = perf.now();
  }

  private enabledNow(): boolean {
    const s = this.file.bp.state;
    return !this.file.closed && (s === 'active' || s === 'inactive');
  }
  private settle(): void {
    const now = this.perf.now();
    if (this.enabledSince !== undefined) this.enabledNs += now - this.enabledSince;
    this.enabledSince = this.enabledNow() ? now : undefined;
  }

  value(): bigint {
    let v = BigInt(this.file.bp.count) + this.exitedTotal;
    for (const c of this.children) v += BigInt(c.file.bp.count);
    return v;
  }
  timeEnabled(): bigint {
    this.settle();
    return this.enabledNs;
  }
  /** the time it was enabled (a breakpoint event is scheduled whenever its task runs; not separated here) */
  timeRunning(): bigint {
    return this.timeEnabled();
  }
  enable(): void {
    this.perf.hw.perfEventEnable(this.file);
    for (const c of this.children) this.perf.hw.perfEventEnable(c.file);
    this.settle();
  }
  disable(): void {
    this.perf.hw.perfEventDisable(this.file);
    for (const c of this.children) this.perf.hw.perfEventDisable(c.file);
    this.settle();
  }
  /** _perf_event_reset for the event and its children; the counts of exited children stay (child_count) */
  reset(): void {
    this.file.bp.count = 0;
    for (const c of this.children) c.file.bp.count = 0;
  }
  refresh(_n: number): number {
    // PERF_EVENT_IOC_REFRESH: only for a sampling event that does not inherit
    return -E.EINVAL;
  }
  period(v: bigint): number {
    if (this.attr.samplePeriod === 0n || v === 0n) return -E.EINVAL;
    this.attr = { ...this.attr, samplePeriod: v };
    return 0;
  }
  modify(next: PerfAttr): number {
    if (next.type !== this.attr.type) return -E.EINVAL;
    if (!sameButBreakpoint(this.attr.bytes, next.bytes)) return -E.EINVAL;
    const m = {
      bpAddr: next.bpAddr,
      bpLen: next.bpLen,
      bpType: next.bpType,
      disabled: flag(next, PERF_ATTR_FLAG.disabled),
    };
    const r = this.perf.hw.modify(this.file.bp, m);
    if (r) return -((E as Record<string, number>)[r.errno] ?? E.EINVAL);
    for (const c of this.children) this.perf.hw.modify(c.file.bp, m);
    this.attr = next;
    this.settle();
    return 0;
  }
  release(): void {
    if (this.released) return;
    this.released = true;
    this.settle();
    this.perf.hw.perfEventClose(this.file);
    for (const c of this.children) this.perf.hw.perfEventClose(c.file);
    if (this.leader !== this) this.leader.siblings.splice(this.leader.siblings.indexOf(this), 1);
    for (const s of this.siblings) s.leader = s;
    this.perf.events.delete(this);
  }
}

export class GuestPerf {
  /** every event a process opened that is still open */
  readonly events = new Set<GuestPerfEvent>();
  private nextId = 1n;

  constructor(
    private readonly m: Machine,
    private readonly tracer: () => Tracer,
  ) {}

  get hw() {
    return this.m.hw;
  }
  now(): bigint {
    return this.m.kernel.clock.monotonicNs();
  }

  /** The perf_event_open of process `caller`. */
  calls(caller: Task): PerfCalls {
    return { open: (attr, pid, cpu, groupFd, flags) => this.open(caller, attr, pid, cpu, groupFd, flags) };
  }

  private open(caller: Task, attr: PerfAttr, pid: number, cpu: number, groupFd: number, flags: number): number {
    const fds = caller.proc.fds;
    // the descriptor it will get (get_unused_fd_flags comes first)
    const used = new Set(fds.open());
    let fd = 0;
    while (used.has(fd)) fd++;
    if (fd >= fds.limit) return -E.EMFILE;
    let leader: GuestPerfEvent | undefined;
    if (groupFd !== -1) {
      const f = fds.getFile(groupFd);
      if (!f || !(f.inode instanceof PerfEventInode)) return -E.EBADF;
      leader = f.inode.event as GuestPerfEvent;
      if (leader.leader !== leader) return -E.EINVAL;
    }
    let task: Task | undefined;
    if (pid !== -1) {
      task = pid === 0 ? caller : this.m.tasks.find((t) => t.pid === pid && !t.reaped);
      if (!task || !task.alive) return -E.ESRCH;
    }
    if (leader && (leader.target !== task || (task === undefined && leader.file.bp.cpu !== cpu))) return -E.EINVAL;
    if (leader && task && flag(leader.attr, PERF_ATTR_FLAG.inherit) !== flag(attr, PERF_ATTR_FLAG.inherit))
      return -E.EINVAL;
    // perf_init_event: only the breakpoint PMU is here
    if (attr.type !== PERF_TYPE_BREAKPOINT) return -E.ENOENT;
    if (attr.sampleType & PERF_SAMPLE_BRANCH_STACK) return -E.EOPNOTSUPP;
    const id = `pid${caller.pid}:fd${fd}`;
    const r = this.tracer().perfOpenFor(
      { pid: caller.pid, name: caller.name },
      {
        name: id,
        task,
        cpu,
        addr: attr.bpAddr,
        len: attr.bpLen,
        type: attr.bpType,
        excludeUser: flag(attr, PERF_ATTR_FLAG.excludeUser),
        excludeKernel: flag(attr, PERF_ATTR_FLAG.excludeKernel),
        excludeHv: flag(attr, PERF_ATTR_FLAG.excludeHv),
        disabled: flag(attr, PERF_ATTR_FLAG.disabled),
        pinned: flag(attr, PERF_ATTR_FLAG.pinned),
      },
      fd,
    );
    if (!r.ok) return -errno(r);
    const ev = new GuestPerfEvent(this, attr, this.nextId++, r.file, task);
    if (leader) {
      ev.leader = leader;
      leader.siblings.push(ev);
    }
    this.events.add(ev);
    const got = fds.install(
      new OpenFile(new PerfEventInode(ev, this.m.kernel.clock.realtimeNs()), O.RDWR),
      (flags & PERF_FLAG.FD_CLOEXEC) !== 0,
    );
    if (got < 0) {
      ev.release();
      return got;
    }
    return got;
  }

  /** perf_event_init_task: the events with attr.inherit that count for `parent` get a copy counting
   * for `child`. 0, or the errno of a copy that could not be made (the fork then fails). */
  inherit(parent: Task, child: Task): number {
    const made: Array<{ ev: GuestPerfEvent; file: PerfFile }> = [];
    for (const ev of this.events) {
      if (!flag(ev.attr, PERF_ATTR_FLAG.inherit) || ev.released) continue;
      const counts = ev.target === parent || ev.children.some((c) => c.pid === parent.pid);
      if (!counts) continue;
      const a = ev.attr;
      const r = this.tracer().perfOpenFor(
        ev.file.bp.by ?? { pid: parent.pid, name: parent.name },
        {
          name: `${ev.file.id}>${child.pid}`,
          task: child,
          cpu: ev.file.bp.cpu,
          addr: a.bpAddr,
          len: a.bpLen,
          type: a.bpType,
          excludeUser: flag(a, PERF_ATTR_FLAG.excludeUser),
          excludeKernel: flag(a, PERF_ATTR_FLAG.excludeKernel),
          excludeHv: flag(a, PERF_ATTR_FLAG.excludeHv),
          disabled: ev.file.bp.state === 'off',
          pinned: flag(a, PERF_ATTR_FLAG.pinned),
        },
        ev.file.fd,
      );
      if (!r.ok) {
        for (const x of made) {
          this.hw.perfEventClose(x.file);
          x.ev.children.splice(
            x.ev.children.findIndex((c) => c.file === x.file),
            1,
          );
        }
        return errno(r);
      }
      ev.children.push({ file: r.file, pid: child.pid });
      made.push({ ev, file: r.file });
    }
    return 0;
  }

  /** perf_event_exit_task: the copies counting for `t` go, their counts added to their parent event. */
  taskExited(t: Task): void {
    for (const ev of this.events) {
      for (let i = ev.children.length - 1; i >= 0; i--) {
        const c = ev.children[i];
        if (c.pid !== t.pid) continue;
        ev.exitedTotal += BigInt(c.file.bp.count);
        this.hw.perfEventClose(c.file);
        ev.children.splice(i, 1);
      }
    }
  }
}
