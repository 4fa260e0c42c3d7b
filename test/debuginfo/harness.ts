// Shared by the debuginfo tests: C programs built during the run with powerpc64le-linux-gnu-gcc
// (once per set of flags), the GNU reference tools (objdump, readelf, gdb-multiarch on a program
// that is not running: static facts only), and the simulator run to an address (a trap written
// where a debugger writes its breakpoints), giving the Target the reader unwinds and reads.
import assert from 'node:assert/strict';
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, type TestContext } from 'node:test';
import { Machine } from '../../sim/machine/machine';
import type { StopInfo, Task } from '../../sim/machine/task';
import { formatDiagnostic } from '../../sim/program';
import { programFromBytes } from '../../sim/program-file';
import { DebugInfo, openDebugInfo } from '../../sim/debuginfo/debug-info';
import type { Target } from '../../sim/debuginfo/target';
import { threadTarget } from '../../sim/debuginfo/thread-target';
import { INSTALL, requireTool, which } from '../helpers/tools';

export const FIX = join(__dirname, 'fixtures');
const dir = mkdtempSync(join(tmpdir(), 'wplab-dwarf-'));
test.after(() => rmSync(dir, { recursive: true, force: true }));

const built = new Map<string, string>();

/** Builds `source` (a fixture name) with gcc and `flags`, once; undefined when gcc is missing (the test is skipped). */
export function build(t: TestContext, source: string, flags: string[], out?: string): string | undefined {
  if (!requireTool(t, 'powerpc64le-linux-gnu-gcc', INSTALL.gcc)) return undefined;
  const name = out ?? `${source.replace(/\W/g, '_')}${flags.join('').replace(/\W/g, '_')}`;
  const had = built.get(name);
  if (had) return had;
  const exe = join(dir, name);
  // (the working directory is the fixtures folder: DW_AT_comp_dir and the line table's paths name it)
  execFileSync('powerpc64le-linux-gnu-gcc', [...flags, source, '-o', exe], {
    cwd: FIX,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  built.set(name, exe);
  return exe;
}

export function hasGdb(): boolean {
  return which('gdb-multiarch') !== undefined;
}

/** gdb-multiarch, the reference for static facts; skips the test without it (fails under CI=true). */
export function requireGdb(t: TestContext): boolean {
  return requireTool(t, 'gdb-multiarch', 'sudo apt-get install gdb-multiarch') !== undefined;
}

/** gdb-multiarch in batch mode on a program that is not running (static facts: lines, types, initial data). */
export function gdb(exe: string, commands: string[]): string {
  const args = ['-batch', '-nx'];
  for (const c of commands) args.push('-ex', c);
  args.push(exe);
  return execFileSync('gdb-multiarch', args, {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    maxBuffer: 64 * 1024 * 1024,
  });
}

export function tool(name: string, args: string[]): string {
  return execFileSync(name, args, { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
}

export function open(exe: string): DebugInfo {
  const r = openDebugInfo(new Uint8Array(readFileSync(exe)));
  assert.ok(r.ok, r.ok ? '' : r.message);
  return r.info;
}

/** A Target over the file's allocated sections: initial data, as gdb reads it from a program that is not running. */
export function fileTarget(di: DebugInfo): Target {
  const bytes = di.elf.bytes;
  const secs = di.elf.sections.filter((s) => (s.flags & 2n) !== 0n);
  return {
    readMemory(a, n) {
      for (const s of secs) {
        if (a >= s.addr && a + BigInt(n) <= s.addr + s.size) {
          if (s.type === 8) return new Uint8Array(n);
          const o = Number(s.offset + (a - s.addr));
          return bytes.slice(o, o + n);
        }
      }
      return undefined;
    },
    readRegister: () => undefined,
    pc: () => 0n,
  };
}

const TRAP = 0x7fe00008;

/** A program on the simulated machine, traced, stopped by traps as a debugger stops it. */
export class Sim {
  readonly machine: Machine;
  readonly task: Task;
  private inserted: Array<{ addr: bigint; word: Uint8Array }> = [];

  constructor(exe: string, opts: { argv?: string[]; cpu?: 'power8' | 'power9' | 'power10' } = {}) {
    const r = programFromBytes(exe, readFileSync(exe));
    assert.ok(r.ok, r.ok ? '' : formatDiagnostic(r.errors[0]));
    this.machine = new Machine({ cpu: opts.cpu ?? 'power10', cpus: 1, kernel: '6.6' });
    this.task = this.machine.addTask({
      name: 'prog',
      program: r.value,
      traced: true,
      argv: opts.argv,
      stdout: () => undefined,
      stderr: () => undefined,
    });
  }

  get target(): Target {
    return threadTarget(this.task.mem, this.task.thread);
  }
  get pc(): bigint {
    return this.task.thread.pc;
  }

  private insert(addrs: bigint[]): void {
    const w = new Uint8Array(4);
    new DataView(w.buffer).setUint32(0, TRAP, true);
    for (const a of addrs) {
      if (this.inserted.some((i) => i.addr === a)) continue;
      const old = this.task.mem.readBytes(a, 4);
      assert.ok(old, `no code at 0x${a.toString(16)}`);
      this.inserted.push({ addr: a, word: old });
      this.task.mem.writeBytesAs(a, w, true);
    }
  }
  private remove(): void {
    for (const i of this.inserted.reverse()) this.task.mem.writeBytesAs(i.addr, i.word, true);
    this.inserted = [];
  }

  /** One instruction. */
  step(): StopInfo {
    this.machine.resume(this.task, true);
    return this.machine.runUntilStop(this.task, 10);
  }

  /** Runs until one of `addrs` is reached (a trap there) or the program ends; the stop. */
  runTo(addrs: bigint[], maxSteps = 200_000_000): StopInfo {
    // off an address we would trap on: step over it first
    if (addrs.includes(this.pc)) {
      const s = this.step();
      if (s.event !== 'stopped' || s.signal !== 'SIGTRAP') return s;
    }
    this.insert(addrs);
    this.machine.resume(this.task, false);
    const stop = this.machine.runUntilStop(this.task, maxSteps);
    this.remove();
    return stop;
  }

  /** Runs to `addr` and checks it got there. */
  runToAddress(addr: bigint): void {
    const s = this.runTo([addr]);
    assert.equal(
      s.event,
      'stopped',
      `stopped at 0x${addr.toString(16)}? ` +
        `${JSON.stringify(s, (_, v) => (typeof v === 'bigint' ? `0x${v.toString(16)}` : v))}`,
    );
    assert.equal(this.pc, addr);
  }
}

export function hex(v: bigint): string {
  return `0x${v.toString(16)}`;
}

/**
 * gdb-multiarch attached to the program running under qemu-ppc64le's gdb stub (the reference for
 * what happens at run time: stacks, stepping); undefined when qemu or gdb is missing.
 */
export function gdbOnQemu(exe: string, commands: string[]): string | undefined {
  if (!which('qemu-ppc64le') || !hasGdb()) {
    if (process.env.CI === 'true')
      throw new Error(
        `qemu-ppc64le and gdb-multiarch are needed (CI=true: a missing reference tool is a ` +
          `failure); install them with: ${INSTALL.qemu} gdb-multiarch`,
      );
    return undefined;
  }
  for (let attempt = 0; attempt < 5; attempt++) {
    const port = 20000 + Math.floor(Math.random() * 30000);
    const q = spawn('qemu-ppc64le', ['-g', String(port), exe], { stdio: 'ignore' });
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 300); // (qemu opens its port)
    try {
      const args = ['-batch', '-nx', '-ex', 'set pagination off', '-ex', `target remote :${port}`];
      for (const c of commands) args.push('-ex', c);
      args.push(exe);
      // (the stub listens as soon as qemu starts; a refused connection is retried on another port)
      const r = spawnSync('gdb-multiarch', args, { encoding: 'utf8', timeout: 60_000, maxBuffer: 64 * 1024 * 1024 });
      if (/Connection refused|Remote connection closed/.test(r.stderr + r.stdout) && !/Breakpoint/.test(r.stdout))
        continue;
      return r.stdout;
    } finally {
      q.kill('SIGKILL');
    }
  }
  return undefined;
}
