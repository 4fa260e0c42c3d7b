// Process start: the mapping of PT_LOAD segments at 64 KiB granularity and the initial stack, each
// value compared with what fs/binfmt_elf.c, fs/exec.c and arch/powerpc give (derived by hand below,
// not by calling the loader's helpers).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { AddressSpace, pageNumber } from '../../sim/cpu/address-space';
import { USER_MSR } from '../../sim/cpu/thread-state';
import { loadExecImage, startProcess, checkExecArgs } from '../../sim/elf/process-start';
import { loadProgram } from '../../sim/exec';
import { programFromBytes } from '../../sim/program-file';
import type { Program } from '../../sim/program';
import { buildElf, words, type ElfSpec } from './elf-builder';

const TEXT = 0x10000100n;
const DATA = 0x10010000n;
const CODE = words(0x38000001, 0x38600000, 0x44000002); // exit(0)

function program(spec: ElfSpec): Program {
  const r = programFromBytes('/bin/prog', buildElf(spec));
  assert.ok(r.ok, r.ok ? '' : r.errors[0].message);
  return r.value;
}

const base: ElfSpec = {
  entry: TEXT,
  segs: [
    { flags: 5, vaddr: TEXT, data: CODE },
    { flags: 6, vaddr: DATA, data: new TextEncoder().encode('abc'), memsz: 0x2345 },
  ],
  sections: [],
  symbols: [],
};

function prot(mem: AddressSpace, addr: bigint): string {
  const p = mem.page(pageNumber(addr));
  return p ? `${p.read ? 'r' : '-'}${p.write ? 'w' : '-'}${p.exec ? 'x' : '-'}` : 'unmapped';
}

test(
  'segments map whole 64 KiB file pages with their permissions; bss is zero; the break ' + 'follows the last segment',
  () => {
    const p = program(base);
    const file = p.image!.file;
    const mem = new AddressSpace();
    const start = loadExecImage(p.image!, mem, { path: '/bin/prog' });
    // text: 0x10000000-0x1000ffff r-x, holding file bytes 0..0xffff (the ELF header is visible at its start)
    assert.equal(prot(mem, 0x10000000n), 'r-x');
    assert.equal(prot(mem, 0x1000fff0n), 'r-x');
    assert.deepEqual([...mem.readBytes(0x10000000n, 4)!], [0x7f, 0x45, 0x4c, 0x46]);
    assert.deepEqual([...mem.readBytes(TEXT, CODE.length)!], [...CODE]);
    // data: one file page 0x10010000-0x1001ffff rw-; the bss part of it cleared (padzero), though the file has bytes
    // there
    assert.equal(prot(mem, DATA), 'rw-');
    assert.deepEqual([...mem.readBytes(DATA, 4)!], [0x61, 0x62, 0x63, 0]);
    const dataOff = file.indexOf(0x61, 0x10000);
    assert.equal(dataOff, 0x10000);
    assert.ok(
      file.subarray(0x10003, 0x10100).some((b) => b !== 0),
      'the file has bytes after the data (symbols)',
    );
    assert.ok(mem.readBytes(DATA + 3n, 0x10000 - 3)!.every((b) => b === 0));
    assert.equal(prot(mem, 0x10020000n), 'unmapped');
    assert.equal(start.brk, 0x10020000n);
    assert.equal(mem.write(TEXT, 4, 0n), false, 'text is read-only');
  },
);

