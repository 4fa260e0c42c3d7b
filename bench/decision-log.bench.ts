// The bounded decision log: append throughput (goal 2M decisions/s) and what 1e6 kept decisions
// cost. Each appended decision is a fresh object shaped as the handler makes them (one slot
// verdict, two effects), so the figure includes keeping the records alive, which is the real cost.
import type { BenchRow } from './run';
import type { Decision } from '../sim/decision';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { DecisionLog } from '../sim/hwbp/decision-log';

function fill(log: DecisionLog, n: number): number {
  const t0 = performance.now();
  for (let i = 0; i < n; i++) {
    const d: Decision = {
      seq: -1,
      icount: i,
      cpu: 0,
      task: 'child',
      pc: '0x10000004',
      mode: 'user',
      insn: 'ld r0,0(r3)',
      access: { kind: 'load', ea: '0x7ffffffeff00', size: 8 },
      slots: [{ slot: 0, bp: 'perf:value', owner: 'perf', result: 'hit', reason: 'access overlaps user range' }],
      branch: 'perf-single-step',
      effects: [{ kind: 'arm-step', bp: 'perf:value' }, { kind: 'reinstall', slot: 1 }],
    };
    log.append(d);
  }
  return performance.now() - t0;
}

export function run(): BenchRow[] {
  const rows: BenchRow[] = [];
  const n = 2_000_000;
  // capacity 1,000: the log's own cost (records die young); the larger ones add keeping them alive
  for (const capacity of [1_000, 100_000, 1_000_000]) {
    const log = new DecisionLog(capacity);
    const cpu0 = process.cpuUsage();
    const ms = fill(log, n);
    const cpu = process.cpuUsage(cpu0);
    const rate = n / (ms / 1000);
    rows.push({
      name: `append, capacity ${capacity.toLocaleString('en')}`,
      value: rate,
      unit: 'decisions/s',
      goal: '>= 2M decisions/s',
      ok: rate >= 2e6,
      note: `${n / 1e6}M appended in ${ms.toFixed(0)} ms wall, ${((cpu.user + cpu.system) / 1000).toFixed(0)} ms CPU; kept ${log.size}, dropped ${log.dropped}`,
    });
  }
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as () => void;
  gc();
  const before = process.memoryUsage().heapUsed;
  const log = new DecisionLog(1_000_000);
  fill(log, 1_000_000);
  gc();
  const mb = (process.memoryUsage().heapUsed - before) / 1e6;
  rows.push({ name: 'heap for 1e6 kept decisions', value: mb, unit: 'MB', note: `${((mb * 1e6) / log.size).toFixed(0)} bytes per decision (the record objects; the ring adds 8)` });
  return rows;
}
