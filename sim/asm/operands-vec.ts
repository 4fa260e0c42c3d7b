// Operand fields of the VMX and VSX families, merged into encode.ts's OPERANDS. Bit positions count
// from the least significant bit (a shift). VSX register numbers are 6 bits: 5 in the field and the
// sixth in a separate bit (TX bit 0, BX bit 1, AX bit 2, CX bit 3), written and read by hand here.
import { field, reg, simm, uimm, ux, type Operand } from './operand';

const u32 = (x: number) => x >>> 0;

/** a 6-bit VSX register: 5 bits at `shift`, the high bit at `hiBit` */
function vsr6(name: string, shift: number, hiBit: number): Operand {
  return {
    name,
    kind: 'vsr',
    min: 0n,
    max: 63n,
    insert: (v: bigint) => u32(((Number(v) & 31) << shift) | (((Number(v) >> 5) & 1) << hiBit)),
    extract: (w: number) => ((w >>> shift) & 31) | (((w >>> hiBit) & 1) << 5),
  };
}

/** an even-odd VSX register pair (lxvp, lxvpx): Tp in bits 22-25, TX in bit 21; XTp = 32*TX + 2*Tp */
const XTP: Operand = {
  name: 'XTp',
  kind: 'vsr',
  min: 0n,
  max: 62n,
  multiple: 2,
  insert: (v: bigint) => u32((((Number(v) >> 1) & 15) << 22) | (((Number(v) >> 5) & 1) << 21)),
  extract: (w: number) => (((w >>> 22) & 15) << 1) | (((w >>> 21) & 1) << 5),
};

/** mtvsrbmi's 16-bit mask: b0 in bits 6-15, b1 in bits 16-20, b2 in bit 0 (objdump prints it signed) */
const BM16: Operand = {
  name: 'bm',
  kind: 'imm',
  min: -0x8000n,
  max: 0xffffn,
  signopt: true,
  insert: (v: bigint) => {
    const n = Number(v);
    return u32((((n >> 6) & 0x3ff) << 6) | (((n >> 1) & 31) << 16) | (n & 1));
  },
  extract: (w: number) => (((((w >>> 6) & 0x3ff) << 6) | (((w >>> 16) & 31) << 1) | (w & 1)) << 16) >> 16,
};

export const VEC_OPERANDS = {
  // VMX registers
  VD: reg('VD', 'vr', 21),
  VA: reg('VA', 'vr', 16),
  VB: reg('VB', 'vr', 11),
  VC: reg('VC', 'vr', 6),
  /** a GPR in the VC position (vextdubvlx, maddld) */
  RCV: reg('RC', 'gpr', 6),
  /** lxsd/stxsd: a VMX register in the RT position */
  VRT: reg('VRT', 'vr', 21),
  // VMX immediates
  UIMM5: uimm('UIMM', 16, 5),
  UIMM4: uimm('UIMM', 16, 4),
  UIMM3: uimm('UIMM', 16, 3),
  UIMM2: uimm('UIMM', 16, 2),
  SIMM5: simm('SIMM', 16, 5),
  SHB: uimm('SHB', 6, 4),
  SH3V: uimm('SH', 6, 3),
  /** vshasigma: ST (bit 15) and SIX (bits 11-14) */
  ST: uimm('ST', 15, 1),
  SIX: uimm('SIX', 11, 4),
  /** vcntmb*: MP in bit 16 */
  MP: uimm('MP', 16, 1),
  /** vgnb: N in bits 16-18 */
  N3: uimm('N', 16, 3),
  BM16,
  /** vcmpsq/vcmpuq: the CR field */
  BFV: { name: 'BF', kind: 'crf', min: 0n, max: 7n, insert: field(23, 3), extract: ux(23, 3) } as Operand,
  // VSX registers beyond XT/XTQ (encode.ts)
  XA6: vsr6('XA', 16, 2),
  XB6: vsr6('XB', 11, 1),
  XC6: vsr6('XC', 6, 3),
  XTP,
  /** the FPR/VR spellings of a VSX register (mffprd f3 is vs3, mfvrd v3 is vs35): 5 bits at 21 */
  FRSV: reg('FRS', 'fpr', 21),
  VRSV: reg('VRS', 'vr', 21),
  /** xxpermdi DM, xxsldwi SHW: bits 8-9 */
  DM: uimm('DM', 8, 2),
  SHW: uimm('SHW', 8, 2),
  /** xxspltd's doubleword (0 or 1): DM 0 or 3 */
  UIM1: uimm('UIM', 8, 1),
  /** xxspltw UIM (bits 16-17), xxextractuw/xxinsertw UIM (bits 16-19) */
  UIM2X: uimm('UIM', 16, 2),
  UIM4X: uimm('UIM', 16, 4),
  /** xxspltib IMM8 (bits 11-18); GNU as takes -128..255 */
  IMM8: { name: 'IMM8', kind: 'imm', min: -128n, max: 255n, insert: field(11, 8), extract: ux(11, 8) } as Operand,
  /** lxvkq UIM (bits 11-15), xxgenpcv IMM (bits 16-20) */
  UIM5B: uimm('UIM', 11, 5),
  IMM5A: uimm('IMM', 16, 5),
} satisfies Record<string, Operand>;
