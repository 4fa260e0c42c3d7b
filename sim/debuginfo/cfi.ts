// Call-frame information (.eh_frame and .debug_frame, DWARF 5 section 6.4): CIEs and FDEs, and the
// row of the CFA table for a pc: how to compute the canonical frame address and where each
// register of the caller was saved. The FDEs of a section are indexed by address on first use
// (a static glibc program has about a thousand); their instructions are run for one pc at a time.
import { DW_CFA, DW_EH_PE } from './constants';
import { Cursor, DwarfFail, fail } from './reader';
import { hexU64 } from '../hex';

export type RegisterRule =
  | { kind: 'undefined' }
  | { kind: 'same' }
  | { kind: 'offset'; offset: bigint }
  | { kind: 'val_offset'; offset: bigint }
  | { kind: 'register'; reg: number }
  | { kind: 'expression'; expr: Uint8Array }
  | { kind: 'val_expression'; expr: Uint8Array };

export type CfaRule = { kind: 'reg'; reg: number; offset: bigint } | { kind: 'expr'; expr: Uint8Array };

export interface CfaRow {
  /** where this row starts (link-time address) */
  loc: bigint;
  cfa: CfaRule;
  regs: Map<number, RegisterRule>;
  returnRegister: number;
  /** the CIE's 'S' augmentation: a signal frame (the pc is not a return address) */
  signalFrame: boolean;
  /** the FDE's range */
  start: bigint;
  end: bigint;
}

interface Cie {
  offset: number;
  version: number;
  codeAlign: number;
  dataAlign: number;
  returnRegister: number;
  fdeEncoding: number;
  lsdaEncoding: number;
  signalFrame: boolean;
  hasAugmentationData: boolean;
  addressSize: number;
  instructions: Uint8Array;
  /** (where the instructions start in the section, for messages) */
  instrOffset: number;
}

interface Fde {
  offset: number;
  cie: Cie;
  start: bigint;
  end: bigint;
  instructions: Uint8Array;
}

/** The most FDEs indexed per section (bounds memory on corrupt input). */
const MAX_FDES = 2_000_000;
const MAX_INSTRUCTIONS = 100_000;

export class CallFrameSection {
  private fdes: Fde[] | undefined;
  private readonly cies = new Map<number, Cie>();
  /** why the section could not be read completely (the FDEs before the problem stay usable) */
  problem: string | undefined;

  constructor(
    private readonly bytes: Uint8Array,
    /** the section's link-time address (.eh_frame's pc-relative pointers); 0 for .debug_frame */
    private readonly addr: bigint,
    private readonly kind: 'eh' | 'debug',
    private readonly addressSize = 8,
  ) {}

  private get name(): string {
    return this.kind === 'eh' ? '.eh_frame' : '.debug_frame';
  }

  /** Reads a pointer encoded as `enc` (DW_EH_PE_*) at the cursor. */
  private pointer(c: Cursor, enc: number, addressSize: number): bigint {
    if (enc === DW_EH_PE.omit) return 0n;
    const fieldAddr = this.addr + BigInt(c.pos);
    let v: bigint;
    switch (enc & 0x0f) {
      case DW_EH_PE.absptr:
        v = c.address(addressSize);
        break;
      case DW_EH_PE.uleb128:
        v = c.ulebBig();
        break;
      case DW_EH_PE.udata2:
        v = BigInt(c.u16());
        break;
      case DW_EH_PE.udata4:
        v = BigInt(c.u32());
        break;
      case DW_EH_PE.udata8:
        v = c.u64();
        break;
      case DW_EH_PE.sleb128:
        v = c.slebBig();
        break;
      case DW_EH_PE.sdata2:
        v = BigInt(c.i16());
        break;
      case DW_EH_PE.sdata4:
        v = BigInt(c.i32());
        break;
      case DW_EH_PE.sdata8:
        v = c.i64();
        break;
      default:
        return fail(`${this.name}: unknown pointer encoding ${hexU64(enc)}`);
    }
    switch (enc & 0x70) {
      case 0:
        break;
      case DW_EH_PE.pcrel:
        v += fieldAddr;
        break;
      default:
        // textrel/datarel/funcrel/aligned: not used by GCC on ppc64 Linux
        return fail(`${this.name}: pointer encoding ${hexU64(enc)} is not supported`);
    }
    return BigInt.asUintN(64, v);
  }

