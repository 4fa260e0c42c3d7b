// The ELF reader and Program construction on files written byte by byte (test/elf/elf-builder.ts):
// what loads, and the one-line refusal of everything Linux (or the simulator) would not run.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseElf } from '../../sim/elf/elf-file';
import { MMAP_BASE, programFromElf } from '../../sim/elf/exec-image';
import { execProgram } from '../../sim/exec';
import { formatDiagnostic } from '../../sim/program';
import { MAX_PROGRAM_FILE, programFromBytes, readProgramFile, type ProgramFileHost } from '../../sim/program-file';
import { buildElf, words, type ElfSpec } from './elf-builder';

const TEXT = 0x10000000n;
const DATA = 0x10010000n;
/** write(1, DATA, 3); exit(3) */
const CODE = words(
  0x38000004,
  0x38600001,
  0x3c801001,
  0x60840000,
  0x38a00003,
  0x44000002,
  0x38000001,
  0x38600003,
  0x44000002,
);
const MSG = new TextEncoder().encode('hi\n');

function good(over: Partial<ElfSpec> = {}): ElfSpec {
  return {
    entry: TEXT + 0x100n,
    segs: [
      { flags: 5, vaddr: TEXT + 0x100n, data: CODE },
      { flags: 6, vaddr: DATA, data: MSG, memsz: 0x1000 },
    ],
    sections: [
      { name: '.text', type: 1, flags: 6, addr: TEXT + 0x100n, seg: 0, size: CODE.length },
      { name: '.data', type: 1, flags: 3, addr: DATA, seg: 1, size: 3 },
      { name: '.bss', type: 8, flags: 3, addr: DATA + 0x10n, size: 0x1000 - 0x10 },
    ],
    symbols: [
      { name: '_start', value: TEXT + 0x100n, size: CODE.length, type: 2, bind: 1, shndx: 1 },
      { name: 'msg', value: DATA, size: 3, type: 1, bind: 0, shndx: 2 },
      { name: 'buf', value: DATA + 0x10n, size: 16, type: 1, bind: 1, shndx: 3 },
      { name: 'K', value: 42n, type: 0, bind: 1, shndx: 0xfff1 },
      { name: 'undef', value: 0n, type: 0, bind: 1, shndx: 0 },
      { name: 'dup', value: DATA + 1n, type: 1, bind: 0, shndx: 2 },
      { name: 'dup', value: DATA + 2n, type: 1, bind: 1, shndx: 2 },
      { name: 'p.c', value: 0n, type: 4, bind: 0, shndx: 0xfff1 },
    ],
    ...over,
  };
}

function refusal(bytes: Uint8Array): string {
  const r = programFromBytes('prog', bytes);
  assert.equal(r.ok, false, 'expected a refusal');
  if (r.ok) return '';
  assert.equal(r.errors.length, 1);
  const line = formatDiagnostic(r.errors[0]);
  assert.ok(!line.includes('\n'), `one line: ${JSON.stringify(line)}`);
  return line;
}

function patch(b: Uint8Array, f: (v: DataView) => void): Uint8Array {
  const c = b.slice();
  f(new DataView(c.buffer));
  return c;
}

test('a static ELFv2 executable becomes a Program: entry, SHF_ALLOC sections, .symtab symbols, no lines', () => {
  const bytes = buildElf(good());
  const r = programFromBytes('prog', bytes);
  assert.ok(r.ok, r.ok ? '' : formatDiagnostic(r.errors[0]));
  const p = r.value;
  assert.equal(p.entry, TEXT + 0x100n);
  assert.equal(p.file, 'prog');
  assert.deepEqual(p.lines, []);
  assert.deepEqual(
    p.sections.map((s) => [s.name, s.addr, s.bytes.length, s.exec, s.nobits]),
    [
      ['.text', TEXT + 0x100n, CODE.length, true, false],
      ['.data', DATA, 3, false, false],
      ['.bss', DATA + 0x10n, 0x1000 - 0x10, false, true],
    ],
  );
  assert.deepEqual([...p.sections[0].bytes], [...CODE]);
  assert.deepEqual(p.symbols.get('_start'), {
    name: '_start',
    value: TEXT + 0x100n,
    size: CODE.length,
    section: '.text',
    type: 'function',
    global: true,
    line: 0,
  });
  assert.deepEqual(p.symbols.get('msg'), {
    name: 'msg',
    value: DATA,
    size: 3,
    section: '.data',
    type: 'object',
    global: false,
    line: 0,
  });
  assert.equal(p.symbols.get('buf')?.section, '.bss');
  assert.equal(p.symbols.get('K')?.section, '*ABS*');
  assert.equal(p.symbols.get('K')?.value, 42n);
  assert.equal(p.symbols.has('undef'), false, 'undefined symbols name nothing');
  assert.equal(p.symbols.has('p.c'), false, 'file symbols name nothing');
  assert.equal(p.symbols.get('dup')?.value, DATA + 2n, 'a global beats a local of the same name');
  assert.equal(p.image?.kind, 'exec');
  assert.equal(p.image?.loadBias, 0n);
  assert.equal(p.image?.brkStart, 0x10020000n, 'the 64 KiB-aligned end of the highest segment');
  // the raw parse keeps binding and section names
  const e = parseElf(bytes);
  assert.ok(e.ok);
  if (e.ok) {
    const dup = e.elf.symbols.filter((s) => s.name === 'dup').map((s) => s.binding);
    assert.deepEqual(dup.sort(), ['global', 'local']);
    assert.deepEqual(
      e.elf.sections.map((s) => s.name),
      ['', '.text', '.data', '.bss', '.symtab', '.strtab', '.shstrtab'],
    );
  }
});

