// The fuzz targets, by name (test/fuzz/fuzz.test.ts runs each briefly, scripts/fuzz.ts long).
import type { FuzzTarget } from '../harness';
import { asmTarget } from './asm';
import { dapTarget } from './dap';
import { dwarfTarget } from './dwarf';
import { elfTarget } from './elf';
import { scenarioTarget } from './scenario';

export const TARGETS: Record<string, FuzzTarget<never>> = {
  asm: asmTarget as FuzzTarget<never>,
  scenario: scenarioTarget as FuzzTarget<never>,
  dap: dapTarget as FuzzTarget<never>,
  elf: elfTarget as FuzzTarget<never>,
  dwarf: dwarfTarget as FuzzTarget<never>,
};

/** inputs per target: the short run of `npm test`, and the long run of `npm run fuzz` */
export const SHORT: Record<string, number> = { asm: 60, scenario: 80, dap: 25, elf: 400, dwarf: 100 };
export const LONG: Record<string, number> = { asm: 3000, scenario: 2000, dap: 500, elf: 20000, dwarf: 5000 };

/** the fixed seeds (the long run starts where the short one ends: it tries other inputs) */
export const SEED = 0x12;
