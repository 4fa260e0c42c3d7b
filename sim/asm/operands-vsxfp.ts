// Operand fields of the VSX floating-point family (isa/vsx-fp-defs.ts), merged into encode.ts's OPERANDS.
import type { Operand } from './operand';

export const VSXFP_OPERANDS = {} satisfies Record<string, Operand>;
