// The operand tables of the families are merged into one OPERANDS object (encode.ts): a name defined
// in two of them would silently take the later one's fields (an xxeval encoded with xxspltib's IMM8
// was the first such case). Every name must be defined once.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { FIXED_OPERANDS } from '../../sim/asm/operands-fixed';
import { FP_OPERANDS } from '../../sim/asm/operands-fp';
import { VEC_OPERANDS } from '../../sim/asm/operands-vec';
import { VSXFP_OPERANDS } from '../../sim/asm/operands-vsxfp';

test('no operand name is defined by two operand tables', () => {
  const tables: Record<string, object> = { FIXED_OPERANDS, FP_OPERANDS, VEC_OPERANDS, VSXFP_OPERANDS };
  const owner = new Map<string, string>();
  const clashes: string[] = [];
  for (const [table, ops] of Object.entries(tables)) {
    for (const name of Object.keys(ops)) {
      const first = owner.get(name);
      if (first) clashes.push(`${name}: ${first} and ${table}`);
      else owner.set(name, table);
    }
  }
  assert.deepEqual(clashes, []);
});
