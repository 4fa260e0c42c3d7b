// Operand fields of the floating-point family, merged into encode.ts's OPERANDS.
import type { Operand } from './operand';

export const FP_OPERANDS = {} satisfies Record<string, Operand>;