test(
  'memsz == filesz: the rest of the last page shows the file; a read-only bss part is ' +
    'not cleared; anonymous pages follow',
  () => {
    const ro: ElfSpec = {
      ...base,
      segs: [
        { flags: 5, vaddr: TEXT, data: CODE },
        { flags: 4, vaddr: DATA, data: new TextEncoder().encode('abc'), memsz: 0x12345 },
      ],
    };
    const p = program(ro);
    const mem = new AddressSpace();
    const start = loadExecImage(p.image!, mem, { path: '/bin/prog' });
    const file = p.image!.file;
    // read-only segment: padzero would fault, Linux ignores it, so the file's next bytes stay visible
    assert.deepEqual([...mem.readBytes(DATA, 0x100)!], [...file.subarray(0x10000, 0x10100)]);
    assert.equal(prot(mem, DATA), 'r--');
    // the anonymous part (vm_brk_flags) is read/write, zero, up to the 64 KiB page holding vaddr+memsz
    assert.equal(prot(mem, 0x10020000n), 'rw-');
    assert.equal(prot(mem, 0x1002fff0n), 'rw-');
    assert.equal(prot(mem, 0x10030000n), 'unmapped');
    assert.ok(mem.readBytes(0x10020000n, 0x10000)!.every((b) => b === 0));
    assert.equal(start.brk, 0x10030000n);
  },
);

test('a later segment wins a 64 KiB page it shares with an earlier one (MAP_FIXED)', () => {
  const shared: ElfSpec = {
    ...base,
    segs: [
      { flags: 5, vaddr: TEXT, data: CODE },
      { flags: 6, vaddr: 0x10008000n, data: new Uint8Array([9]), memsz: 1 },
    ],
  };
  const p = program(shared);
  const mem = new AddressSpace();
  loadExecImage(p.image!, mem, { path: '/bin/prog' });
  assert.equal(prot(mem, TEXT), 'rw-', 'the data mapping replaced the text page');
  assert.equal(mem.read(0x10008000n, 1), 9n);
  assert.deepEqual(
    [...mem.readBytes(TEXT, CODE.length)!],
    [...CODE],
    'same file page, so the code bytes are still there',
  );
});

// ---- the initial stack -------------------------------------------------------------------------

const TOP = 0x7ffffff00000n;
const HWCAP = 0xdc0065c2n; // ppc32 ppc64 altivec fpu mmu smt ic_snoop arch_2_06 dfp vsx archpmu true_le
const HWCAP2 = { power7: 0x20000000n, power8: 0xff000000n, power9: 0xbef00000n, power10: 0xbef60000n } as const;

function cstr(mem: AddressSpace, addr: bigint): string {
  const bytes: number[] = [];
  for (let a = addr; ; a++) {
    const b = Number(mem.read(a, 1));
    if (b === 0) break;
    bytes.push(b);
  }
  return new TextDecoder().decode(new Uint8Array(bytes));
}

test("AT_PHDR is where a PT_LOAD maps the program headers (0 when no PT_LOAD's file bytes hold them)", () => {
  assert.equal(
    program(base).image!.phdr.addr,
    0n,
    'the headers are in the page but outside every p_offset..p_offset+p_filesz',
  );
});

/** GNU ld's layout: the first PT_LOAD starts at file offset 0 and so maps the ELF and program headers. */
const withHeaders: ElfSpec = {
  ...base,
  segs: [
    {
      flags: 5,
      vaddr: 0x10000000n,
      offset: 0,
      data: (() => {
        const d = new Uint8Array(0x100 + CODE.length);
        d.set(CODE, 0x100);
        return d;
      })(),
    },
    base.segs[1],
  ],
};

