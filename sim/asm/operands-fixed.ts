// Operand fields of the fixed-point family (isa/fixed-defs.ts), merged into encode.ts's OPERANDS.
import type { Operand } from './operand';

export const FIXED_OPERANDS = {} satisfies Record<string, Operand>;
