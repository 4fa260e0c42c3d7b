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

/** One path resolution's count of symlinks followed (Linux's nd->total_link_count). */
interface Walk {
  links: number;
}

/** A name's length as the kernel counts it: bytes of its UTF-8 encoding. */
export function byteLength(s: string): number {
  let n = s.length;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    // 2 bytes below 0x800; a surrogate pair is 4 bytes for its 2 units; 3 bytes otherwise
    if (c >= 0x80) n += c < 0x800 || (c >= 0xd800 && c <= 0xdfff) ? 1 : 2;
  }
  return n;
}

/** ENAMETOOLONG for a path of PATH_MAX bytes or more (PATH_MAX counts the NUL) */
function tooLong(path: string): number {
  return path.length * 3 >= PATH_MAX && byteLength(path) >= PATH_MAX ? E.ENAMETOOLONG : 0;
}

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
  private nextIno = 2;
  constructor(private readonly now: () => bigint) {
    this.root = new DirInode(0o755, now());
    this.root.ino = 1;
  }

  /**
   * The inode's number (st_ino, d_ino), given by this file system the first time it is asked, so
   * that the numbers a program sees depend only on what it did on this machine (a replay sees the
   * same ones).
   */
  inoOf(i: Inode): number {
    if (i.ino === 0) i.ino = this.nextIno++;
    return i.ino;
  }

  /** Makes a directory path (like mkdir -p) in the in-memory tree; returns the last directory. */
  mkdirs(path: string): DirInode {
    let d = this.root;
    for (const part of path.split('/').filter((x) => x)) {
      let next = d.entries.get(part);
      if (!next || !next.isDir()) {
        next = new DirInode(0o755, this.now(), d, part);
        d.setEntry(part, next);
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
    dir.setEntry(name, inode);
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
    parent.setEntry(name, new HostDirInode(host, hostPath, readOnly, this.now(), parent, name));
  }

  /**
   * Resolves a path from `start` (used when the path is relative). `follow`: follow a symlink in the
   * last component. Returns the inode or an errno.
   */
  resolve(path: string, start: DirInode, caller: Caller, follow = true): Resolved | number {
    const long = tooLong(path);
    if (long) return long;
    return this.resolveIn(path, start, caller, follow, { links: 0 });
  }

  /** Resolves every component but the last (following symlinks on the way). */
  parent(path: string, start: DirInode, caller: Caller): ParentOf | number {
    const long = tooLong(path);
    if (long) return long;
    return this.parentIn(path, start, caller, { links: 0 });
  }

  /**
   * Where open(O_CREAT) leads: like parent(), but a symlink in the last component is followed (when
   * `follow`) to the name its target gives, which is then created if missing, as Linux creates the
   * file a dangling symlink names. The result's `existing` is a symlink only when not following.
   */
  parentForCreate(path: string, start: DirInode, caller: Caller, follow: boolean): ParentOf | number {
    const long = tooLong(path);
    if (long) return long;
    const walk = { links: 0 };
    let p = this.parentIn(path, start, caller, walk);
    while (typeof p !== 'number' && follow && p.existing instanceof SymlinkInode) {
      if (++walk.links > MAX_SYMLINKS) return E.ELOOP;
      const target = p.existing.target(caller);
      if (target === '') return E.ENOENT;
      const slash = p.trailingSlash;
      p = this.parentIn(target, p.dir, caller, walk);
      if (typeof p !== 'number' && slash) p.trailingSlash = true;
    }
    return p;
  }

  private resolveIn(path: string, start: DirInode, caller: Caller, follow: boolean, walk: Walk): Resolved | number {
    const p = this.parentIn(path, start, caller, walk);
    if (typeof p === 'number') return p;
    if (p.name === '' || p.name === '.') return { inode: p.dir, dir: p.dir.parent, name: p.dir.name };
    if (p.name === '..') return { inode: p.dir.parent, dir: p.dir.parent.parent, name: p.dir.parent.name };
    const inode = p.existing;
    if (!inode) return E.ENOENT;
    // a trailing slash asks for a directory: a symlink there is followed even by lstat
    if (inode instanceof SymlinkInode && (follow || p.trailingSlash)) {
      const r = this.followLink(inode, p.dir, caller, walk);
      if (typeof r === 'number') return r;
      if (p.trailingSlash && !r.inode.isDir()) return E.ENOTDIR;
      return r;
    }
    if (p.trailingSlash && !inode.isDir()) return E.ENOTDIR;
    return { inode, dir: p.dir, name: p.name };
  }

  /** The inode a symlink leads to (its target resolved from the link's directory, links in it
   * followed); every link followed in one resolution counts towards the limit of 40 (ELOOP). */
  private followLink(link: SymlinkInode, dir: DirInode, caller: Caller, walk: Walk): Resolved | number {
    if (++walk.links > MAX_SYMLINKS) return E.ELOOP;
    const target = link.target(caller);
    if (target === '') return E.ENOENT;
    return this.resolveIn(target, dir, caller, true, walk);
  }

  private parentIn(path: string, start: DirInode, caller: Caller, walk: Walk): ParentOf | number {
    if (path.length === 0) return E.ENOENT;
    let dir: DirInode = path.startsWith('/') ? this.root : start;
    const parts = path.split('/').filter((x) => x.length > 0);
    const trailingSlash = path.endsWith('/') && parts.length > 0;
    if (parts.length === 0) return { dir, name: '', existing: dir, trailingSlash: false };
    for (let i = 0; i < parts.length - 1; i++) {
      const part = parts[i];
      if (byteLength(part) > NAME_MAX) return E.ENAMETOOLONG;
      if (part === '.') continue;
      if (part === '..') {
        dir = dir.parent;
        continue;
      }
      let next = dir.lookup(part, caller);
      if (!next) return E.ENOENT;
      if (next instanceof SymlinkInode) {
        const r = this.followLink(next, dir, caller, walk);
        if (typeof r === 'number') return r;
        next = r.inode;
      }
      if (!next.isDir()) return E.ENOTDIR;
      dir = next;
    }
    const name = parts[parts.length - 1];
    if (byteLength(name) > NAME_MAX) return E.ENAMETOOLONG;
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
    dir.setEntry(name, f);
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
    dir.setEntry(name, new DirInode(perm, this.now(), dir, name));
    dir.nlink++;
    dir.mtimeNs = dir.ctimeNs = this.now();
    return 0;
  }

  symlink(dir: DirInode, name: string, target: string): number {
    if (dir.lookup(name, NOBODY)) return E.EEXIST;
    if (dir instanceof HostDirInode) return dir.readOnly ? E.EROFS : E.EPERM;
    const w = dir.writable();
    if (w) return w;
    dir.setEntry(name, new SymlinkInode(target, this.now()));
    return 0;
  }

  link(inode: Inode, dir: DirInode, name: string): number {
    if (inode.isDir()) return E.EPERM;
    if (dir.lookup(name, NOBODY)) return E.EEXIST;
    if (dir instanceof HostDirInode) return dir.readOnly ? E.EROFS : E.EXDEV;
    const w = dir.writable();
    if (w) return w;
    dir.setEntry(name, inode);
    inode.nlink++;
    return 0;
  }

  /** unlink (dir=false) or rmdir (dir=true) of an existing entry */
  remove(dir: DirInode, name: string, wantDir: boolean, caller: Caller): number {
    if (name === '.') return E.EINVAL;
    if (name === '..') return E.ENOTEMPTY;
    const inode = dir.lookup(name, caller);
    if (!inode) return E.ENOENT;
    if (wantDir && !inode.isDir()) return E.ENOTDIR;
    if (!wantDir && inode.isDir()) return E.EISDIR;
    if (wantDir && inode === this.root) return E.EBUSY;
    if (dir instanceof HostDirInode) {
      // (a read-only mount refuses before anything is looked at: do_rmdir's mnt_want_write)
      if (dir.readOnly) return E.EROFS;
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
    dir.deleteEntry(name);
    // a removed directory has no links left (its `.` went with it)
    inode.nlink = wantDir ? 0 : inode.nlink - 1;
    dir.mtimeNs = dir.ctimeNs = this.now();
    return 0;
  }

  /** rename(2) of an entry to another (the caller checked trailing slashes). 0 or an errno. */
  rename(from: DirInode, fromName: string, to: DirInode, toName: string, caller: Caller, noReplace = false): number {
    if (fromName === '' || fromName === '.' || fromName === '..') return E.EBUSY;
    if (toName === '' || toName === '.' || toName === '..') return noReplace ? E.EEXIST : E.EBUSY;
    const src = from.lookup(fromName, caller);
    if (!src) return E.ENOENT;
    const dst = to.lookup(toName, caller);
    if (dst && noReplace) return E.EEXIST;
    if (from instanceof HostDirInode || to instanceof HostDirInode) {
      if (from instanceof HostDirInode && to instanceof HostDirInode)
        return src === dst ? 0 : from.renameEntry(fromName, to, toName);
      return E.EXDEV;
    }
    // a mount point (a host directory mounted here) cannot move or be replaced
    if (src instanceof HostDirInode || dst instanceof HostDirInode) return E.EBUSY;
    const w = from.writable() || to.writable();
    if (w) return w;
    if (src.isDir()) {
      // a directory may not move into itself or below itself
      for (let d: DirInode = to; ; d = d.parent) {
        if (d === src) return E.EINVAL;
        if (d === d.parent) break;
      }
    }
    if (src === dst) return 0;
    if (src.isDir()) {
      if (dst && !dst.isDir()) return E.ENOTDIR;
      if (dst && (dst as DirInode).entries.size > 0) return E.ENOTEMPTY;
    } else if (dst && dst.isDir()) return E.EISDIR;
    if (dst) {
      to.deleteEntry(toName);
      if (dst.isDir()) {
        // the replaced directory is removed: its `..` no longer links `to`
        dst.nlink = 0;
        to.nlink--;
      } else dst.nlink--;
    }
    from.deleteEntry(fromName);
    to.setEntry(toName, src);
    if (src instanceof DirInode) {
      src.parent = to;
      src.name = toName;
      if (from !== to) {
        from.nlink--;
        to.nlink++;
      }
    }
    const t = this.now();
    from.mtimeNs = from.ctimeNs = to.mtimeNs = to.ctimeNs = src.ctimeNs = t;
    return 0;
  }
}

/** A caller for lookups that need none (creation checks). */
export const NOBODY: Caller = { pid: 0, exe: '' };