test('the hand-made executable runs: write and exit through sc', () => {
  const r = programFromBytes('prog', buildElf(good()));
  assert.ok(r.ok);
  const out = execProgram(r.value);
  assert.equal(new TextDecoder().decode(out.stdout), 'hi\n');
  assert.equal(out.exitCode, 3);
});

test('no section headers: still runs, no symbols', () => {
  const r = programFromBytes('prog', buildElf(good({ sections: undefined, symbols: undefined })));
  assert.ok(r.ok);
  assert.equal(r.value.symbols.size, 0);
  assert.equal(r.value.sections.length, 0);
  assert.equal(execProgram(r.value).exitCode, 3);
});

test('a static-pie (ET_DYN, no interpreter) is placed top-down from mmap_base; symbols and entry move with it', () => {
  const spec = good({
    type: 3,
    entry: 0x100n,
    segs: [
      { flags: 5, vaddr: 0x100n, data: CODE },
      { flags: 6, vaddr: 0x10000n, data: MSG, memsz: 0x1000 },
    ],
    sections: [{ name: '.text', type: 1, flags: 6, addr: 0x100n, seg: 0, size: CODE.length }],
    symbols: [
      { name: '_start', value: 0x100n, type: 2, bind: 1, shndx: 1 },
      { name: 'K', value: 42n, type: 0, bind: 1, shndx: 0xfff1 },
    ],
  });
  const r = programFromBytes('pie', buildElf(spec));
  assert.ok(r.ok, r.ok ? '' : formatDiagnostic(r.errors[0]));
  const img = r.value.image!;
  assert.equal(img.kind, 'static-pie');
  // total mapping: 0 .. 0x11000 rounded to 64 KiB = 0x20000, ending at mmap_base
  assert.equal(img.loadBias, MMAP_BASE - 0x20000n);
  assert.equal(r.value.entry, img.loadBias + 0x100n);
  assert.equal(r.value.symbols.get('_start')?.value, img.loadBias + 0x100n);
  assert.equal(r.value.symbols.get('K')?.value, 42n, 'absolute symbols do not move');
  assert.equal(r.value.sections[0].addr, img.loadBias + 0x100n);
  assert.equal(img.brkStart, MMAP_BASE);
});

