// Operand fields of the VSX floating-point family (isa/vsx-fp-defs.ts), merged into encode.ts's OPERANDS.
import { uimm, type Operand } from './operand';

const u32 = (x: number) => x >>> 0;

export const VSXFP_OPERANDS = {
  /** XA: A in bits 16-20, AX in bit 2 */
  XA: {
    name: 'XA',
    kind: 'vsr',
    min: 0n,
    max: 63n,
    insert: (v: bigint) => u32(((Number(v) & 31) << 16) | (((Number(v) >> 5) & 1) << 2)),
    extract: (w: number) => ((w >>> 16) & 31) | (((w >>> 2) & 1) << 5),
  } as Operand,
  /** XB: B in bits 11-15, BX in bit 1 */
  XB: {
    name: 'XB',
    kind: 'vsr',
    min: 0n,
    max: 63n,
    insert: (v: bigint) => u32(((Number(v) & 31) << 11) | (((Number(v) >> 5) & 1) << 1)),
    extract: (w: number) => ((w >>> 11) & 31) | (((w >>> 1) & 1) << 5),
  } as Operand,
  /** xststdcdp/sp's data class mask: bits 16-22 */
  DCMX: uimm('DCMX', 16, 7),
  /** xvtstdcdp/sp's data class mask: dx (its low 5 bits) in bits 16-20, dc (bit 5) in bit 2, dm (bit 6) in bit 6 */
  DCMXV: {
    name: 'DCMX',
    kind: 'imm',
    min: 0n,
    max: 127n,
    insert: (v: bigint) =>
      u32(((Number(v) & 31) << 16) | (((Number(v) >> 5) & 1) << 2) | (((Number(v) >> 6) & 1) << 6)),
    extract: (w: number) => ((w >>> 16) & 31) | (((w >>> 2) & 1) << 5) | (((w >>> 6) & 1) << 6),
  } as Operand,
} satisfies Record<string, Operand>;