test(
  'the initial stack is laid out as create_elf_tables does, with every auxv entry as ' + 'Linux 6.6 gives it on ppc64',
  () => {
    const p = program(withHeaders);
    const argv = ['/bin/prog', '-v', 'x'];
    const envp = ['A=1', 'HOME=/'];
    const { mem, thread, start } = startProcess(p.image!, { path: '/bin/prog', argv, envp, cpu: 'power9' });

    // strings from the top down: 8 zero bytes, the filename, envp (last highest), argv (argv[0] lowest)
    const execfn = TOP - 8n - 10n; // "/bin/prog\0"
    const home = execfn - 7n; // "HOME=/\0"
    const a1 = home - 4n; // "A=1\0"
    const x = a1 - 2n;
    const v = x - 3n;
    const prog = v - 10n;
    assert.equal(mem.read(TOP - 8n, 8), 0n);
    assert.equal(cstr(mem, execfn), '/bin/prog');
    assert.equal(cstr(mem, home), 'HOME=/');
    assert.equal(cstr(mem, a1), 'A=1');
    assert.equal(cstr(mem, prog), '/bin/prog');
    assert.deepEqual([start.argStart, start.argEnd, start.envStart, start.envEnd], [prog, a1, a1, execfn]);
    // arch_align_stack (no randomization): & ~15, then the platform strings and 16 random bytes
    const aligned = prog & ~15n;
    const platform = aligned - 7n; // "power9\0"
    const basePlatform = platform - 7n;
    const random = basePlatform - 16n;
    assert.equal(cstr(mem, platform), 'power9');
    assert.equal(cstr(mem, basePlatform), 'power9');
    // 36 auxv pairs (72 words), items = argc+1 + envc+1 + 1, rounded down to 16
    const sp = (random - 72n * 8n - 8n * BigInt(argv.length + 1 + envp.length + 1 + 1)) & ~15n;
    assert.equal(start.sp, sp);
    assert.equal(thread.getGpr(1), sp);
    assert.equal(mem.read(sp, 8), 3n, 'argc');
    assert.deepEqual(
      [1, 2, 3, 4].map((i) => mem.read(sp + 8n * BigInt(i), 8)),
      [prog, v, x, 0n],
    );
    assert.deepEqual(
      [5, 6, 7].map((i) => mem.read(sp + 8n * BigInt(i), 8)),
      [a1, home, 0n],
    );
    const auxv: Array<[number, bigint]> = [];
    for (let a = sp + 64n; ; a += 16n) {
      const t = Number(mem.read(a, 8));
      auxv.push([t, mem.read(a + 8n, 8)!]);
      if (t === 0) break;
    }
    const ph = p.image!.phdr;
    assert.deepEqual(auxv, [
      [22, 22n], // AT_IGNOREPPC x2 (ARCH_DLINFO, first)
      [22, 22n],
      [19, 128n], // AT_DCACHEBSIZE
      [20, 128n], // AT_ICACHEBSIZE
      [21, 0n], // AT_UCACHEBSIZE
      [40, 32768n], // AT_L1I_CACHESIZE (POWER9)
      [41, (8n << 16n) | 128n], // AT_L1I_CACHEGEOMETRY: 8-way, 128-byte lines
      [42, 32768n], // AT_L1D_CACHESIZE
      [43, (8n << 16n) | 128n],
      [44, 524288n], // AT_L2_CACHESIZE
      [45, (8n << 16n) | 128n],
      [46, 10485760n], // AT_L3_CACHESIZE
      [47, (20n << 16n) | 128n],
      [51, 2528n], // AT_MINSIGSTKSZ: the simulated rt_sigframe (2400) + __SIGNAL_FRAMESIZE (128)
      [16, HWCAP], // AT_HWCAP
      [6, 65536n], // AT_PAGESZ
      [17, 100n], // AT_CLKTCK
      [3, ph.addr], // AT_PHDR
      [4, 56n], // AT_PHENT
      [5, 2n], // AT_PHNUM
      [7, 0n], // AT_BASE
      [8, 0n], // AT_FLAGS
      [9, TEXT], // AT_ENTRY
      [11, 0n], // AT_UID
      [12, 0n], // AT_EUID
      [13, 0n], // AT_GID
      [14, 0n], // AT_EGID
      [23, 0n], // AT_SECURE
      [25, random], // AT_RANDOM
      [26, HWCAP2.power9], // AT_HWCAP2
      [31, execfn], // AT_EXECFN
      [15, platform], // AT_PLATFORM
      [24, basePlatform], // AT_BASE_PLATFORM
      [27, 28n], // AT_RSEQ_FEATURE_SIZE
      [28, 32n], // AT_RSEQ_ALIGN
      [0, 0n], // AT_NULL
    ]);
    assert.deepEqual(
      start.auxv.map((e) => [e.type, e.value]),
      auxv,
    );
    assert.equal(start.auxvAddr, sp + 64n);
    // the program headers sit in the first PT_LOAD's file page: AT_PHDR = 0x10000000 + e_phoff
    assert.equal(ph.addr, 0x10000000n + 64n);
    assert.deepEqual([...mem.readBytes(ph.addr, 4)!], [1, 0, 0, 0], 'PT_LOAD at AT_PHDR');
    // registers: start_thread for ELFv2
    assert.equal(thread.pc, TEXT);
    assert.equal(thread.getGpr(12), TEXT);
    for (const r of [0, 2, 3, 13]) assert.equal(thread.getGpr(r), 0n, `r${r}`);
    assert.equal(thread.lr, 0n);
    assert.equal(thread.ctr, 0n);
    assert.equal(thread.msr, USER_MSR);
    // the stack: 8 MiB, read/write, not executable
    assert.equal(prot(mem, TOP - 1n), 'rw-');
    assert.equal(prot(mem, TOP - 8n * 1024n * 1024n), 'rw-');
    assert.equal(prot(mem, TOP - 8n * 1024n * 1024n - 1n), 'unmapped');
    assert.equal(prot(mem, TOP), 'unmapped');
  },
);