test('refusals are one line each, named by the file, returned as values', () => {
  const ok = buildElf(good());
  const cases: Array<[string, Uint8Array, RegExp]> = [
    ['bad magic', new TextEncoder().encode('\x7fXYZ rest of it'), /^prog: not an ELF file/],
    ['truncated magic', new Uint8Array([0x7f, 0x45]), /^prog: truncated ELF file \(2 bytes\)/],
    ['truncated header', ok.subarray(0, 40), /^prog: truncated ELF file \(40 bytes/],
    ['32-bit', patch(ok, (v) => v.setUint8(4, 1)), /^prog: 32-bit ELF file \(ELFCLASS32\)/],
    ['class 7', patch(ok, (v) => v.setUint8(4, 7)), /invalid ELF class 7/],
    ['big-endian', patch(ok, (v) => v.setUint8(5, 2)), /^prog: big-endian ELF file/],
    [
      'x86-64',
      patch(ok, (v) => v.setUint16(18, 62, true)),
      /^prog: built for x86-64 \(e_machine 62\), not 64-bit PowerPC/,
    ],
    ['ppc32', patch(ok, (v) => v.setUint16(18, 20, true)), /built for 32-bit PowerPC/],
    [
      'ET_REL',
      patch(ok, (v) => v.setUint16(16, 1, true)),
      /^prog: a relocatable object file \(\.o\), not an executable/,
    ],
    ['ET_CORE', patch(ok, (v) => v.setUint16(16, 4, true)), /^prog: a core dump, not an executable/],
    ['ET_NONE', patch(ok, (v) => v.setUint16(16, 0, true)), /not an executable \(ELF type 0\)/],
    ['ELFv1', patch(ok, (v) => v.setUint32(48, 1, true)), /^prog: an ELFv1 executable/],
    ['abi 0', patch(ok, (v) => v.setUint32(48, 0, true)), /do not say ELFv2/],
    ['phentsize', patch(ok, (v) => v.setUint16(54, 32, true)), /program header entries are 32 bytes, not 56/],
    ['phnum 0', patch(ok, (v) => v.setUint16(56, 0, true)), /no program headers/],
    [
      'phnum huge',
      patch(ok, (v) => v.setUint16(56, 0xffff, true)),
      /65535 program headers \(Linux accepts at most 1170\)/,
    ],
    [
      'phoff beyond',
      patch(ok, (v) => v.setBigUint64(32, 0xffffffffffffff00n, true)),
      /program headers .* lie beyond the end of the file/,
    ],
    [
      'filesz > memsz',
      patch(ok, (v) => v.setBigUint64(64 + 56 + 40, 1n, true)),
      /segment 1 \(LOAD\): its file size 0x3 exceeds its memory size 0x1/,
    ],
    [
      'beyond the file',
      patch(ok, (v) => v.setBigUint64(64 + 56 + 8, 0x7fffffffn, true)),
      /segment 1 \(LOAD\): its file bytes .* lie beyond the end of the file/,
    ],
    [
      'kernel space',
      patch(ok, (v) => v.setBigUint64(64 + 56 + 16, 0xc000000000010000n, true)),
      /reaches beyond the user address space/,
    ],
    [
      'wraps',
      patch(ok, (v) => {
        v.setBigUint64(64 + 56 + 16, 0x000fffffffff0000n, true);
        v.setBigUint64(64 + 56 + 40, 0xffffffffffff0000n, true);
      }),
      /reaches beyond the user address space/,
    ],
    [
      'not congruent',
      patch(ok, (v) => v.setBigUint64(64 + 56 + 16, DATA + 0x1000n, true)),
      /differ modulo the 64 KiB page size/,
    ],
    [
      'overlap',
      patch(ok, (v) => v.setBigUint64(64 + 40, 0x20000n, true)),
      /segment 1 \(LOAD\) \(0x10010000-0x10011000\) overlaps segment 0 \(LOAD\) \(0x10000100-0x10020100\)/,
    ],
    [
      'unsorted',
      patch(ok, (v) => v.setBigUint64(64 + 56 + 16, TEXT - 0x10000n, true)),
      /must be in ascending address order/,
    ],
    [
      'no PT_LOAD',
      patch(ok, (v) => {
        v.setUint32(64, 4, true);
        v.setUint32(64 + 56, 4, true);
      }),
      /no loadable \(PT_LOAD\) segment/,
    ],
    [
      'huge bss',
      patch(ok, (v) => v.setBigUint64(64 + 56 + 40, 0x40000000n, true)),
      /need 1024 MiB of memory; the simulator maps at most 256 MiB/,
    ],
    [
      'stack',
      patch(ok, (v) => {
        v.setBigUint64(64 + 56 + 16, 0x7fffffe00000n, true);
        v.setBigUint64(64 + 56 + 8, 0n, true);
      }),
      /overlaps the stack/,
    ],
    [
      'section table beyond',
      patch(ok, (v) => v.setBigUint64(40, BigInt(ok.length - 10), true)),
      /section headers .* lie beyond the end of the file/,
    ],
    [
      'section count beyond',
      patch(ok, (v) => v.setUint16(60, 0xfffe, true)),
      /the 65534 section headers .* lie beyond the end of the file/,
    ],
    ['shentsize', patch(ok, (v) => v.setUint16(58, 40, true)), /section header entries are 40 bytes, not 64/],
    ['shstrndx', patch(ok, (v) => v.setUint16(62, 99, true)), /section name table index 99 is not a section/],
    [
      'shared library',
      patch(ok, (v) => {
        v.setUint16(16, 3, true);
        v.setBigUint64(24, 0n, true);
      }),
      /a shared library \(no entry point\)/,
    ],
  ];
  for (const [what, bytes, re] of cases) assert.match(refusal(bytes), re, what);
});

test('a dynamically linked program: one line naming its interpreter and -static', () => {
  const line = refusal(buildElf(good({ interp: '/lib64/ld64.so.2' })));
  assert.equal(line, 'prog: dynamically linked (interpreter /lib64/ld64.so.2); build it with -static');
  // a newline or control character in the file cannot break the line
  const odd = refusal(buildElf(good({ interp: '/lib/ld\nevil\x1b' })));
  assert.match(odd, /interpreter \/lib\/ld\\x0aevil\\x1b\)/);
});

