// Operand fields of the VMX and VSX families, merged into encode.ts's OPERANDS.
import type { Operand } from './operand';

export const VEC_OPERANDS = {} satisfies Record<string, Operand>;
