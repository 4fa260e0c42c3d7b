// Sections while assembling (contents grow at an offset) and their link addresses afterwards,
// placed as GNU ld's default script places them with -Ttext/-Tdata/-Tbss: input sections named
// `.text.*`, `.data.*`, `.bss.*`, `.rodata.*` join their output section; `.rodata` (and any other
// allocated section) follows `.text`, aligned to its own alignment.
import { DEFAULT_LAYOUT } from '../program';
import { ByteBuffer } from './byte-buffer';

export interface Layout {
  text: bigint;
  data: bigint;
  bss: bigint;
}

export interface SectionState {
  /** the input section name as written (.text, .text.more, .rodata.str) */
  name: string;
  /** the output section it joins */
  output: string;
  bytes: ByteBuffer;
  align: number;
  exec: boolean;
  nobits: boolean;
  /** set by place() */
  addr: bigint;
}

/** The output section an input section name belongs to. */
export function outputSectionName(name: string): string {
  for (const base of ['.text', '.data', '.bss', '.rodata']) {
    if (name === base || name.startsWith(base + '.')) return base;
  }
  if (name.startsWith('.sdata')) return '.data';
  if (name.startsWith('.sbss')) return '.bss';
  return name;
}

export interface OutputSection {
  name: string;
  addr: bigint;
  align: number;
  exec: boolean;
  nobits: boolean;
  inputs: SectionState[];
  size: number;
}

const align = (x: bigint, a: number) => ((x + BigInt(a) - 1n) / BigInt(a)) * BigInt(a);

export class Sections {
  /** input sections by name, in order of first appearance */
  readonly map = new Map<string, SectionState>();
  readonly outputs: OutputSection[] = [];

  constructor() {
    this.get('.text', { exec: true });
    this.get('.data', {});
    this.get('.bss', { nobits: true });
  }

  get(name: string, flags: { exec?: boolean; nobits?: boolean }): SectionState {
    let s = this.map.get(name);
    if (!s) {
      s = {
        name,
        output: outputSectionName(name),
        bytes: new ByteBuffer(),
        align: 1,
        exec: flags.exec ?? false,
        nobits: flags.nobits ?? false,
        addr: 0n,
      };
      this.map.set(name, s);
    }
    return s;
  }

  /** Assigns link addresses to output sections and to each input section inside them. */
  place(layout: Partial<Layout> | undefined): void {
    const l = {
      text: layout?.text ?? DEFAULT_LAYOUT.text,
      data: layout?.data ?? DEFAULT_LAYOUT.data,
      bss: layout?.bss ?? DEFAULT_LAYOUT.bss,
    };
    const byName = new Map<string, OutputSection>();
    for (const s of this.map.values()) {
      let o = byName.get(s.output);
      if (!o) {
        o = { name: s.output, addr: 0n, align: 1, exec: s.exec, nobits: s.nobits, inputs: [], size: 0 };
        byName.set(s.output, o);
      }
      o.inputs.push(s);
      o.align = Math.max(o.align, s.align);
    }
    // ld's order: .text, then read-only sections (.rodata first), with .data and .bss where -T puts them
    const fixed: Record<string, bigint> = { '.text': l.text, '.data': l.data, '.bss': l.bss };
    const rest = [...byName.values()].filter((o) => !(o.name in fixed));
    rest.sort((a, b) => (a.name === '.rodata' ? -1 : b.name === '.rodata' ? 1 : 0));
    const order = [byName.get('.text')!, ...rest, byName.get('.data')!, byName.get('.bss')!];
    let next = l.text;
    for (const o of order) {
      o.addr = o.name in fixed ? fixed[o.name] : align(next, o.align);
      let cur = o.addr;
      for (const s of o.inputs) {
        cur = align(cur, s.align);
        s.addr = cur;
        cur += BigInt(s.bytes.length);
      }
      o.size = Number(cur - o.addr);
      if (o.name === '.text' || (!(o.name in fixed) && !o.name.startsWith('\u0000'))) next = cur;
    }
    this.outputs.splice(0, this.outputs.length, ...order);
  }
}
