// A pipe between descriptors of the machine's own processes (pipe, pipe2): a 64 KiB buffer, and how
// many open descriptions each end has. Reading an empty pipe whose write end is closed gives end of
// file; writing with no reader left is EPIPE (and SIGPIPE). A call that would block (an empty pipe
// with a writer, a full pipe) answers EAGAIN here; the system call (files.ts) then puts the task to
// sleep on `readers`/`writers` unless the descriptor is O_NONBLOCK, and a write, a read or the last
// close of an end wakes the other side.
import { E } from '../errno';
import { WaitQueue } from '../wait-queue';
import { Inode, S_IFIFO } from './inode';

/** the pipe's capacity (Linux's default, 16 pages of 4 KiB) */
export const PIPE_CAPACITY = 65536;

export class FifoInode extends Inode {
  private buf = new Uint8Array(0);
  private len = 0;
  /** open descriptions of the read end and of the write end */
  readers = 0;
  writers = 0;
  /** tasks waiting for data (a read of the empty pipe) and for room (a write to the full pipe) */
  readonly readWait = new WaitQueue();
  readonly writeWait = new WaitQueue();
  constructor(nowNs: bigint) {
    super(S_IFIFO | 0o600, nowNs);
    this.dev = 0xf;
    this.blksize = 4096;
  }
  size(): number {
    return 0;
  }
  available(): number {
    return this.len;
  }
  /** up to n buffered bytes, or -EAGAIN when empty with a writer left (0 bytes: end of file) */
  read(n: number): Uint8Array | number {
    if (this.len === 0) return this.writers > 0 ? -E.EAGAIN : new Uint8Array(0);
    const k = Math.min(n, this.len);
    const out = this.buf.slice(0, k);
    this.buf.copyWithin(0, k, this.len);
    this.len -= k;
    this.writeWait.wakeAll();
    return out;
  }
  /** puts bytes back at the front (a read whose copy to the program failed consumes nothing) */
  unread(bytes: Uint8Array): void {
    this.ensure(this.len + bytes.length);
    this.buf.copyWithin(bytes.length, 0, this.len);
    this.buf.set(bytes, 0);
    this.len += bytes.length;
  }
  /** the count written (all of it, or what fits), -EPIPE with no reader, -EAGAIN when full */
  write(bytes: Uint8Array): number {
    if (this.readers === 0) return -E.EPIPE;
    const room = PIPE_CAPACITY - this.len;
    if (room === 0) return -E.EAGAIN;
    const k = Math.min(room, bytes.length);
    this.ensure(this.len + k);
    this.buf.set(bytes.subarray(0, k), this.len);
    this.len += k;
    this.readWait.wakeAll();
    return k;
  }
  /** An end lost its last description: sleepers on the other end look again (EOF, EPIPE). */
  closed(): void {
    this.readWait.wakeAll();
    this.writeWait.wakeAll();
  }
  private ensure(n: number): void {
    if (n <= this.buf.length) return;
    const b = new Uint8Array(Math.max(n, Math.min(PIPE_CAPACITY, this.buf.length * 2 + 256)));
    b.set(this.buf.subarray(0, this.len));
    this.buf = b;
  }
}
