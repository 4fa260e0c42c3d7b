// What a stop tells the person, in before-execute terms: a DAWR exception happens before the
// instruction at the PC executes, so a watchpoint stop says which instruction is about to access
// what, and for a store the value it is about to write (the memory still holds the old one).
import { analyseInstruction } from '../sim/cpu/analyse';
import { disassemble } from '../sim/cpu/disasm';
import { fetchWord } from '../sim/cpu/fetch';
import type { Task } from '../sim/machine/task';
import { addressName, codeName, hex } from './symbols';
import { codeLineOf } from './source/source-lines';

export interface AccessPreview {
  insn: string;
  kind: 'load' | 'store' | 'larx' | 'stcx' | 'cacheop' | 'other' | 'unknown';
  ea: bigint;
  size: number;
  /** for stores: the value about to be written (integer stores up to 8 bytes) */
  value?: bigint;
  /** for stores: the register the value comes from */
  source?: string;
}

/** What the instruction at the task's PC is about to do to memory, computed from its registers. */
export function previewAccess(t: Task): AccessPreview | undefined {
  const pc = t.thread.pc;
  const word = fetchWord(t.mem, pc);
  if (word === undefined) return undefined;
  // (a prefixed instruction's suffix is the word after it)
  const next = fetchWord(t.mem, pc + 4n) ?? 0;
  const insn = disassemble(word, pc, next);
  const a = analyseInstruction(word, t.thread, next);
  const kind = a.type === 'load_vsx' ? 'load' : a.type === 'store_vsx' ? 'store' : a.type;
  const out: AccessPreview = { insn, kind, ea: a.ea, size: a.size };
  if ((a.type === 'store' || a.type === 'stcx') && a.size <= 8) {
    const rs = (word >>> 21) & 31;
    const mask = a.size >= 8 ? 0xffffffffffffffffn : (1n << BigInt(8 * a.size)) - 1n;
    out.value = t.thread.getGpr(rs) & mask;
    out.source = `r${rs}`;
  } else if (a.type === 'store_vsx') {
    out.source = 'a VSX register';
  } else if (a.type === 'cacheop' && /^dcbz/.test(insn)) {
    out.value = 0n;
  }
  return out;
}

function where(t: Task): string {
  const name = codeName(t.program, t.thread.pc);
  // an ELF built with -g: the C (or -g assembly) line too, as gdb names a frame
  const line = t.program.image ? codeLineOf(t.program, t.thread.pc) : undefined;
  const src = line ? ` (${line.file.replace(/^.*[\\/]/, '')}:${line.line})` : '';
  return `${hex(t.thread.pc)}${name ? ` <${name}>` : ''}${src}`;
}

/**
 * A data breakpoint stop (before execute): `description` is short (VS Code shows it as the thread's
 * state in the Call Stack view, upper-cased, beside the task's name); `text` is the whole sentence,
 * which instruction is about to access what and for a store what it is about to write, and the
 * siginfo (the session row's hover, the Debug Console and the panel show it).
 */
export function describeWatchStop(
  t: Task,
  siAddr: bigint | undefined,
  watched: string[],
): { description: string; text: string } {
  const p = previewAccess(t);
  const what =
    watched.length > 0
      ? watched.join(', ')
      : siAddr !== undefined
        ? addressName(t.program, siAddr)
        : 'a watched address';
  const description = shortened(`Watchpoint ${what}`);
  const siginfo = `SIGTRAP TRAP_HWBKPT si_addr=${siAddr !== undefined ? hex(siAddr) : '?'}`;
  if (!p) return { description, text: `Watchpoint ${what} hit at ${where(t)} (instruction unreadable). ${siginfo}` };
  const at = `${p.size} byte${p.size === 1 ? '' : 's'} at ${hex(p.ea)} (${addressName(t.program, p.ea)})`;
  let action: string;
  switch (p.kind) {
    case 'store':
    case 'stcx':
      action =
        p.value !== undefined
          ? `is about to write ${hex(p.value)} from ${p.source} to ${at}`
          : `is about to write ${at}`;
      break;
    case 'load':
    case 'larx':
      action = `is about to read ${at}`;
      break;
    case 'cacheop':
      action = `is about to zero the cache line ${at}`;
      break;
    default:
      action = `is about to access memory (DAR ${siAddr !== undefined ? hex(siAddr) : '?'})`;
  }
  const current = p.kind === 'store' || p.kind === 'stcx' ? currentValue(t, p.ea, p.size) : undefined;
  const sentence =
    `Watchpoint ${what}: "${p.insn}" at ${where(t)} ` +
    `${action}${current !== undefined ? `; memory still holds ${hex(current)}` : ''} ` +
    `(stopped before it executes)`;
  return { description, text: `${sentence}. ${siginfo}` };
}

/** A state label short enough to leave the task's name readable beside it. */
export function shortened(s: string, max = 48): string {
  return s.length <= max ? s : `${s.slice(0, max - 1)}…`;
}

/**
 * Whether a store about to execute leaves the bytes [addr, addr + len) as they are: the value it
 * writes there is what memory already holds (a store outside them leaves them too). Undefined when
 * the access is not a store whose value is known (a load, a VSX store).
 */
export function storeKeeps(t: Task, p: AccessPreview, addr: bigint, len: number): boolean | undefined {
  if ((p.kind !== 'store' && p.kind !== 'stcx' && p.kind !== 'cacheop') || p.value === undefined) return undefined;
  const lo = p.ea > addr ? p.ea : addr;
  const end = p.ea + BigInt(p.size) < addr + BigInt(len) ? p.ea + BigInt(p.size) : addr + BigInt(len);
  if (end <= lo) return true;
  const cur = t.mem.readBytes(lo, Number(end - lo));
  if (!cur) return undefined;
  for (let k = 0; k < cur.length; k++) {
    const off = BigInt(Number(lo - p.ea) + k);
    const b = p.kind === 'cacheop' ? 0 : Number((p.value >> (8n * off)) & 0xffn);
    if (cur[k] !== b) return false;
  }
  return true;
}

function currentValue(t: Task, ea: bigint, size: number): bigint | undefined {
  if (size !== 1 && size !== 2 && size !== 4 && size !== 8) return undefined;
  return t.mem.read(ea, size);
}

/** The sentence of a fault or an unhandled signal stop. */
export function describeSignal(
  t: Task,
  signal: string,
  siCode: string | undefined,
  siAddr: bigint | undefined,
): { description: string; text: string } {
  const word = fetchWord(t.mem, t.thread.pc);
  const insn =
    word === undefined ? '(unreadable)' : disassemble(word, t.thread.pc, fetchWord(t.mem, t.thread.pc + 4n) ?? 0);
  const text = `${signal}${siCode ? ` ${siCode}` : ''}${siAddr !== undefined ? ` si_addr=${hex(siAddr)}` : ''}`;
  const why: Record<string, string> = {
    SIGSEGV: 'a bad memory access',
    SIGBUS: 'a misaligned or unsupported access',
    SIGILL: 'an illegal instruction',
    SIGFPE: 'an arithmetic exception',
    SIGTRAP:
      siCode === 'TRAP_BRKPT'
        ? "the program's own trap instruction (not a debugger breakpoint)"
        : siCode === 'TRAP_TRACE'
          ? 'a single-step exception no one asked for'
          : 'a trap',
  };
  const next = 'continuing delivers it and its default action ends the task; move pc to go on instead';
  return { description: `${signal} (${why[signal] ?? 'a signal'}) at ${where(t)}: "${insn}"; ${next}`, text };
}
