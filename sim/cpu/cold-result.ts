// What an operation executed outside the hot loop tells the loop to do next.

/** go on with the next instruction (pc + 4) */
export const COLD_NEXT = 0;
/** the operation set t.pcNum itself (a branch, or a prefixed instruction's pc + 8 across pages) */
export const COLD_JUMP = 1;
/** stop: core.pending holds the stop (a fault, a trap, a DAWR match) */
export const COLD_STOP = 2;
/** go on with the instruction after an 8-byte prefixed instruction (pc + 8) */
export const COLD_NEXT8 = 3;
