// The simulated kernel's machine-wide state outside the watchpoint subsystem: the virtual file system
// with its pseudo-files, the clocks, the random generator and the system's identity (uname). One per
// Machine; processes keep their own state in ProcessState.
import type { CpuModelName, KernelPolicy } from '../hwbp/cpu-model';
import { Clock } from './clock';
import { CPU_IDENTITY } from './cpu-identity';
import { E } from './errno';
import { KernelRandom } from './random';
import { FileSystem } from './vfs/file-system';
import type { ProcessState } from './process-state';
import type { HostFs } from './vfs/host-mount';
import { type Caller, DeviceInode, FileInode, GeneratedInode, PipeInode, SymlinkInode } from './vfs/inode';

export interface KernelOptions {
  cpu: CpuModelName;
  cpus: number;
  policy: KernelPolicy;
  /** instructions executed by the machine so far (the time base) */
  ticks: () => number;
  /** POWER9's /sys/kernel/debug/powerpc/dawr_enable_dangerous: read and set (`cpu`: the writer's) */
  dawrForceEnable?: { get(): boolean; set(on: boolean, cpu?: number): void };
  /** the kernel symbols /proc/kallsyms lists (address, type letter, name) */
  kallsyms?: () => { addr: bigint; type: string; name: string }[];
}

export interface Mount {
  host: HostFs;
  hostPath: string;
  guestPath: string;
  readOnly: boolean;
}

const te = new TextEncoder();

/** The kernel's kstrtobool: the first characters decide (y/Y/t/T/1, n/N/f/F/0, on/off); else undefined. */
export function kstrtobool(bytes: Uint8Array): boolean | undefined {
  const c = String.fromCharCode(bytes[0] ?? 0).toLowerCase();
  if ('yt1'.includes(c)) return true;
  if ('nf0'.includes(c)) return false;
  if (c === 'o') {
    const d = String.fromCharCode(bytes[1] ?? 0).toLowerCase();
    if (d === 'n') return true;
    if (d === 'f') return false;
  }
  return undefined;
}

/**
 * /proc/PID/maps: one line per mapping, `start-end perms offset dev inode path` as show_map_vma prints
 * them (addresses in %08lx); the program's segments name the executable, the break [heap], the stack
 * [stack]. Not kept (shown as 0): the file offsets, devices and inode numbers of the segments.
 * glibc's pthread_getattr_np reads it to find the main thread's stack.
 */
function mapsText(proc: ProcessState): string {
  const hex = (n: number) => n.toString(16).padStart(8, '0');
  return proc.mm.vmas
    .map((v) => {
      const p = v.prot;
      const perms = `${p.read ? 'r' : '-'}${p.write ? 'w' : '-'}${p.exec ? 'x' : '-'}${v.shared ? 's' : 'p'}`;
      const path = v.kind === 'image' ? proc.exe : v.kind === 'brk' ? '[heap]' : v.kind === 'stack' ? '[stack]' : '';
      const head = `${hex(v.start)}-${hex(v.end)} ${perms} 00000000 00:00 0`;
      return path ? `${head.padEnd(73)}${path}\n` : `${head}\n`;
    })
    .join('');
}

export class Kernel {
  readonly clock: Clock;
  readonly random = new KernelRandom();
  readonly fs: FileSystem;
  readonly uname: {
    sysname: string;
    nodename: string;
    release: string;
    version: string;
    machine: string;
    domainname: string;
  };
  /** the CPU of the system call being run (set by the machine around each call) */
  currentCpu: number | undefined;

  constructor(readonly opts: KernelOptions) {
    this.clock = new Clock(opts.ticks);
    this.fs = new FileSystem(() => this.clock.realtimeNs());
    this.uname = {
      sysname: 'Linux',
      nodename: 'wplab',
      release: opts.policy === '6.5' ? '6.5.0' : '6.6.0',
      version: '#1 SMP Thu Jan  1 00:00:00 UTC 2026',
      machine: 'ppc64le',
      domainname: '(none)',
    };
    this.populate();
  }

