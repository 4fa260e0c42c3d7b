// The namespace of the virtual file system: path resolution as Linux's namei does it (relative to a
// directory, `.` and `..`, symbolic links followed up to 40 times, ENOTDIR/ENOENT/ENAMETOOLONG/ELOOP),
// and the operations that change names (create, mkdir, unlink, rmdir, rename, link, symlink).
// Everything is in memory and gone when the run ends; host files are reached only under a mount.
import { E } from '../errno';
import { HostDirInode, type HostFs } from './host-mount';
import { type Caller, DirInode, FileInode, type Inode, SymlinkInode } from './inode';

export const PATH_MAX = 4096;
export const NAME_MAX = 255;
const MAX_SYMLINKS = 40;

export interface Resolved {
  inode: Inode;
  /** the directory holding it (for the root: the root) */
  dir: DirInode;
  name: string;
}

/** The parent directory of a path's last component, and that component (which may not exist). */
export interface ParentOf {
  dir: DirInode;
  name: string;
  /** the existing entry, if any (not followed when it is a symlink) */
  existing: Inode | undefined;
  /** the path ended with `/` (the last component must be a directory) */
  trailingSlash: boolean;
}

export class FileSystem {
  readonly root: DirInode;
  constructor(private readonly now: () => bigint) {
    this.root = new DirInode(0o755, now());
  }

  /** Makes a directory path (like mkdir -p) in the in-memory tree; returns the last directory. */
  mkdirs(path: string): DirInode {
    let d = this.root;
    for (const part of path.split('/').filter((x) => x)) {
      let next = d.entries.get(part);
      if (!next || !next.isDir()) {
        next = new DirInode(0o755, this.now(), d, part);
        d.entries.set(part, next);
        d.nlink++;
      }
      d = next as DirInode;
    }
    return d;
  }

  /** Puts an inode at an absolute path (parents made as needed). */
  place(path: string, inode: Inode): void {
    const i = path.lastIndexOf('/');
    const dir = this.mkdirs(path.slice(0, i));
    const name = path.slice(i + 1);
    dir.entries.set(name, inode);
    if (inode instanceof DirInode) {
      inode.parent = dir;
      inode.name = name;
    }
  }

  /** Mounts a host directory at an absolute guest path. */
  mount(guestPath: string, host: HostFs, hostPath: string, readOnly: boolean): void {
    const i = guestPath.replace(/\/+$/, '').lastIndexOf('/');
    const parent = this.mkdirs(guestPath.slice(0, i));
    const name = guestPath.replace(/\/+$/, '').slice(i + 1);
    if (!name) return;
    parent.entries.set(name, new HostDirInode(host, hostPath, readOnly, this.now(), parent, name));
  }

  /**
   * Resolves a path from `start` (used when the path is relative). `follow`: follow a symlink in the
   * last component. Returns the inode or an errno.
   */
  resolve(path: string, start: DirInode, caller: Caller, follow = true): Resolved | number {
    const p = this.parent(path, start, caller);
    if (typeof p === 'number') return p;
    if (p.name === '' || p.name === '.') return { inode: p.dir, dir: p.dir.parent, name: p.dir.name };
    if (p.name === '..') return { inode: p.dir.parent, dir: p.dir.parent.parent, name: p.dir.parent.name };
    let inode = p.existing;
    if (!inode) return E.ENOENT;
    if (inode instanceof SymlinkInode && (follow || p.trailingSlash)) {
      const r = this.followLink(inode, p.dir, caller, 1);
      if (typeof r === 'number') return r;
      inode = r.inode;
      if (p.trailingSlash && !inode.isDir()) return E.ENOTDIR;
      return r;
    }
    if (p.trailingSlash && !inode.isDir()) return E.ENOTDIR;
    return { inode, dir: p.dir, name: p.name };
  }

  private followLink(link: SymlinkInode, dir: DirInode, caller: Caller, depth: number): Resolved | number {
    let cur: Inode = link;
    let curDir = dir;
    let res: Resolved | number = E.ENOENT;
    while (cur instanceof SymlinkInode) {
      if (depth > MAX_SYMLINKS) return E.ELOOP;
      const target = cur.target(caller);
      if (target === '') return E.ENOENT;
      const p = this.parentDepth(target, curDir, caller, depth + 1);
      if (typeof p === 'number') return p;
      if (p.name === '' || p.name === '.') return { inode: p.dir, dir: p.dir.parent, name: p.dir.name };
      if (p.name === '..') return { inode: p.dir.parent, dir: p.dir.parent.parent, name: p.dir.parent.name };
      if (!p.existing) return E.ENOENT;
      res = { inode: p.existing, dir: p.dir, name: p.name };
      cur = p.existing;
      curDir = p.dir;
      depth++;
    }
    return res;
  }

  /** Resolves every component but the last (following symlinks on the way). */
  parent(path: string, start: DirInode, caller: Caller): ParentOf | number {
    return this.parentDepth(path, start, caller, 0);
  }

  private parentDepth(path: string, start: DirInode, caller: Caller, depth: number): ParentOf | number {
    if (path.length === 0) return E.ENOENT;
    if (path.length >= PATH_MAX) return E.ENAMETOOLONG;
    let dir: DirInode = path.startsWith('/') ? this.root : start;
    const parts = path.split('/').filter((x) => x.length > 0);
    const trailingSlash = path.endsWith('/') && parts.length > 0;
    if (parts.length === 0) return { dir, name: '', existing: dir, trailingSlash: false };
    for (let i = 0; i < parts.length - 1; i++) {
      const part = parts[i];
      if (part.length > NAME_MAX) return E.ENAMETOOLONG;
      if (part === '.') continue;
      if (part === '..') {
        dir = dir.parent;
        continue;
      }
      let next = dir.lookup(part, caller);
      if (!next) return E.ENOENT;
      if (next instanceof SymlinkInode) {
        if (depth >= MAX_SYMLINKS) return E.ELOOP;
        const r = this.followLink(next, dir, caller, depth + 1);
        if (typeof r === 'number') return r;
        next = r.inode;
      }
      if (!next.isDir()) return E.ENOTDIR;
      dir = next;
    }
    const name = parts[parts.length - 1];
    if (name.length > NAME_MAX) return E.ENAMETOOLONG;
    const existing = name === '.' ? dir : name === '..' ? dir.parent : dir.lookup(name, caller);
    return { dir, name, existing, trailingSlash };
  }

