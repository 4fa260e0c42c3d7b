// The machine's clocks (SCENARIOS.md section 7): the time base ticks at 512 MHz, one tick per
// instruction the machine executes, and the wall clock starts at 2026-01-01T00:00:00Z. Time may also
// jump forward (when every task sleeps, to the next wake-up): `skipped` holds the ticks jumped.

/** 2026-01-01T00:00:00Z in seconds since the epoch */
export const EPOCH_START_S = 1767225600n;
/** time base frequency */
export const TB_HZ = 512_000_000n;
/** CLOCK_MONOTONIC at tick 0: the machine "booted" this long before the program started (1 s) */
export const BOOT_OFFSET_NS = 1_000_000_000n;

export class Clock {
  /** ticks added by jumps over idle time */
  skipped = 0n;
  constructor(private readonly ticks: () => number) {}

  /** time base ticks since boot */
  now(): bigint {
    return BigInt(this.ticks()) + this.skipped;
  }
  /** nanoseconds since boot (CLOCK_MONOTONIC, CLOCK_BOOTTIME, the CPU-time clocks) */
  monotonicNs(): bigint {
    return BOOT_OFFSET_NS + (this.now() * 1_000_000_000n) / TB_HZ;
  }
  /**
   * CPU time in nanoseconds (CLOCK_PROCESS_CPUTIME_ID, times, getrusage): the instructions executed,
   * without the time jumped over while tasks slept, which no task spends on a CPU.
   */
  cpuNs(): bigint {
    return (BigInt(this.ticks()) * 1_000_000_000n) / TB_HZ;
  }
  /** nanoseconds since the epoch (CLOCK_REALTIME) */
  realtimeNs(): bigint {
    return EPOCH_START_S * 1_000_000_000n + (this.now() * 1_000_000_000n) / TB_HZ;
  }
  /** Moves the clock forward so that monotonicNs() >= ns (no-op when already there). */
  advanceToMonotonic(ns: bigint): void {
    const need = ns - this.monotonicNs();
    if (need <= 0n) return;
    this.skipped += (need * TB_HZ + 999_999_999n) / 1_000_000_000n;
  }
}
