// signalfd (fs/signalfd.c): a descriptor that reads the pending signals of a set as struct
// signalfd_siginfo (128 bytes each) instead of running handlers; the signals are normally blocked.
// Its readiness and its reads are the calling task's pending signals: the read is made in
// files.ts (readSignalfd) with the caller's signal calls; the poll mask asks the task that made it.
import { E } from '../errno';
import { EventInode } from './event-inode';

const POLLIN = 0x1;
const POLLRDNORM = 0x40;

export class SignalfdInode extends EventInode {
  readonly kind = 'anon_inode:[signalfd]';
  constructor(
    /** the signals it reads (never SIGKILL nor SIGSTOP) */
    public mask: bigint,
    /** whether a signal of a set is pending for the task that made it (poll readiness) */
    private readonly pending: (set: bigint) => boolean,
    nowNs: bigint,
  ) {
    super(nowNs);
  }
  eventRead(): Uint8Array | number {
    return E.EINVAL; // read through readSignalfd, which has the caller
  }
  eventWrite(): number {
    return -E.EINVAL;
  }
  override wakeSignals(): bigint {
    return this.mask;
  }
  pollMask(): number {
    return this.pending(this.mask) ? POLLIN | POLLRDNORM : 0;
  }
}