  /** The absolute path of a directory (getcwd). */
  pathOf(d: DirInode): string {
    const parts: string[] = [];
    let cur = d;
    for (let guard = 0; cur !== this.root && guard < 4096; guard++) {
      parts.push(cur.name);
      cur = cur.parent;
    }
    return '/' + parts.reverse().join('/');
  }

  // ---- changes to names ----

  /** Creates a regular file in `dir` (the caller checked that `name` does not exist). */
  createFile(dir: DirInode, name: string, perm: number): Inode | number {
    if (dir instanceof HostDirInode) return dir.createFile(name, perm);
    const w = dir.writable();
    if (w) return w;
    const f = new FileInode(perm, this.now());
    dir.entries.set(name, f);
    dir.mtimeNs = dir.ctimeNs = this.now();
    return f;
  }

  mkdir(dir: DirInode, name: string, perm: number): number {
    if (dir.lookup(name, NOBODY)) return E.EEXIST;
    if (dir instanceof HostDirInode) {
      const r = dir.makeDir(name);
      return typeof r === 'number' ? r : 0;
    }
    const w = dir.writable();
    if (w) return w;
    dir.entries.set(name, new DirInode(perm, this.now(), dir, name));
    dir.nlink++;
    dir.mtimeNs = dir.ctimeNs = this.now();
    return 0;
  }

  symlink(dir: DirInode, name: string, target: string): number {
    if (dir.lookup(name, NOBODY)) return E.EEXIST;
    if (dir instanceof HostDirInode) return dir.readOnly ? E.EROFS : E.EPERM;
    const w = dir.writable();
    if (w) return w;
    dir.entries.set(name, new SymlinkInode(target, this.now()));
    return 0;
  }

  link(inode: Inode, dir: DirInode, name: string): number {
    if (inode.isDir()) return E.EPERM;
    if (dir.lookup(name, NOBODY)) return E.EEXIST;
    if (dir instanceof HostDirInode) return dir.readOnly ? E.EROFS : E.EXDEV;
    const w = dir.writable();
    if (w) return w;
    dir.entries.set(name, inode);
    inode.nlink++;
    return 0;
  }

  /** unlink (dir=false) or rmdir (dir=true) of an existing entry */
  remove(dir: DirInode, name: string, wantDir: boolean, caller: Caller): number {
    if (name === '.' ) return E.EINVAL;
    if (name === '..') return E.ENOTEMPTY;
    const inode = dir.lookup(name, caller);
    if (!inode) return E.ENOENT;
    if (wantDir && !inode.isDir()) return E.ENOTDIR;
    if (!wantDir && inode.isDir()) return E.EISDIR;
    if (wantDir && inode === this.root) return E.EBUSY;
    if (dir instanceof HostDirInode) {
      if (wantDir && (inode as DirInode).list(caller).length > 0) return E.ENOTEMPTY;
      return dir.removeEntry(name, wantDir);
    }
    const w = dir.writable();
    if (w) return w;
    if (wantDir) {
      const d = inode as DirInode;
      if (d.entries.size > 0 || d instanceof HostDirInode) return d instanceof HostDirInode ? E.EBUSY : E.ENOTEMPTY;
      dir.nlink--;
    }
    dir.entries.delete(name);
    inode.nlink--;
    dir.mtimeNs = dir.ctimeNs = this.now();
    return 0;
  }

  rename(from: DirInode, fromName: string, to: DirInode, toName: string, caller: Caller, noReplace = false): number {
    const src = from.lookup(fromName, caller);
    if (!src) return E.ENOENT;
    if (fromName === '.' || fromName === '..' || toName === '.' || toName === '..') return E.EBUSY;
    const dst = to.lookup(toName, caller);
    if (src === dst) return 0;
    if (dst && noReplace) return E.EEXIST;
    if (from instanceof HostDirInode || to instanceof HostDirInode) {
      if (from instanceof HostDirInode && to instanceof HostDirInode) return from.renameEntry(fromName, to, toName);
      return E.EXDEV;
    }
    const w = from.writable() || to.writable();
    if (w) return w;
    if (src.isDir()) {
      // a directory may not move into itself
      for (let d: DirInode = to; ; d = d.parent) {
        if (d === src) return E.EINVAL;
        if (d === d.parent) break;
      }
      if (dst && !dst.isDir()) return E.ENOTDIR;
      if (dst && (dst as DirInode).entries.size > 0) return E.ENOTEMPTY;
    } else if (dst && dst.isDir()) return E.EISDIR;
    if (dst) {
      to.entries.delete(toName);
      dst.nlink--;
    }
    from.entries.delete(fromName);
    to.entries.set(toName, src);
    if (src instanceof DirInode) {
      src.parent = to;
      src.name = toName;
      if (from !== to) {
        from.nlink--;
        to.nlink++;
      }
    }
    const t = this.now();
    from.mtimeNs = to.mtimeNs = src.ctimeNs = t;
    return 0;
  }
}

/** A caller for lookups that need none (creation checks). */
export const NOBODY: Caller = { pid: 0, exe: '' };