  private populate(): void {
    const fs = this.fs;
    const now = () => this.clock.realtimeNs();
    const t0 = now();
    for (const d of [
      '/tmp',
      '/dev',
      '/proc',
      '/sys/devices/system/cpu',
      '/sys/kernel/debug/powerpc',
      '/etc',
      '/home',
      '/root',
    ])
      fs.mkdirs(d);
    fs.mkdirs('/tmp').mode = 0o41777; // sticky, world-writable
    // the accounts a Debian system starts with, for getpwuid/getgrgid (glibc reads them with nss
    // files even in a static program) and the host's name as uname gives it
    const etc = (path: string, text: string) => fs.place(path, new FileInode(0o644, t0, te.encode(text)));
    etc('/etc/passwd', 'root:x:0:0:root:/root:/bin/bash\nnobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin\n');
    etc('/etc/group', 'root:x:0:\nnogroup:x:65534:\n');
    etc('/etc/hostname', `${this.uname.nodename}\n`);
    const makedev = (major: number, minor: number) => (major << 8) | minor;
    const sink = (b: Uint8Array) => b.length;
    fs.place('/dev/null', new DeviceInode(makedev(1, 3), t0, () => new Uint8Array(0), sink));
    fs.place('/dev/zero', new DeviceInode(makedev(1, 5), t0, (n) => new Uint8Array(n), sink));
    fs.place(
      '/dev/full',
      new DeviceInode(
        makedev(1, 7),
        t0,
        (n) => new Uint8Array(n),
        () => -E.ENOSPC,
      ),
    );
    fs.place('/dev/random', new DeviceInode(makedev(1, 8), t0, (n) => this.random.bytes(n), sink));
    fs.place('/dev/urandom', new DeviceInode(makedev(1, 9), t0, (n) => this.random.bytes(n), sink));
    fs.place('/proc/self', new SymlinkInode((c: Caller) => String(c.pid), t0));
    // procfs's blocks are 1 KiB (st_blksize); tmpfs, sysfs and debugfs use the page size
    const proc = (path: string, make: () => string) => {
      const i = new GeneratedInode(() => te.encode(make()), t0);
      i.blksize = 1024;
      i.procfs = true;
      fs.place(path, i);
    };
    proc('/proc/cpuinfo', () => this.cpuinfo());
    proc('/proc/kallsyms', () => this.kallsymsText());
    proc('/proc/version', () => `Linux version ${this.uname.release} (wplab) ${this.uname.version}\n`);
    const cpus = this.opts.cpus;
    const range = cpus === 1 ? '0\n' : `0-${cpus - 1}\n`;
    fs.place('/sys/devices/system/cpu/online', new GeneratedInode(() => te.encode(range), t0));
    fs.place('/sys/devices/system/cpu/possible', new GeneratedInode(() => te.encode(range), t0));
    fs.place('/sys/devices/system/cpu/present', new GeneratedInode(() => te.encode(range), t0));
    // POWER9's DAWR switch: only POWER9 has the file (dawr_force_setup: the other models' DAWR needs
    // no switch, POWER7 has none). Reading gives Y or N; a write is parsed as kstrtobool parses
    // (y/t/1, n/f/0, on/off) and is consumed whole even when it is not a boolean, as
    // debugfs_write_file_bool does.
    if (this.opts.cpu === 'power9') {
      const dawr = this.opts.dawrForceEnable;
      fs.place(
        '/sys/kernel/debug/powerpc/dawr_enable_dangerous',
        new GeneratedInode(
          () => te.encode(dawr?.get() ? 'Y\n' : 'N\n'),
          t0,
          (bytes) => {
            const v = kstrtobool(bytes);
            if (v !== undefined) dawr?.set(v, this.currentCpu);
            return bytes.length;
          },
          0o600,
        ),
      );
    }
  }

