// The file behind a perf event's descriptor ("anon_inode:[perf_event]"): read gives the count in the
// layout read_format asks for; the ioctls and close act on the event (sim/os/syscalls/perf.ts).
import { E } from '../errno';
import { PERF_FORMAT, type PerfEventHandle } from '../syscalls/perf-calls';
import { Inode } from './inode';

export class PerfEventInode extends Inode {
  constructor(
    readonly event: PerfEventHandle,
    nowNs: bigint,
  ) {
    // anon inodes carry only the permission bits
    super(0o600, nowNs);
    this.dev = 0xe;
    this.blksize = 4096;
  }
  size(): number {
    return 0;
  }

  /** read(2): the values read_format asks for, or an errno (ENOSPC: the buffer is too small) */
  read(n: number): Uint8Array | number {
    const e = this.event;
    const fmt = e.attr.readFormat;
    const words: bigint[] = [];
    const times = () => {
      if (fmt & PERF_FORMAT.TOTAL_TIME_ENABLED) words.push(e.timeEnabled());
      if (fmt & PERF_FORMAT.TOTAL_TIME_RUNNING) words.push(e.timeRunning());
    };
    const one = (x: PerfEventHandle) => {
      words.push(x.value());
      if (fmt & PERF_FORMAT.ID) words.push(x.id);
      if (fmt & PERF_FORMAT.LOST) words.push(0n);
    };
    if (fmt & PERF_FORMAT.GROUP) {
      // perf_read_group: always the whole group of the event's leader
      const leader = e.leader;
      words.push(BigInt(1 + leader.siblings.length));
      times();
      one(leader);
      for (const s of leader.siblings) one(s);
    } else {
      words.push(e.value());
      times();
      if (fmt & PERF_FORMAT.ID) words.push(e.id);
      if (fmt & PERF_FORMAT.LOST) words.push(0n);
    }
    const need = 8 * words.length;
    if (n < need) return E.ENOSPC;
    const out = new Uint8Array(need);
    const dv = new DataView(out.buffer);
    words.forEach((w, i) => dv.setBigUint64(8 * i, BigInt.asUintN(64, w), true));
    return out;
  }
}