test('AT_HWCAP2 and AT_PLATFORM per CPU model; AT_RANDOM is deterministic', () => {
  const p = program(base);
  const seen = new Set<string>();
  for (const cpu of ['power7', 'power8', 'power9', 'power10'] as const) {
    const { mem, start } = startProcess(p.image!, { path: 'p', cpu });
    const get = (t: number) => start.auxv.find((e) => e.type === t)?.value;
    assert.equal(get(16), HWCAP, cpu);
    assert.equal(get(26), HWCAP2[cpu], cpu);
    assert.equal(cstr(mem, get(15)!), cpu);
    const rnd = mem.readBytes(get(25)!, 16)!;
    seen.add(Buffer.from(rnd).toString('hex'));
  }
  assert.equal(seen.size, 1, 'the same 16 bytes every time');
  assert.notEqual([...seen][0], '0'.repeat(32));
});

test(
  'loadProgram: default argv is [path], no environment, power10; an empty argv becomes ' + '[""]; E2BIG is checked',
  () => {
    const p = program(base);
    const { mem, thread } = loadProgram(p);
    const sp = thread.getGpr(1);
    assert.equal(mem.read(sp, 8), 1n);
    assert.equal(cstr(mem, mem.read(sp + 8n, 8)!), '/bin/prog');
    assert.equal(mem.read(sp + 16n, 8), 0n, 'argv ends');
    assert.equal(mem.read(sp + 24n, 8), 0n, 'no environment');
    assert.equal(mem.read(sp + 32n, 8), 22n, 'auxv starts with AT_IGNOREPPC');
    const empty = loadProgram(p, { argv: [] });
    const sp2 = empty.thread.getGpr(1);
    assert.equal(empty.mem.read(sp2, 8), 1n);
    assert.equal(cstr(empty.mem, empty.mem.read(sp2 + 8n, 8)!), '');
    assert.equal(checkExecArgs(['p', 'x'.repeat(3 * 1024 * 1024)])?.startsWith('argument list too long (E2BIG)'), true);
    assert.equal(checkExecArgs(['p', 'x']), undefined);
    // a NUL inside an argument ends it, as a C string
    const nul = loadProgram(p, { argv: ['a\0b'] });
    assert.equal(cstr(nul.mem, nul.mem.read(nul.thread.getGpr(1) + 8n, 8)!), 'a');
  },
);
