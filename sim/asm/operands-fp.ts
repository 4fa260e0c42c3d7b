// Operand fields of the floating-point family (isa/fp-defs.ts), merged into encode.ts's OPERANDS.
import { reg, uimm, type Operand } from './operand';

export const FP_OPERANDS = {
  FRT: reg('FRT', 'fpr', 21),
  FRS: reg('FRS', 'fpr', 21),
  FRA: reg('FRA', 'fpr', 16),
  FRB: reg('FRB', 'fpr', 11),
  FRC: reg('FRC', 'fpr', 6),
  /** mtfsf's field mask */
  FLM: uimm('FLM', 17, 8),
  /** mtfsf L: the whole FPSCR */
  FL: uimm('L', 25, 1, true),
  /** mtfsf/mtfsfi W: the fields of the high word */
  FW: uimm('W', 16, 1, true),
  /** mtfsfi's FPSCR field (a number, not a CR field) and immediate */
  FBF: uimm('BF', 23, 3),
  FU: uimm('U', 12, 4),
  /** mtfsb0/mtfsb1's FPSCR bit */
  FBT: uimm('BT', 21, 5),
  /** mffscdrni's decimal rounding mode, mffscrni's rounding mode */
  DRM: uimm('DRM', 11, 3),
  RM: uimm('RM', 11, 2),
} satisfies Record<string, Operand>;
