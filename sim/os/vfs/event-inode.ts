// Files that are kernel objects rather than data ("anon_inode:[eventfd]", "[timerfd]", "[eventpoll]"):
// a read and a write act on the object, a poll mask says what is ready, and two wait queues wake a
// task sleeping in read, write, poll or epoll_wait when the object changes. A read or write that
// cannot proceed now answers EAGAIN (the caller blocks on the queue unless O_NONBLOCK).
import { E } from '../errno';
import { WaitQueue } from '../wait-queue';
import { Inode } from './inode';

/** POLLIN, POLLOUT, POLLERR (poll.ts names them all) */
const POLLIN = 0x1;
const POLLOUT = 0x4;
const POLLERR = 0x8;
const POLLRDNORM = 0x40;
const POLLWRNORM = 0x100;

export abstract class EventInode extends Inode {
  readonly readWait = new WaitQueue();
  readonly writeWait = new WaitQueue();
  /** the proc fd link text, `anon_inode:[eventfd]` */
  abstract readonly kind: string;
  constructor(nowNs: bigint) {
    // anon inodes carry only the permission bits
    super(0o600, nowNs);
    this.dev = 0xe;
    this.blksize = 4096;
  }
  size(): number {
    return 0;
  }
  /** read(2): the bytes, or a positive errno (EAGAIN: nothing yet) */
  abstract eventRead(n: number): Uint8Array | number;
  /** write(2): the count, or -errno (-EAGAIN: no room yet) */
  abstract eventWrite(bytes: Uint8Array): number;
  /** the poll mask now */
  abstract pollMask(): number;
  /** the queues a poller sleeps on until the mask may have changed */
  pollQueues(): WaitQueue[] {
    return [this.readWait, this.writeWait];
  }
  /** signals whose arrival may change the mask (a signalfd's set): a poller sleeps until one comes too */
  wakeSignals(): bigint {
    return 0n;
  }
  /** a time (CLOCK_MONOTONIC ns) when the mask may change without a wake-up (a timer), or undefined */
  wakeAtNs(): bigint | undefined {
    return undefined;
  }
  protected changed(): void {
    this.readWait.wakeAll();
    this.writeWait.wakeAll();
  }
}

const MAX = 0xfffffffffffffffen; // ULLONG_MAX - 1, the largest count an eventfd holds

/** eventfd(2): a 64-bit counter; EFD_SEMAPHORE reads 1 at a time. */
export class EventfdInode extends EventInode {
  readonly kind = 'anon_inode:[eventfd]';
  constructor(
    public count: bigint,
    readonly semaphore: boolean,
    nowNs: bigint,
  ) {
    super(nowNs);
  }
  eventRead(n: number): Uint8Array | number {
    if (n < 8) return E.EINVAL;
    if (this.count === 0n) return E.EAGAIN;
    const v = this.semaphore ? 1n : this.count;
    this.count -= v;
    const out = new Uint8Array(8);
    new DataView(out.buffer).setBigUint64(0, v, true);
    this.changed();
    return out;
  }
  eventWrite(bytes: Uint8Array): number {
    if (bytes.length < 8) return -E.EINVAL;
    const v = new DataView(bytes.buffer, bytes.byteOffset, 8).getBigUint64(0, true);
    if (v === 0xffffffffffffffffn) return -E.EINVAL;
    if (v > MAX - this.count) return -E.EAGAIN;
    this.count += v;
    if (v > 0n) this.changed();
    return 8;
  }
  pollMask(): number {
    let m = 0;
    if (this.count > 0n) m |= POLLIN | POLLRDNORM;
    if (this.count < MAX) m |= POLLOUT | POLLWRNORM;
    if (this.count === 0xffffffffffffffffn) m |= POLLERR;
    return m;
  }
}