  private cieAt(off: number): Cie {
    const had = this.cies.get(off);
    if (had) return had;
    const c0 = new Cursor(this.bytes, off, this.bytes.length, `the CIE at ${hexU64(off)} of ${this.name}`);
    const { length, offsetSize } = c0.initialLength();
    if (length === 0) fail(`${c0.what}: empty`);
    const c = c0.sub(length);
    const id = offsetSize === 4 ? BigInt(c.u32()) : c.u64();
    const isCie = this.kind === 'eh' ? id === 0n : offsetSize === 4 ? id === 0xffffffffn : id === 0xffffffffffffffffn;
    if (!isCie) fail(`${c.what}: it is not a CIE`);
    const version = c.u8();
    if (version !== 1 && version !== 3 && version !== 4) fail(`${c.what}: CIE version ${version} (1, 3 or 4 expected)`);
    const aug = c.cstring();
    let addressSize = this.addressSize;
    if (version === 4) {
      addressSize = c.u8();
      c.u8(); // segment selector size
    }
    const cie: Cie = {
      offset: off,
      version,
      codeAlign: c.uleb(),
      dataAlign: c.sleb(),
      returnRegister: version === 1 ? c.u8() : c.uleb(),
      fdeEncoding: DW_EH_PE.absptr,
      lsdaEncoding: DW_EH_PE.omit,
      signalFrame: false,
      hasAugmentationData: false,
      addressSize,
      instructions: new Uint8Array(0),
      instrOffset: 0,
    };
    if (aug.startsWith('z')) {
      cie.hasAugmentationData = true;
      const augLen = c.uleb();
      const a = c.sub(augLen);
      for (const ch of aug.slice(1)) {
        if (ch === 'R') cie.fdeEncoding = a.u8();
        else if (ch === 'L') cie.lsdaEncoding = a.u8();
        else if (ch === 'P') {
          const enc = a.u8();
          this.pointer(a, enc & 0x7f, addressSize);
        } else if (ch === 'S') cie.signalFrame = true;
        else break; // unknown: the rest of the augmentation data is skipped by its length
      }
    } else if (aug !== '' && aug !== 'eh') {
      fail(`${c.what}: augmentation "${aug}" is not understood`);
    } else if (aug === 'eh') c.address(addressSize);
    cie.instrOffset = c.pos;
    cie.instructions = c.take(c.left);
    this.cies.set(off, cie);
    return cie;
  }

