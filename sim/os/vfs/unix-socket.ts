// An AF_UNIX stream socket before it is connected (socket, bind, listen): a listening one queues the
// server ends of the connections made to it until accept takes them (each connection is a connected
// pair, socket.ts). bind names it with a socket file (S_IFSOCK) in the file system, or an abstract
// name (a leading NUL). Simplifications (named): connect never waits for room in the backlog, and a
// listener whose descriptors are all closed still takes connections nobody accepts.
import { E } from '../errno';
import { EventInode } from './event-inode';
import { Inode } from './inode';
import type { OpenFile } from './open-file';
import { S_IFSOCK } from './socket';

const POLLIN = 0x1;
const POLLRDNORM = 0x40;

export class UnixSocketInode extends EventInode {
  readonly kind = 'socket:[unix]';
  listening = false;
  /** the path or abstract name it is bound to (as given) */
  boundTo: Uint8Array | undefined;
  /** connections made, waiting for accept: the server ends, held open (the client may write at once) */
  readonly backlog: OpenFile[] = [];
  constructor(nowNs: bigint) {
    super(nowNs);
    this.mode = S_IFSOCK | 0o777; // fstat: a socket
  }
  eventRead(): Uint8Array | number {
    return E.ENOTCONN;
  }
  eventWrite(): number {
    return -E.ENOTCONN;
  }
  pollMask(): number {
    return this.listening && this.backlog.length > 0 ? POLLIN | POLLRDNORM : 0;
  }
  /** connect: the server end (held open by the caller) joins the backlog; accept and poll wake */
  enqueue(serverEnd: OpenFile): void {
    this.backlog.push(serverEnd);
    this.changed();
  }
}

/** The file bind makes: stat says S_IFSOCK; connect finds the listener through it. */
export class SocketFileInode extends Inode {
  constructor(
    readonly socket: UnixSocketInode,
    perm: number,
    nowNs: bigint,
  ) {
    super(S_IFSOCK | (perm & 0o777), nowNs);
  }
  size(): number {
    return 0;
  }
}
