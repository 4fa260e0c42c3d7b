// The debugger's "program" may be a static ELF executable (built here by powerpc64le-linux-gnu-gcc):
// it stops on entry at e_entry, names frames and data by .symtab symbols, disassembles, steps and
// runs to its exit; a dynamically linked or binary non-ELF file is refused in one line.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { DebugProtocol } from '@vscode/debugprotocol';
import { which } from '../helpers/tools';
import { Client, ensureAdapterBuilt } from './helpers';

const INIT = {
  adapterID: 'ppc-watchpoint',
  pathFormat: 'path',
  linesStartAt1: true,
  columnsStartAt1: true,
} as DebugProtocol.InitializeRequestArguments;
const dir = mkdtempSync(join(tmpdir(), 'wplab-adapter-elf-'));
const GCC = 'powerpc64le-linux-gnu-gcc';
const hasGcc = which(GCC) !== undefined;

before(() => ensureAdapterBuilt());
after(() => rmSync(dir, { recursive: true, force: true }));

function build(out: string, args: string[]): string {
  const exe = join(dir, out);
  execFileSync(GCC, [...args, '-o', exe], { stdio: 'ignore' });
  return exe;
}

// Without the cross compiler the ELF sessions are skipped, except under CI=true (a failure there).
const skip =
  !hasGcc && process.env.CI !== 'true'
    ? `${GCC} not found; install it with: sudo apt-get install gcc-powerpc64le-linux-gnu`
    : false;

describe('ELF executables in the debugger', { skip }, () => {
  it('stops on entry at e_entry with symbol names, disassembles, steps, and runs to the exit', async () => {
    const exe = build('hello', ['-static', '-nostdlib', join(__dirname, '../elf/fixtures/hello-start.S')]);
    const entry = execFileSync('powerpc64le-linux-gnu-readelf', ['-h', exe], { encoding: 'utf8' }).match(
      /Entry point address:\s+(0x[0-9a-f]+)/,
    )![1];
    const c = new Client();
    await c.start();
    try {
      const first = await c.launch({ program: exe });
      const tid = first.body.threadId as number;
      assert.equal(await c.pc(tid), entry);
      const st = await c.dc.stackTraceRequest({ threadId: tid });
      assert.match(st.body.stackFrames[0].name, /_start/);
      const d = await c.dc.disassembleRequest({
        memoryReference: entry,
        instructionCount: 4,
      } as DebugProtocol.DisassembleArguments);
      assert.match(d.body!.instructions[0].instruction, /^(addis r2,r12,|lis r2,)/); // ld may turn the TOC setup into lis
      assert.equal(BigInt((await c.evaluate('r12')).split(' ')[0]), BigInt(entry), 'r12 = the global entry point');
      await c.dc.stepInRequest({ threadId: tid });
      await c.next('stopped');
      assert.equal(BigInt(await c.pc(tid)), BigInt(entry) + 4n);
      assert.match(await c.evaluate('u8[&msg]'), /\(104\)$/, "'h' of hello, found by its symbol");
      await c.dc.continueRequest({ threadId: tid });
      const ex = await c.next<DebugProtocol.ExitedEvent>('exited');
      assert.equal(ex.body.exitCode, 7);
      const out = c
        .drain('output')
        .map((e) => (e.body as { output: string }).output)
        .join('');
      assert.match(out, /hello\n/);
    } finally {
      await c.stop();
    }
  });

  it('refuses a dynamically linked program and a binary that is not an ELF, in one line', async () => {
    const dyn = build('dyn', [join(__dirname, '../elf/fixtures/glibc-hello.c')]);
    const junk = join(dir, 'junk.bin');
    writeFileSync(junk, Buffer.from([0, 1, 2, 3]));
    for (const [program, re] of [
      [dyn, /^"program": .*dyn: dynamically linked \(interpreter \/lib64\/ld64\.so\.2\); build it with -static$/],
      [junk, /^"program": .*junk\.bin: a binary file that is neither an ELF executable/],
      ['/dev/zero', /^"program": \/dev\/zero: it is not a regular file/],
    ] as const) {
      const c = new Client();
      await c.start();
      try {
        await c.dc.initializeRequest(INIT);
        const msg = await c.fails(c.dc.launchRequest({ program } as DebugProtocol.LaunchRequestArguments));
        assert.match(msg, re);
        assert.ok(!msg.includes('\n'), msg);
      } finally {
        await c.stop();
      }
    }
  });
});
