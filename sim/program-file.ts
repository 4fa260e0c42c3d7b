// A program file, whatever it holds: an ELF executable (it starts with \x7fELF) or PowerPC assembly
// source. The one place that decides, so that a scenario task, `wplab exec` and the debugger's
// `program` take the same files, and binary input never reaches the assembler.
//
// Reading the file is the caller's (the engine has no file system); readProgramFile holds the rules
// every reader applies (a regular file, at most MAX_PROGRAM_FILE bytes, one line when not), given
// a tiny host over the real file system.
import { assemble } from './asm/assembler';
import { programFromElf } from './elf/exec-image';
import type { Program, Result } from './program';

/** The largest program file read: larger is refused before reading. */
export const MAX_PROGRAM_FILE = 256 * 1024 * 1024;

function failure(path: string, message: string): Result<Program> {
  return { ok: false, errors: [{ file: path, line: 0, col: 0, message, severity: 'error' }] };
}

/** True for bytes no assembly source contains: NUL and the C0 controls other than \t \n \v \f \r and ESC. */
function looksBinary(b: Uint8Array): boolean {
  for (let i = 0; i < b.length; i++) {
    const c = b[i];
    if (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0b && c !== 0x0c && c !== 0x0d && c !== 0x1b) return true;
  }
  return false;
}

const decoder = new TextDecoder('utf-8');

/**
 * The Program in a file's contents: an ELF executable when the bytes start with 0x7f (the first byte
 * of \x7fELF; a shorter or different magic is reported as a bad ELF file), assembly source when they
 * are text, else one error saying it is neither. A string is assembly source.
 */
export function programFromBytes(path: string, content: Uint8Array | string): Result<Program> {
  if (typeof content === 'string') return assemble(content, path);
  if (content.length > 0 && content[0] === 0x7f) return programFromElf(path, content);
  if (looksBinary(content)) {
    return failure(
      path,
      'a binary file that is neither an ELF executable (those start with \\x7fELF) nor PowerPC assembly source',
    );
  }
  return assemble(decoder.decode(content), path);
}

/** What a reader needs of a file system (Node's fs in bin/ and debug-adapter/). */
export interface ProgramFileHost {
  /** what the path names, following symbolic links; `error` is an errno code such as ENOENT */
  stat(path: string): { kind: 'file' | 'directory' | 'other'; size: number } | { error: string };
  /** the whole file; `error` as for stat */
  read(path: string): Uint8Array | { error: string };
}

function errnoText(code: string): string {
  switch (code) {
    case 'ENOENT':
      return 'the file does not exist';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'it is a folder, not a file';
    case 'ELOOP':
      return 'too many symbolic links';
    case 'ENOTDIR':
      return 'a part of the path is not a folder';
    default:
      return `it cannot be read (${code})`;
  }
}

/** The largest scenario file read (YAML: a larger one is refused before reading). */
export const MAX_SCENARIO_FILE = 16 * 1024 * 1024;

/**
 * Reads a program file through `host`: only a regular file (not a folder, a device such as
 * /dev/zero, a FIFO or a socket) of at most MAX_PROGRAM_FILE bytes. The error is one line, without
 * the path (the caller says which file). `kind` and `max` make the same rules read another input
 * file (a scenario: MAX_SCENARIO_FILE).
 */
export function readProgramFile(
  path: string,
  host: ProgramFileHost,
  { kind = 'program', max = MAX_PROGRAM_FILE }: { kind?: 'program' | 'scenario'; max?: number } = {},
): { ok: true; bytes: Uint8Array } | { ok: false; message: string } {
  const st = host.stat(path);
  if ('error' in st) return { ok: false, message: errnoText(st.error) };
  if (st.kind === 'directory') return { ok: false, message: 'it is a folder, not a file' };
  if (st.kind !== 'file')
    return { ok: false, message: `it is not a regular file (a device, a FIFO or a socket cannot be a ${kind})` };
  const limit = `the ${max / 1048576} MiB a ${kind} file may be`;
  if (st.size > max) return { ok: false, message: `it is ${st.size} bytes, larger than ${limit}` };
  const bytes = host.read(path);
  if ('error' in bytes) return { ok: false, message: errnoText(bytes.error) };
  // the file may have grown between stat and read
  if (bytes.length > max) return { ok: false, message: `it is larger than ${limit}` };
  return { ok: true, bytes };
}

/** readProgramFile for a text input (a scenario, an assembly source given to `wplab asm`), decoded as UTF-8. */
export function readTextFile(
  path: string,
  host: ProgramFileHost,
  opts: { kind?: 'program' | 'scenario'; max?: number } = {},
): { ok: true; text: string } | { ok: false; message: string } {
  const r = readProgramFile(path, host, opts);
  return r.ok ? { ok: true, text: decoder.decode(r.bytes) } : r;
}

/** The subset of Node's fs a ProgramFileHost needs (injected: the engine imports no Node module). */
export interface FsLike {
  statSync(path: string): { isFile(): boolean; isDirectory(): boolean; size: number };
  readFileSync(path: string): Uint8Array;
}

function codeOf(e: unknown): string {
  const code = typeof e === 'object' && e !== null && 'code' in e ? (e as { code: unknown }).code : undefined;
  return typeof code === 'string' ? code : String(e);
}

/** A ProgramFileHost over Node's fs: `readProgramFile(path, fsHost(fs))`. */
export function fsHost(fs: FsLike): ProgramFileHost {
  return {
    stat(path) {
      try {
        const s = fs.statSync(path);
        return { kind: s.isFile() ? 'file' : s.isDirectory() ? 'directory' : 'other', size: s.size };
      } catch (e) {
        return { error: codeOf(e) };
      }
    },
    read(path) {
      try {
        return fs.readFileSync(path);
      } catch (e) {
        return { error: codeOf(e) };
      }
    },
  };
}
