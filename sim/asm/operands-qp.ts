// Operand fields of the quad-precision family (isa/qp-defs.ts), merged into encode.ts's OPERANDS.
// The registers are the VMX ones (VD VA VB, printed v0-v31); BF and DCMX are shared.
import { uimm, type Operand } from './operand';

export const QP_OPERANDS = {
  /** xsrqpi/xsrqpix/xsrqpxp: R (bit 16) and RMC (bits 9-10) select the rounding mode */
  QR: uimm('R', 16, 1),
  RMC: uimm('RMC', 9, 2),
} satisfies Record<string, Operand>;