  /** Every FDE of the section, sorted by start address (read once). */
  private index(): Fde[] {
    if (this.fdes) return this.fdes;
    const out: Fde[] = [];
    let pos = 0;
    const b = this.bytes;
    try {
      while (pos + 4 <= b.length) {
        const at = pos;
        const c0 = new Cursor(b, pos, b.length, `the entry at ${hexU64(pos)} of ${this.name}`);
        const { length, offsetSize } = c0.initialLength();
        if (length === 0) {
          // .eh_frame's terminator (or padding)
          if (this.kind === 'eh') break;
          pos = c0.pos;
          continue;
        }
        const c = c0.sub(length);
        pos = c.end;
        const idPos = c.pos;
        const id = offsetSize === 4 ? BigInt(c.u32()) : c.u64();
        const cieId = this.kind === 'eh' ? 0n : offsetSize === 4 ? 0xffffffffn : 0xffffffffffffffffn;
        if (id === cieId) continue;
        if (id > BigInt(b.length) + BigInt(idPos))
          fail(`${c0.what}: its CIE pointer ${hexU64(id)} is outside the section`);
        const cieOff = this.kind === 'eh' ? idPos - Number(id) : Number(id);
        const cie = this.cieAt(cieOff);
        const start = this.pointer(c, cie.fdeEncoding, cie.addressSize);
        const range = this.pointer(c, cie.fdeEncoding & 0x0f, cie.addressSize);
        if (cie.hasAugmentationData) c.skip(c.uleb());
        if (out.length >= MAX_FDES) fail(`${this.name}: more than ${MAX_FDES} FDEs`);
        // (an FDE of discarded code has start 0: useless, skipped)
        if (start !== 0n && range > 0n)
          out.push({ offset: at, cie, start, end: start + range, instructions: c.take(c.left) });
      }
    } catch (e) {
      if (!(e instanceof DwarfFail)) throw e;
      this.problem = e.message;
    }
    out.sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0));
    this.fdes = out;
    return out;
  }

  get fdeCount(): number {
    return this.index().length;
  }

  /** The FDE covering `pc`, or undefined. */
  private fdeFor(pc: bigint): Fde | undefined {
    const f = this.index();
    let lo = 0;
    let hi = f.length - 1;
    let best = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (f[mid].start <= pc) {
        best = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    for (let i = best; i >= 0 && i > best - 8; i--) if (f[i].start <= pc && pc < f[i].end) return f[i];
    return undefined;
  }

  /** The row of the CFA table that applies at `pc`; undefined when no FDE covers it. */
  rowFor(pc: bigint): CfaRow | undefined {
    const fde = this.fdeFor(pc);
    if (!fde) return undefined;
    const cie = fde.cie;
    const row: CfaRow = {
      loc: fde.start,
      cfa: { kind: 'reg', reg: 1, offset: 0n },
      regs: new Map(),
      returnRegister: cie.returnRegister,
      signalFrame: cie.signalFrame,
      start: fde.start,
      end: fde.end,
    };
    // the CIE's initial instructions, then the FDE's up to pc
    this.run(cie.instructions, cie, row, undefined, pc, `${this.name} CIE at ${hexU64(cie.offset)}`);
    const initial = new Map(row.regs);
    this.run(fde.instructions, cie, row, initial, pc, `${this.name} FDE at ${hexU64(fde.offset)}`);
    return row;
  }

  private run(
    instr: Uint8Array,
    cie: Cie,
    row: CfaRow,
    initial: Map<number, RegisterRule> | undefined,
    pc: bigint,
    what: string,
  ): void {
    const c = new Cursor(instr, 0, instr.length, what);
    const stack: Array<{ cfa: CfaRule; regs: Map<number, RegisterRule> }> = [];
    const da = BigInt(cie.dataAlign);
    const ca = BigInt(cie.codeAlign);
    const restore = (r: number) => {
      const init = initial?.get(r);
      if (init) row.regs.set(r, init);
      else row.regs.delete(r);
    };
    for (let n = 0; !c.atEnd; n++) {
      if (n > MAX_INSTRUCTIONS) fail(`${what}: more than ${MAX_INSTRUCTIONS} instructions`);
      const op = c.u8();
      const high = op & 0xc0;
      const low = op & 0x3f;
      let advanceTo: bigint | undefined;
      if (high === DW_CFA.advance_loc) advanceTo = row.loc + BigInt(low) * ca;
      else if (high === DW_CFA.offset) row.regs.set(low, { kind: 'offset', offset: BigInt(c.uleb()) * da });
      else if (high === DW_CFA.restore) restore(low);
      else {
        switch (op) {
          case DW_CFA.nop:
            break;
          case DW_CFA.set_loc:
            advanceTo = this.pointer(c, cie.fdeEncoding, cie.addressSize);
            break;
          case DW_CFA.advance_loc1:
            advanceTo = row.loc + BigInt(c.u8()) * ca;
            break;
          case DW_CFA.advance_loc2:
            advanceTo = row.loc + BigInt(c.u16()) * ca;
            break;
          case DW_CFA.advance_loc4:
            advanceTo = row.loc + BigInt(c.u32()) * ca;
            break;
          case DW_CFA.offset_extended: {
            const r = c.uleb();
            row.regs.set(r, { kind: 'offset', offset: BigInt(c.uleb()) * da });
            break;
          }
          case DW_CFA.restore_extended:
            restore(c.uleb());
            break;
          case DW_CFA.undefined:
            row.regs.set(c.uleb(), { kind: 'undefined' });
            break;
          case DW_CFA.same_value:
            row.regs.set(c.uleb(), { kind: 'same' });
            break;
          case DW_CFA.register: {
            const r = c.uleb();
            row.regs.set(r, { kind: 'register', reg: c.uleb() });
            break;
          }
          case DW_CFA.remember_state:
            if (stack.length > 1000) fail(`${what}: DW_CFA_remember_state nested too deep`);
            stack.push({ cfa: { ...row.cfa }, regs: new Map(row.regs) });
            break;
          case DW_CFA.restore_state: {
            const s = stack.pop();
            if (!s) fail(`${what}: DW_CFA_restore_state without a remembered state`);
            // (the CFA rule is restored too, as GCC's unwinder and GDB do)
            row.cfa = s.cfa;
            row.regs = s.regs;
            break;
          }
          case DW_CFA.def_cfa: {
            const r = c.uleb();
            row.cfa = { kind: 'reg', reg: r, offset: BigInt(c.uleb()) };
            break;
          }
          case DW_CFA.def_cfa_sf: {
            const r = c.uleb();
            row.cfa = { kind: 'reg', reg: r, offset: c.slebBig() * da };
            break;
          }
          case DW_CFA.def_cfa_register: {
            const r = c.uleb();
            row.cfa =
              row.cfa.kind === 'reg'
                ? { kind: 'reg', reg: r, offset: row.cfa.offset }
                : { kind: 'reg', reg: r, offset: 0n };
            break;
          }
          case DW_CFA.def_cfa_offset: {
            const o = BigInt(c.uleb());
            row.cfa = row.cfa.kind === 'reg' ? { kind: 'reg', reg: row.cfa.reg, offset: o } : row.cfa;
            break;
          }
          case DW_CFA.def_cfa_offset_sf: {
            const o = c.slebBig() * da;
            row.cfa = row.cfa.kind === 'reg' ? { kind: 'reg', reg: row.cfa.reg, offset: o } : row.cfa;
            break;
          }
          case DW_CFA.def_cfa_expression:
            row.cfa = { kind: 'expr', expr: c.take(c.uleb()) };
            break;
          case DW_CFA.expression: {
            const r = c.uleb();
            row.regs.set(r, { kind: 'expression', expr: c.take(c.uleb()) });
            break;
          }
          case DW_CFA.val_expression: {
            const r = c.uleb();
            row.regs.set(r, { kind: 'val_expression', expr: c.take(c.uleb()) });
            break;
          }
          case DW_CFA.offset_extended_sf: {
            const r = c.uleb();
            row.regs.set(r, { kind: 'offset', offset: c.slebBig() * da });
            break;
          }
          case DW_CFA.val_offset: {
            const r = c.uleb();
            row.regs.set(r, { kind: 'val_offset', offset: BigInt(c.uleb()) * da });
            break;
          }
          case DW_CFA.val_offset_sf: {
            const r = c.uleb();
            row.regs.set(r, { kind: 'val_offset', offset: c.slebBig() * da });
            break;
          }
          case DW_CFA.GNU_args_size:
            c.uleb();
            break;
          case DW_CFA.GNU_negative_offset_extended: {
            const r = c.uleb();
            row.regs.set(r, { kind: 'offset', offset: -BigInt(c.uleb()) * da });
            break;
          }
          default:
            fail(`${what}: unknown call-frame instruction ${hexU64(op)}`);
        }
      }
      if (advanceTo !== undefined) {
        if (advanceTo > pc) return;
        row.loc = advanceTo;
      }
    }
  }
}
