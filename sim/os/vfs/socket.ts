// A connected pair of AF_UNIX sockets (socketpair): each end reads what the other writes, through one
// pipe buffer per direction (pipe.ts), so a read of an empty socket sleeps, a closed peer gives end of
// file, and a write to a peer that has gone is EPIPE (and SIGPIPE unless MSG_NOSIGNAL). shutdown(SHUT_WR)
// ends the stream for the peer; SHUT_RD makes reads return end of file. Simplification (named):
// SOCK_DGRAM and SOCK_SEQPACKET pairs are streams too (no message boundaries).
import { Inode } from './inode';
import type { WaitQueue } from '../wait-queue';
import { EventInode } from './event-inode';
import { FifoInode } from './pipe';

export const S_IFSOCK = 0o140000;

export class SocketInode extends Inode {
  /** shut down for reading / writing (shutdown) */
  shutRd = false;
  shutWr = false;
  constructor(
    nowNs: bigint,
    /** what this end reads (the peer writes it) and what it writes (the peer reads it) */
    readonly rx: FifoInode,
    readonly tx: FifoInode,
  ) {
    super(S_IFSOCK | 0o777, nowNs);
    this.dev = 0x8;
  }
  size(): number {
    return 0;
  }
}

/** Two connected ends. */
export function socketPair(nowNs: bigint): [SocketInode, SocketInode] {
  const ab = new FifoInode(nowNs);
  const ba = new FifoInode(nowNs);
  return [new SocketInode(nowNs, ba, ab), new SocketInode(nowNs, ab, ba)];
}

/** The pipe buffer a read (or a write) of this inode uses: a pipe's own, a socket end's direction. */
export function bufferOf(inode: Inode, write: boolean): FifoInode | undefined {
  if (inode instanceof FifoInode) return inode;
  if (inode instanceof SocketInode) return write ? inode.tx : inode.rx;
  return undefined;
}

/** What a read or write that must wait sleeps on: a pipe buffer's queues, or an event file's. */
export function waitQueuesOf(inode: Inode, write: boolean): { readWait: WaitQueue; writeWait: WaitQueue } | undefined {
  return bufferOf(inode, write) ?? (inode instanceof EventInode ? inode : undefined);
}
