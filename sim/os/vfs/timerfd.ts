// timerfd (fs/timerfd.c): a timer whose expirations are read as a count. The expirations are worked
// out from the clock when the file is read or polled (the machine's clock advances with the
// instructions, and jumps to a sleeper's deadline), so a sleeper waits with the next expiry as its
// deadline (wakeAtNs). CLOCK_REALTIME timers keep their absolute time; the others follow CLOCK_MONOTONIC.
import type { Clock } from '../clock';
import { E } from '../errno';
import { EventInode } from './event-inode';

const POLLIN = 0x1;
const POLLRDNORM = 0x40;

export class TimerfdInode extends EventInode {
  readonly kind = 'anon_inode:[timerfd]';
  /** the next expiry on the timer's clock (ns), 0: disarmed */
  private next = 0n;
  private interval = 0n;
  /** expirations not read yet */
  private ticks = 0n;
  constructor(
    private readonly clock: Clock,
    readonly realtime: boolean,
    nowNs: bigint,
  ) {
    super(nowNs);
  }
  private now(): bigint {
    return this.realtime ? this.clock.realtimeNs() : this.clock.monotonicNs();
  }
  /** timerfd's expiry handling: the expirations up to now join the count */
  private update(): void {
    const now = this.now();
    if (this.next === 0n || now < this.next) return;
    const n = this.interval > 0n ? 1n + (now - this.next) / this.interval : 1n;
    this.ticks += n;
    this.next = this.interval > 0n ? this.next + n * this.interval : 0n;
  }
  /** timerfd_settime: arms (value > 0; `absolute`: on the timer's clock) or disarms; the old setting */
  set(valueNs: bigint, intervalNs: bigint, absolute: boolean): { valueNs: bigint; intervalNs: bigint } {
    const old = this.get();
    this.ticks = 0n;
    this.interval = intervalNs;
    this.next = valueNs === 0n ? 0n : absolute ? valueNs : this.now() + valueNs;
    this.changed();
    return old;
  }
  /** timerfd_gettime: the time to the next expiry (0: disarmed) and the interval */
  get(): { valueNs: bigint; intervalNs: bigint } {
    this.update();
    if (this.next === 0n) return { valueNs: 0n, intervalNs: this.interval };
    const left = this.next - this.now();
    return { valueNs: left > 0n ? left : 1n, intervalNs: this.interval };
  }
  eventRead(n: number): Uint8Array | number {
    if (n < 8) return E.EINVAL;
    this.update();
    if (this.ticks === 0n) return E.EAGAIN;
    const out = new Uint8Array(8);
    new DataView(out.buffer).setBigUint64(0, this.ticks, true);
    this.ticks = 0n;
    return out;
  }
  eventWrite(): number {
    return -E.EINVAL;
  }
  pollMask(): number {
    this.update();
    return this.ticks > 0n ? POLLIN | POLLRDNORM : 0;
  }
  override wakeAtNs(): bigint | undefined {
    this.update();
    if (this.next === 0n) return undefined;
    return this.realtime ? this.next - (this.clock.realtimeNs() - this.clock.monotonicNs()) : this.next;
  }
}