test('programFromBytes: ELF by its first byte, text to the assembler, other binaries refused in one line', () => {
  const asm = programFromBytes('a.S', new TextEncoder().encode('    .text\n_start: nop\n'));
  assert.ok(asm.ok);
  assert.equal(asm.value.image, undefined);
  assert.equal(asm.value.symbols.get('_start')?.value, 0x10000000n);
  const str = programFromBytes('a.S', '_start: nop\n');
  assert.ok(str.ok);
  const bad = programFromBytes('a.S', new TextEncoder().encode(' bogus\n'));
  assert.ok(!bad.ok && formatDiagnostic(bad.errors[0]).startsWith('a.S:1:'), 'assembler errors keep file:line:col');
  for (const bin of [
    new Uint8Array([0, 1, 2, 3, 0xff]),
    new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00]),
    new Uint8Array(64),
  ]) {
    assert.equal(
      refusal(bin),
      'prog: a binary file that is neither an ELF executable (those start with \\x7fELF) ' +
        'nor PowerPC assembly source',
    );
  }
});

test('readProgramFile: only regular files, of bounded size, one line otherwise', () => {
  const host = (
    st: ReturnType<ProgramFileHost['stat']>,
    data: Uint8Array | { error: string } = new Uint8Array([1]),
  ): ProgramFileHost => ({ stat: () => st, read: () => data });
  assert.deepEqual(readProgramFile('x', host({ kind: 'file', size: 1 })), { ok: true, bytes: new Uint8Array([1]) });
  assert.deepEqual(readProgramFile('x', host({ error: 'ENOENT' })), { ok: false, message: 'the file does not exist' });
  assert.deepEqual(readProgramFile('x', host({ kind: 'directory', size: 0 })), {
    ok: false,
    message: 'it is a folder, not a file',
  });
  assert.match(
    (readProgramFile('x', host({ kind: 'other', size: 0 })) as { message: string }).message,
    /not a regular file/,
  );
  assert.match(
    (readProgramFile('x', host({ kind: 'file', size: MAX_PROGRAM_FILE + 1 })) as { message: string }).message,
    /larger than the 256 MiB/,
  );
  assert.deepEqual(readProgramFile('x', host({ kind: 'file', size: 1 }, { error: 'EACCES' })), {
    ok: false,
    message: 'permission denied',
  });
});

test('parseElf keeps file-derived text printable and never throws on odd section names', () => {
  const spec = good();
  spec.sections![0].name = '.te\nxt';
  const r = programFromElf('p', buildElf(spec));
  assert.ok(r.ok);
  assert.equal(r.value.sections[0].name, '.te\nxt'); // kept as the file says (the debugger shows it)
});

test(
  'symbol names are read with bounded work: a very long name is cut at 4096 bytes, an ' + 'unterminated one refused',
  () => {
    const spec = good();
    spec.symbols!.push({ name: 'L'.repeat(5000), value: DATA, type: 1, bind: 1, shndx: 2 });
    const r = programFromElf('p', buildElf(spec));
    assert.ok(r.ok);
    assert.ok(r.value.symbols.has('L'.repeat(4096)));
    // the last byte of the file is .shstrtab's final NUL: without it the last section name runs off
    const bytes = buildElf(good());
    const e = parseElf(bytes);
    assert.ok(e.ok);
    if (!e.ok) return;
    const shstr = e.elf.sections[e.elf.sections.length - 1];
    const c = bytes.slice();
    c[Number(shstr.offset + shstr.size) - 1] = 0x41;
    assert.match(refusal(c), /^prog: section \d+: name at offset \d+ is not terminated inside its string table$/);
  },
);
