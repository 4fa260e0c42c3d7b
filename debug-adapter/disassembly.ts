// The disassembly view: instructionCount instructions from memoryReference + offset (bytes) +
// instructionOffset (instructions, may be negative), each with its bytes, text, symbol and source
// line; addresses outside memory come back as invalid rows so the view can scroll past them.
import type { DebugProtocol } from '@vscode/debugprotocol';
import { disassemble } from '../sim/cpu/disasm';
import type { Task } from '../sim/machine/task';
import { codeName, hex } from './symbols';
import { codeLineOf } from './source/source-lines';

export function disassembleRange(
  t: Task,
  read: (addr: bigint, len: number) => Uint8Array | undefined,
  base: bigint,
  instructionOffset: number,
  count: number,
  resolveSymbols: boolean,
): DebugProtocol.DisassembledInstruction[] {
  const out: DebugProtocol.DisassembledInstruction[] = [];
  const start = (base & ~3n) + BigInt(instructionOffset) * 4n;
  let lastLine: string | undefined;
  for (let i = 0; i < count; i++) {
    const addr = BigInt.asUintN(64, start + BigInt(i) * 4n);
    const b = read(addr, 4);
    if (!b) {
      out.push({ address: hex(addr), instruction: '??', presentationHint: 'invalid' });
      continue;
    }
    const word = (b[0] | (b[1] << 8) | (b[2] << 16) | (b[3] << 24)) >>> 0;
    // a prefixed (8-byte) instruction: its text on the prefix's row (with the suffix), the suffix's
    // row left blank, as objdump prints them (a prefix word is never an instruction by itself)
    const wordAt = (a: bigint) => {
      const x = read(a, 4);
      return x ? (x[0] | (x[1] << 8) | (x[2] << 16) | (x[3] << 24)) >>> 0 : undefined;
    };
    const before = addr >= 4n ? wordAt(addr - 4n) : undefined;
    const isSuffix =
      before !== undefined && before >>> 26 === 1 && !disassemble(before, addr - 4n, word).startsWith('.long');
    const ins: DebugProtocol.DisassembledInstruction = {
      address: hex(addr),
      instructionBytes: [...b].map((x) => x.toString(16).padStart(2, '0')).join(' '),
      instruction: isSuffix ? '' : disassemble(word, addr, word >>> 26 === 1 ? (wordAt(addr + 4n) ?? 0) : 0),
    };
    if (resolveSymbols) {
      const s = codeName(t.program, addr);
      if (s) ins.symbol = s;
    }
    const l = codeLineOf(t.program, addr);
    if (l) {
      const key = `${l.file}:${l.line}`;
      // the location is given on the first instruction of each line (as the protocol suggests)
      if (key !== lastLine) ins.location = { path: l.file, name: l.file.replace(/^.*[\\/]/, '') };
      ins.line = l.line;
      lastLine = key;
    }
    out.push(ins);
  }
  return out;
}
