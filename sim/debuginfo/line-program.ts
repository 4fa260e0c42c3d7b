// The line number program of one compile unit (.debug_line, DWARF versions 2 to 5; GNU as writes 3
// for assembly, GCC 12 5): its header (directories and files, with DW_FORM_line_strp names and
// optional MD5 sums in version 5) and the rows its state machine produces, in sequences.
import { DW_FORM, DW_LNCT, DW_LNE, DW_LNS } from './constants';
import { Cursor, fail, stringAt } from './reader';
import { hexU64 } from '../hex';
import type { DebugSections } from './sections';

export interface LineFile {
  /** the name as written */
  name: string;
  /** the full path: directory and name joined (relative to the compilation directory when not absolute) */
  path: string;
  md5?: Uint8Array;
}

export interface LineRow {
  /** link-time address (user code addresses fit a number exactly) */
  address: number;
  /** index into LineProgram.files (DWARF's numbering: from 1 before version 5, from 0 in 5) */
  file: number;
  line: number;
  column: number;
  isStmt: boolean;
  discriminator: number;
  prologueEnd: boolean;
  /** true on the row that ends a sequence (its address is one past the last instruction) */
  endSequence: boolean;
}

export interface LineSequence {
  start: number;
  /** one past the last address */
  end: number;
  rows: LineRow[];
}

export interface LineProgram {
  offset: number;
  version: number;
  /** indexed by DWARF file number; an unused slot is undefined */
  files: Array<LineFile | undefined>;
  sequences: LineSequence[];
}

/** The most rows one program may produce (bounds memory on a corrupt program). */
const MAX_ROWS = 20_000_000;

export function joinPath(dir: string, name: string): string {
  if (name.startsWith('/') || dir === '') return name;
  return dir.endsWith('/') ? dir + name : `${dir}/${name}`;
}

interface EntryFormat {
  type: number;
  form: number;
}

/**
 * Parses the line program at `offset` of .debug_line. `compDir` and `cuName` come from the unit's
 * DW_AT_comp_dir and DW_AT_name (directory 0 and file 0 of versions before 5).
 */
export function parseLineProgram(
  sections: DebugSections,
  offset: number,
  compDir: string,
  cuName: string,
): LineProgram {
  const sec = sections.line;
  if (!sec) return fail('the unit has a line table (DW_AT_stmt_list) but the file has no .debug_line');
  const c0 = new Cursor(sec, offset, sec.length, `the line program at ${hexU64(offset)} (.debug_line)`);
  const { length, offsetSize } = c0.initialLength();
  const c = c0.sub(length, c0.what);
  const version = c.u16();
  if (version < 2 || version > 5) fail(`${c.what}: line table version ${version} (versions 2 to 5 are read)`);
  let addressSize = 8;
  if (version >= 5) {
    addressSize = c.u8();
    c.u8(); // segment selector size
  }
  const headerLength = c.offset(offsetSize);
  const programStart = c.pos + headerLength;
  if (programStart > c.end) fail(`${c.what}: its header length runs past the program`);
  const minInst = c.u8();
  const maxOps = version >= 4 ? c.u8() : 1;
  const defaultIsStmt = c.u8() !== 0;
  const lineBase = c.i8();
  const lineRange = c.u8();
  const opcodeBase = c.u8();
  if (lineRange === 0) fail(`${c.what}: line_range is 0`);
  if (maxOps !== 1) fail(`${c.what}: ${maxOps} operations per instruction (VLIW line tables are not read)`);
  const stdLengths: number[] = [0];
  for (let i = 1; i < opcodeBase; i++) stdLengths.push(c.u8());

  const dirs: string[] = [];
  const files: Array<LineFile | undefined> = [];
  const dirPath = (i: number): string => {
    const d = dirs[i];
    if (d === undefined) return compDir;
    return joinPath(compDir, d);
  };

  if (version >= 5) {
    const readFormats = (): EntryFormat[] => {
      const n = c.u8();
      const out: EntryFormat[] = [];
      for (let i = 0; i < n; i++) out.push({ type: c.uleb(), form: c.uleb() });
      return out;
    };
    const readEntry = (fmts: EntryFormat[]): { path?: string; dir?: number; md5?: Uint8Array } => {
      const e: { path?: string; dir?: number; md5?: Uint8Array } = {};
      for (const f of fmts) {
        const v = readLineForm(c, f.form, offsetSize, sections);
        if (f.type === DW_LNCT.path && typeof v === 'string') e.path = v;
        else if (f.type === DW_LNCT.directory_index && typeof v === 'number') e.dir = v;
        else if (f.type === DW_LNCT.MD5 && v instanceof Uint8Array) e.md5 = v;
      }
      return e;
    };
    const dirFmts = readFormats();
    const nDirs = c.uleb();
    if (nDirs > c.left) fail(`${c.what}: ${nDirs} directories cannot fit`);
    for (let i = 0; i < nDirs; i++) dirs.push(readEntry(dirFmts).path ?? '');
    // directory 0 is the compilation directory itself
    if (dirs.length > 0 && dirs[0] !== '') compDir = dirs[0];
    dirs[0] = '';
    const fileFmts = readFormats();
    const nFiles = c.uleb();
    if (nFiles > c.left) fail(`${c.what}: ${nFiles} files cannot fit`);
    for (let i = 0; i < nFiles; i++) {
      const e = readEntry(fileFmts);
      const name = e.path ?? '';
      files.push({ name, path: joinPath(dirPath(e.dir ?? 0), name), md5: e.md5 });
    }
  } else {
    dirs.push('');
    for (;;) {
      const d = c.cstring();
      if (d === '') break;
      dirs.push(d);
    }
    files.push(cuName ? { name: cuName, path: joinPath(compDir, cuName) } : undefined);
    for (;;) {
      const name = c.cstring();
      if (name === '') break;
      const dir = c.uleb();
      c.uleb(); // modification time
      c.uleb(); // length
      files.push({ name, path: joinPath(dirPath(dir), name) });
    }
  }

  // (the rows are produced when first asked for: a breakpoint in one file reads every unit's
  // file table but runs only the programs of the units that have that file)
  const params = { version, addressSize, minInst, defaultIsStmt, lineBase, lineRange, opcodeBase, stdLengths };
  let sequences: LineSequence[] | undefined;
  const program = { offset, version, files } as LineProgram;
  Object.defineProperty(program, 'sequences', {
    enumerable: true,
    get: () => (sequences ??= runProgram(new Cursor(c.bytes, programStart, c.end, c.what), params, files, dirPath)),
  });
  return program;
}

