// Host directories mounted into the virtual file system (`--mount HOST:GUEST[:rw]`): the engine reads
// and writes them only through the HostFs interface the host side provides (sim/ uses no Node API),
// read-only unless the mount is rw. A host file is read into memory when first used; on an rw
// mount every change is written back at once.
import { E } from '../errno';
import { type Caller, DirInode, FileInode, type Inode, SymlinkInode } from './inode';

export interface HostStat {
  kind: 'file' | 'dir' | 'symlink' | 'other';
  size: number;
  mtimeMs: number;
  /** permission bits */
  perm: number;
}

/** What the host offers a mount (paths are host paths). Every method fails softly (undefined/false). */
export interface HostFs {
  stat(path: string): HostStat | undefined;
  readdir(path: string): string[] | undefined;
  /** the whole file, or undefined if it cannot be read or exceeds `limit` bytes */
  readFile(path: string, limit: number): Uint8Array | undefined;
  readlink(path: string): string | undefined;
  writeFile(path: string, data: Uint8Array): boolean;
  mkdir(path: string): boolean;
  remove(path: string, dir: boolean): boolean;
  rename(from: string, to: string): boolean;
}

/** The most of one host file a program may read into the simulated machine. */
export const HOST_FILE_LIMIT = 256 * 1024 * 1024;

const join = (a: string, b: string) => (a.endsWith('/') ? a + b : `${a}/${b}`);
const ns = (ms: number) => BigInt(Math.round(ms)) * 1_000_000n;

export class HostFileInode extends FileInode {
  private loaded = false;
  /** unlinked by the program: its data lives on in memory only (an open descriptor may still use it) */
  private detached = false;
  constructor(
    readonly host: HostFs,
    /** where it is on the host (follows renames the program makes) */
    public hostPath: string,
    st: HostStat,
    readOnly: boolean,
  ) {
    super(st.perm, ns(st.mtimeMs));
    this.readOnly = readOnly;
    this.hostSize = st.size;
    this.dev = 0x30;
    this.blksize = 4096;
  }
  private hostSize: number;
  private load(): void {
    if (this.loaded) return;
    this.loaded = true;
    const data = this.host.readFile(this.hostPath, HOST_FILE_LIMIT);
    if (data) super.write(0, data);
  }
  override size(): number {
    return this.loaded ? super.size() : this.hostSize;
  }
  /** a host disk's 4 KiB blocks */
  override blocks(): number {
    return Math.ceil(this.size() / 4096) * 8;
  }
  override read(pos: number, n: number): Uint8Array {
    this.load();
    return super.read(pos, n);
  }
  override write(pos: number, bytes: Uint8Array): void {
    this.load();
    super.write(pos, bytes);
    this.flush();
  }
  override truncate(len: number): void {
    this.load();
    super.truncate(len);
    this.flush();
  }
  override contents(): Uint8Array {
    this.load();
    return super.contents();
  }
  private flush(): void {
    if (!this.readOnly && !this.detached) this.host.writeFile(this.hostPath, super.contents());
  }
  /** The program removed its last name: keep the contents for open descriptors, write no more. */
  detach(): void {
    this.load();
    this.detached = true;
    this.nlink = 0;
  }
}

export class HostDirInode extends DirInode {
  private readonly cache = new Map<string, Inode>();
  constructor(
    readonly host: HostFs,
    readonly hostPath: string,
    readOnly: boolean,
    nowNs: bigint,
    parent: DirInode,
    name: string,
    perm = 0o755,
  ) {
    super(perm, nowNs, parent, name);
    this.readOnly = readOnly;
    this.dev = 0x30;
    this.blksize = 4096;
  }
  override blocks(): number {
    return 8;
  }
  override lookup(name: string, _caller: Caller): Inode | undefined {
    const made = this.entries.get(name);
    if (made) return made;
    const p = join(this.hostPath, name);
    const st = this.host.stat(p);
    if (!st) {
      this.cache.delete(name);
      return undefined;
    }
    const cached = this.cache.get(name);
    if (cached && sameKind(cached, st)) return cached;
    let node: Inode | undefined;
    if (st.kind === 'dir') node = new HostDirInode(this.host, p, this.readOnly, ns(st.mtimeMs), this, name, st.perm);
    else if (st.kind === 'file') node = new HostFileInode(this.host, p, st, this.readOnly);
    else if (st.kind === 'symlink') {
      const to = this.host.readlink(p);
      if (to !== undefined) node = new SymlinkInode(to, ns(st.mtimeMs));
    }
    if (node) this.cache.set(name, node);
    return node;
  }
  override list(caller: Caller): [string, Inode][] {
    const names = this.host.readdir(this.hostPath) ?? [];
    const out: [string, Inode][] = [];
    for (const n of names.sort()) {
      const i = this.lookup(n, caller);
      if (i) out.push([n, i]);
    }
    return out;
  }
  /** the host's listing in name order, positioned by index (it may change behind the program's back) */
  override positioned(caller: Caller): [string, Inode, number][] {
    return this.list(caller).map(([name, inode], i) => [name, inode, i + 3]);
  }
  /** Creates a regular file on the host (rw mounts); the inode, or an errno. */
  createFile(name: string, perm: number): Inode | number {
    if (this.readOnly) return E.EROFS;
    const p = join(this.hostPath, name);
    if (!this.host.writeFile(p, new Uint8Array(0))) return E.EACCES;
    return this.lookup(name, { pid: 0, exe: '' }) ?? E.EIO;
    void perm;
  }
  makeDir(name: string): Inode | number {
    if (this.readOnly) return E.EROFS;
    if (!this.host.mkdir(join(this.hostPath, name))) return E.EACCES;
    return this.lookup(name, { pid: 0, exe: '' }) ?? E.EIO;
  }
  removeEntry(name: string, dir: boolean): number {
    if (this.readOnly) return E.EROFS;
    const node = this.cache.get(name);
    if (node instanceof HostFileInode) node.detach();
    if (!this.host.remove(join(this.hostPath, name), dir)) return dir ? E.ENOTEMPTY : E.EACCES;
    this.cache.delete(name);
    return 0;
  }
  renameEntry(name: string, to: HostDirInode, toName: string): number {
    if (this.readOnly || to.readOnly) return E.EROFS;
    const node = this.cache.get(name);
    const replaced = to.cache.get(toName);
    if (!this.host.rename(join(this.hostPath, name), join(to.hostPath, toName))) return E.EACCES;
    this.cache.delete(name);
    to.cache.delete(toName);
    if (replaced instanceof HostFileInode && replaced !== node) replaced.detach();
    // an open file keeps writing to where it now is (a directory's cached subtree is dropped: it is
    // looked up again under its new path)
    if (node instanceof HostFileInode) {
      node.hostPath = join(to.hostPath, toName);
      to.cache.set(toName, node);
    }
    return 0;
  }
}

function sameKind(i: Inode, st: HostStat): boolean {
  return (st.kind === 'dir') === i.isDir() && (st.kind === 'symlink') === i instanceof SymlinkInode;
}