  /** /proc/<pid> for a process (what /proc/self leads to): its exe and cwd links, its comm, and its
   * task/ folder with the main thread. */
  registerProcess(proc: ProcessState): void {
    const t0 = this.clock.realtimeNs();
    this.fs.place(`/proc/${proc.pid}/exe`, new SymlinkInode(() => proc.exe, t0));
    this.fs.place(`/proc/${proc.pid}/cwd`, new SymlinkInode(() => this.fs.pathOf(proc.cwd), t0));
    this.fs.place(`/proc/${proc.pid}/comm`, this.commFile(proc));
    const maps = new GeneratedInode(() => te.encode(mapsText(proc)), t0);
    maps.blksize = 1024;
    maps.procfs = true;
    this.fs.place(`/proc/${proc.pid}/maps`, maps);
    this.registerThread(proc.pid, proc.pid, proc);
  }

  /** /proc/<pid>/task/<tid>/comm of a thread (`thread`: its own state, where its name is kept). */
  registerThread(pid: number, tid: number, thread: ProcessState): void {
    this.fs.place(`/proc/${pid}/task/${tid}/comm`, this.commFile(thread));
  }

  /** The thread ended: /proc/<pid>/task/<tid> goes. */
  unregisterThread(pid: number, tid: number): void {
    const dir = this.fs.root.entries.get('proc');
    const proc = dir?.isDir() ? dir.entries.get(String(pid)) : undefined;
    const task = proc?.isDir() ? proc.entries.get('task') : undefined;
    if (task?.isDir()) task.deleteEntry(String(tid));
  }

  /** A comm file: the name (prctl PR_SET_NAME's, or the executable's base name) and a newline; a write
   * sets it (the first 15 bytes, a trailing newline dropped), as pthread_setname_np does for another thread. */
  private commFile(p: ProcessState): GeneratedInode {
    const i = new GeneratedInode(
      () => te.encode(`${p.comm ?? (p.exe.split('/').pop() ?? '').slice(0, 15)}\n`),
      this.clock.realtimeNs(),
      (bytes) => {
        const text = new TextDecoder('latin1').decode(bytes).replace(/\n$/, '');
        p.comm = text.slice(0, 15);
        return bytes.length;
      },
      0o644,
    );
    i.blksize = 1024;
    i.procfs = true;
    return i;
  }

  /** The process was reaped: /proc/<pid> goes. */
  unregisterProcess(pid: number): void {
    const proc = this.fs.root.entries.get('proc');
    if (proc && proc.isDir()) proc.deleteEntry(String(pid));
  }

  mount(m: Mount): void {
    this.fs.mount(m.guestPath, m.host, m.hostPath, m.readOnly);
  }

  /** A pipe carrying a program's standard input: all of `input`, then what `more` gives (when given)
   * until it gives nothing, then end of file. */
  stdinPipe(input: Uint8Array, more?: (max: number) => Uint8Array): PipeInode {
    return new PipeInode(this.clock.realtimeNs(), { input, more });
  }
  /** A pipe whose written bytes go to `sink` (a program's standard output or error). */
  outputPipe(sink: (bytes: Uint8Array) => void): PipeInode {
    return new PipeInode(this.clock.realtimeNs(), { sink });
  }

  private cpuinfo(): string {
    const id = CPU_IDENTITY[this.opts.cpu];
    let s = '';
    for (let i = 0; i < this.opts.cpus; i++)
      s +=
        `processor\t: ${i}\ncpu\t\t: ${id.cpuinfoName}\nclock\t\t: ` +
        `${id.clockMHz}MHz\nrevision\t: ${id.revision}\n\n`;
    // the radix MMU came with POWER9 (ISA 3.0); POWER7 and POWER8 have the hash MMU only
    const mmu = this.opts.cpu === 'power7' || this.opts.cpu === 'power8' ? 'Hash' : 'Radix';
    s +=
      `timebase\t: 512000000\nplatform\t: pSeries\nmodel\t\t: IBM,9080-HEX\nmachine\t\t: ` +
      `CHRP IBM,9080-HEX\nMMU\t\t: ${mmu}\n`;
    return s;
  }

  private kallsymsText(): string {
    const syms = this.opts.kallsyms?.() ?? [];
    return syms.map((s) => `${s.addr.toString(16).padStart(16, '0')} ${s.type} ${s.name}\n`).join('');
  }
}