/** A value of a version 5 directory or file entry: a string, a number, or bytes (MD5). */
function readLineForm(
  c: Cursor,
  form: number,
  offsetSize: 4 | 8,
  sections: DebugSections,
): string | number | Uint8Array {
  switch (form) {
    case DW_FORM.string:
      return c.cstring();
    case DW_FORM.line_strp:
      return stringAt(sections.lineStr, c.offset(offsetSize), c.what);
    case DW_FORM.strp:
      return stringAt(sections.str, c.offset(offsetSize), c.what);
    case DW_FORM.udata:
      return c.uleb();
    case DW_FORM.data1:
      return c.u8();
    case DW_FORM.data2:
      return c.u16();
    case DW_FORM.data4:
      return c.u32();
    case DW_FORM.data8:
      return Number(c.u64() & 0x1fffffffffffffn);
    case DW_FORM.data16:
      return c.take(16);
    case DW_FORM.block:
      return c.take(c.uleb());
    default:
      return fail(`${c.what}: form ${hexU64(form)} in a directory or file entry is not one DWARF 5 allows there`);
  }
}

interface Params {
  version: number;
  addressSize: number;
  minInst: number;
  defaultIsStmt: boolean;
  lineBase: number;
  lineRange: number;
  opcodeBase: number;
  stdLengths: number[];
}

function runProgram(
  c: Cursor,
  p: Params,
  files: Array<LineFile | undefined>,
  dirPath: (i: number) => string,
): LineSequence[] {
  const sequences: LineSequence[] = [];
  let rows: LineRow[] = [];
  let total = 0;
  let address = 0;
  let file = 1;
  let line = 1;
  let column = 0;
  let isStmt = p.defaultIsStmt;
  let discriminator = 0;
  let prologueEnd = false;
  const reset = () => {
    address = 0;
    file = 1;
    line = 1;
    column = 0;
    isStmt = p.defaultIsStmt;
    discriminator = 0;
    prologueEnd = false;
  };
  const emit = (endSequence: boolean) => {
    if (++total > MAX_ROWS) fail(`${c.what}: more than ${MAX_ROWS} rows`);
    rows.push({ address, file, line, column, isStmt, discriminator, prologueEnd, endSequence });
    discriminator = 0;
    prologueEnd = false;
    if (endSequence) {
      // a sequence at address 0 is code the linker discarded (its tombstone): dropped
      if (rows.length > 1 && rows[0].address !== 0) sequences.push({ start: rows[0].address, end: address, rows });
      rows = [];
      reset();
    }
  };
  const advance = (ops: number) => {
    address += ops * p.minInst;
  };
  while (!c.atEnd) {
    const op = c.u8();
    if (op >= p.opcodeBase) {
      const adj = op - p.opcodeBase;
      advance(Math.floor(adj / p.lineRange));
      line += p.lineBase + (adj % p.lineRange);
      emit(false);
      continue;
    }
    switch (op) {
      case 0: {
        const len = c.uleb();
        if (len === 0) break;
        const e = c.sub(len);
        const sub = e.u8();
        if (sub === DW_LNE.end_sequence) emit(true);
        else if (sub === DW_LNE.set_address) {
          const a = e.address(Math.min(e.left, 8));
          // addresses past 2^53 are not code (a tombstone such as -1): the sequence is dropped
          address = a > BigInt(Number.MAX_SAFE_INTEGER) ? 0 : Number(a);
        } else if (sub === DW_LNE.define_file) {
          const name = e.cstring();
          const dir = e.uleb();
          files.push({ name, path: joinPath(dirPath(dir), name) });
        } else if (sub === DW_LNE.set_discriminator) discriminator = e.uleb();
        // other extended opcodes are skipped by their length
        break;
      }
      case DW_LNS.copy:
        emit(false);
        break;
      case DW_LNS.advance_pc:
        advance(c.uleb());
        break;
      case DW_LNS.advance_line:
        line += c.sleb();
        break;
      case DW_LNS.set_file:
        file = c.uleb();
        break;
      case DW_LNS.set_column:
        column = c.uleb();
        break;
      case DW_LNS.negate_stmt:
        isStmt = !isStmt;
        break;
      case DW_LNS.set_basic_block:
        break;
      case DW_LNS.const_add_pc:
        advance(Math.floor((255 - p.opcodeBase) / p.lineRange));
        break;
      case DW_LNS.fixed_advance_pc:
        address += c.u16();
        break;
      case DW_LNS.set_prologue_end:
        prologueEnd = true;
        break;
      case DW_LNS.set_epilogue_begin:
        break;
      case DW_LNS.set_isa:
        c.uleb();
        break;
      default: {
        // an opcode this reader does not know: skip its ULEB128 operands, as the header says
        const n = p.stdLengths[op] ?? 0;
        for (let i = 0; i < n; i++) c.uleb();
      }
    }
  }
  sequences.sort((a, b) => a.start - b.start);
  return sequences;
}
