// One pass over the public queries of the debug information reader on a program whose debug
// sections may be corrupt (the fuzz test and the dwarf fuzz target share it): opening, files,
// breakpoints, lines, functions, a stack unwound from plausible registers and a stack of given
// bytes, locals and their children, globals, data breakpoint info, expressions, step out and a
// line step. Returns every message a person would see; throws only if the reader does.
import { openDebugInfo, type DebugInfo } from '../../sim/debuginfo/debug-info';
import { LineStepper } from '../../sim/debuginfo/stepping';
import type { Target } from '../../sim/debuginfo/target';

export interface ExerciseProgram {
  /** code addresses of the program's own functions (from the intact file) */
  code: bigint[];
  /** how many source lines to try breakpoints on */
  lines: number;
}

/** A target whose memory is the file's sections plus a stack of the given bytes. */
export function fuzzTarget(di: DebugInfo, pc: bigint, stack: Uint8Array): Target {
  const secs = di.elf.sections.filter((s) => (s.flags & 2n) !== 0n);
  const base = 0x7fff0000n;
  return {
    readMemory(a, n) {
      if (n > 1 << 20) return undefined;
      if (a >= base && a + BigInt(n) <= base + BigInt(stack.length))
        return stack.slice(Number(a - base), Number(a - base) + n);
      for (const s of secs) {
        if (a >= s.addr && a + BigInt(n) <= s.addr + s.size) {
          if (s.type === 8) return new Uint8Array(n);
          const o = Number(s.offset + (a - s.addr));
          return di.elf.bytes.slice(o, o + n);
        }
      }
      return undefined;
    },
    readRegister(n) {
      if (n === 1 || n === 31) return base + 0x200n;
      if (n === 65) return pc + 0x40n;
      if (n < 64) return BigInt(n) * 0x1111n;
      return undefined;
    },
    pc: () => pc,
  };
}

export function codeOf(di: DebugInfo): bigint[] {
  const code: bigint[] = [];
  for (const u of di.dwarf.units)
    for (const f of di.scopesOf(u)?.functions ?? [])
      for (const [s, e] of f.ranges) for (let a = s; a < e && code.length < 100_000; a += 4n) code.push(a);
  return code;
}

export function exercise(p: ExerciseProgram, bytes: Uint8Array, pick: number, stack: Uint8Array): string[] {
  const messages: string[] = [];
  const r = openDebugInfo(bytes);
  if (!r.ok) return [r.message];
  const di = r.info;
  messages.push(...di.problems);
  const files = di.sourceFiles();
  const file = files[pick % Math.max(1, files.length)] ?? 'values.c';
  for (const line of [1, 5, (pick % Math.max(1, p.lines)) + 1, 1000]) {
    const b = di.breakpointLocations(file, line);
    if (!b.ok) messages.push(b.message);
  }
  const pc = p.code.length > 0 ? p.code[pick % p.code.length] : 0x10000000n;
  di.lineAt(pc);
  di.lineStepRange(pc);
  di.functionAt(pc);
  di.inlineSkipAt(pc);
  di.functionNamed('main');
  const t = fuzzTarget(di, pc, stack);
  const frames = di.stackFrames(t, 16);
  if (frames.length === 0) throw new Error('no frame at all');
  for (const f of frames.slice(0, 4)) {
    messages.push(f.name);
    if (f.end) messages.push(f.end);
    for (const v of di.locals(t, f)) {
      messages.push(v.value, v.type);
      for (const ch of v.children().slice(0, 4)) messages.push(ch.value);
      const info = di.dataBreakpointInfo(v);
      messages.push(info.ok ? info.description : info.message);
    }
    for (const reg of di.registers(t, f).slice(0, 4)) messages.push(reg.value);
  }
  for (const g of di.globals(t).slice(0, 20)) {
    messages.push(g.value, g.type);
    for (const ch of g.children().slice(0, 4)) messages.push(ch.value);
  }
  for (const e of [
    'counter',
    'n1.next->name',
    'pts[1].y + 1',
    '*ptr',
    'shared.lo',
    'sizeof(struct node)',
    '(char)counter',
    'nosuch',
  ]) {
    const v = di.evaluate(t, e, frames[0]);
    messages.push(v.ok ? v.text : v.message);
  }
  const out = di.stepOutTarget(frames, 0);
  if (!out.ok) messages.push(out.message);
  const st = new LineStepper(di, 'over', t);
  const d = st.start(t);
  if (d.action === 'stop' && d.reason) messages.push(d.reason);
  st.next(t, pc);
  return messages.filter((m) => m !== '');
}
