// The bounded decision log: append throughput (goal 2M decisions/s) and what 1e6 kept decisions
// cost. Each appended decision is a fresh object shaped as the handler makes them (one slot
// verdict, two effects), so the figure includes keeping the records alive, which is the real cost.
import type { BenchRow } from './run';
import type { Decision } from '../sim/decision';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { DecisionLog } from '../sim/hwbp/decision-log';
import { reinstallEffect, SlotRecord } from '../sim/hwbp/decision-record';
import { cpuModel } from '../sim/hwbp/cpu-model';
import type { Effect } from '../sim/decision';

// The machine's own path: raw records claimed from the log, filled, committed (texts made when read).
// The verdict and effects are shared objects, as the handler's are; the instruction detail is fresh
// per decision, as the machine's is.
const MODEL = cpuModel('power10');
const VERDICT = new SlotRecord(0, 'perf:value', 'perf', 'hit', null, 0x7ffffffeff00n, 8, 0x1f);
const ARM: Effect = Object.freeze({ kind: 'arm-step' as const, bp: 'perf:value' });
function fillRecords(log: DecisionLog, n: number): number {
  const t0 = performance.now();
  for (let i = 0; i < n; i++) {
    const r = log.claim();
    r.begin(i, 0, 'child', 0x10000004n, 'user');
    r.exception(
      {
        readable: true,
        type: 'load',
        ea: 0x7ffffffeff00n,
        size: 8,
        text: '',
        vsx32: false,
        word: 0xe8030000,
        pcNum: 0x10000004,
      },
      0x7ffffffeff00n,
      MODEL,
    );
    r.addSlot(VERDICT);
    r.addEffect(ARM);
    r.addEffect(reinstallEffect(1));
    r.setBranch('perf-single-step');
    log.commit(r);
  }
  return performance.now() - t0;
}

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
      effects: [
        { kind: 'arm-step', bp: 'perf:value' },
        { kind: 'reinstall', slot: 1 },
      ],
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
      note:
        `${n / 1e6}M appended in ${ms.toFixed(0)} ms wall, ` +
        `${((cpu.user + cpu.system) / 1000).toFixed(0)} ms CPU; kept ${log.size}, dropped ` +
        `${log.dropped}`,
    });
  }
  for (const capacity of [100_000, 1_000_000]) {
    const log = new DecisionLog(capacity);
    const cpu0 = process.cpuUsage();
    const ms = fillRecords(log, n);
    const cpu = process.cpuUsage(cpu0);
    const rate = n / (ms / 1000);
    if (log.get(log.total - 1)?.insn !== 'ld r0,0(r3)') throw new Error('raw record did not read back as its decision');
    rows.push({
      name: `raw records (the machine's path), capacity ${capacity.toLocaleString('en')}`,
      value: rate,
      unit: 'decisions/s',
      goal: '>= 2M decisions/s',
      ok: rate >= 2e6,
      note:
        `${n / 1e6}M claimed/filled/committed in ${ms.toFixed(0)} ms wall, ` +
        `${((cpu.user + cpu.system) / 1000).toFixed(0)} ms CPU; kept ${log.size}`,
    });
  }
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as () => void;
  // each measured in its own call, the heap collected twice before (the previous log must be gone)
  const heapOf = (raw: boolean): { mb: number; kept: number } => {
    gc();
    gc();
    const before = process.memoryUsage().heapUsed;
    const log = new DecisionLog(1_000_000);
    if (raw) fillRecords(log, 1_000_000);
    else fill(log, 1_000_000);
    gc();
    return { mb: (process.memoryUsage().heapUsed - before) / 1e6, kept: log.size };
  };
  for (const raw of [false, true]) {
    const { mb, kept } = heapOf(raw);
    rows.push({
      name: raw ? "heap for 1e6 kept raw records (the machine's path)" : 'heap for 1e6 kept decisions',
      value: mb,
      unit: 'MB',
      note: `${((mb * 1e6) / kept).toFixed(0)} bytes per decision (the record objects; the ring adds 8)`,
    });
  }
  return rows;
}
