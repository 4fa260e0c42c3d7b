// The host side of `--mount HOST_DIR:GUEST_DIR[:rw]` (SCENARIOS.md section 7): the Node
// implementation of the engine's HostFs (sim/os/vfs/host-mount.ts), confined to one host directory.
// Every path it is given must lie inside that directory once `..` is resolved and every directory on
// the way is followed to its real place; the last component is never followed (lstat, O_NOFOLLOW),
// so a symlink in the mount is shown to the program as a symlink, and only when its target stays in
// the mount (rewritten relative to the link, so that the program's own resolution finds the same
// file). Reads are bounded; nothing is written unless the mount is rw.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { ExecMount } from '../sim/exec';
import type { HostFs, HostStat } from '../sim/os/vfs/host-mount';

const O_NOFOLLOW = fs.constants.O_NOFOLLOW ?? 0;
const CHUNK = 1 << 20;

export class NodeHostFs implements HostFs {
  /** the mounted directory, its real path */
  readonly root: string;
  private readonly rootSep: string;

  constructor(
    hostDir: string,
    readonly readOnly: boolean,
  ) {
    this.root = fs.realpathSync(hostDir);
    this.rootSep = this.root.endsWith(path.sep) ? this.root : this.root + path.sep;
  }

  private within(p: string): boolean {
    return p === this.root || p.startsWith(this.rootSep);
  }

  /**
   * The host path to use for `p`: its directory's real path (which must be inside the mount) and its
   * last component as given; undefined when the path leads anywhere else.
   */
  private confine(p: string): string | undefined {
    const abs = path.resolve(this.root, p);
    if (!this.within(abs)) return undefined;
    if (abs === this.root) return this.root;
    let dir: string;
    try {
      dir = fs.realpathSync(path.dirname(abs));
    } catch {
      return undefined;
    }
    if (!this.within(dir)) return undefined;
    return path.join(dir, path.basename(abs));
  }

  stat(p: string): HostStat | undefined {
    const q = this.confine(p);
    if (q === undefined) return undefined;
    try {
      const st = fs.lstatSync(q, { throwIfNoEntry: false });
      if (!st) return undefined;
      const kind = st.isFile() ? 'file' : st.isDirectory() ? 'dir' : st.isSymbolicLink() ? 'symlink' : 'other';
      return { kind, size: kind === 'file' ? st.size : 0, mtimeMs: st.mtimeMs, perm: st.mode & 0o7777 };
    } catch {
      return undefined;
    }
  }

  readdir(p: string): string[] | undefined {
    const q = this.confine(p);
    if (q === undefined) return undefined;
    try {
      if (!fs.lstatSync(q).isDirectory()) return undefined;
      return fs.readdirSync(q);
    } catch {
      return undefined;
    }
  }

  readFile(p: string, limit: number): Uint8Array | undefined {
    const q = this.confine(p);
    if (q === undefined) return undefined;
    let fd: number;
    try {
      fd = fs.openSync(q, fs.constants.O_RDONLY | O_NOFOLLOW);
    } catch {
      return undefined;
    }
    try {
      const st = fs.fstatSync(fd);
      if (!st.isFile() || st.size > limit) return undefined;
      // read to the end, never more than limit + 1 bytes (the file may have grown since fstat)
      const chunks: Buffer[] = [];
      let total = 0;
      for (;;) {
        const buf = Buffer.alloc(Math.min(CHUNK, limit + 1 - total));
        const n = fs.readSync(fd, buf, 0, buf.length, null);
        if (n === 0) break;
        chunks.push(buf.subarray(0, n));
        total += n;
        if (total > limit) return undefined;
      }
      return new Uint8Array(Buffer.concat(chunks, total));
    } catch {
      return undefined;
    } finally {
      fs.closeSync(fd);
    }
  }

  readlink(p: string): string | undefined {
    const q = this.confine(p);
    if (q === undefined || q === this.root) return undefined;
    try {
      const target = fs.readlinkSync(q);
      const dir = path.dirname(q);
      const to = path.resolve(dir, target);
      if (!this.within(to)) return undefined;
      // relative to the link, so that the program resolves it to the same file in its own namespace
      const rel = path.relative(dir, to);
      return (rel === '' ? '.' : rel).split(path.sep).join('/');
    } catch {
      return undefined;
    }
  }

  writeFile(p: string, data: Uint8Array): boolean {
    if (this.readOnly) return false;
    const q = this.confine(p);
    if (q === undefined || q === this.root) return false;
    let fd: number;
    try {
      fd = fs.openSync(q, fs.constants.O_WRONLY | fs.constants.O_CREAT | fs.constants.O_TRUNC | O_NOFOLLOW, 0o666);
    } catch {
      return false;
    }
    try {
      for (let off = 0; off < data.length;) off += fs.writeSync(fd, data, off, data.length - off);
      return true;
    } catch {
      return false;
    } finally {
      fs.closeSync(fd);
    }
  }

  mkdir(p: string): boolean {
    if (this.readOnly) return false;
    const q = this.confine(p);
    if (q === undefined || q === this.root) return false;
    try {
      fs.mkdirSync(q, 0o777);
      return true;
    } catch {
      return false;
    }
  }

  remove(p: string, dir: boolean): boolean {
    if (this.readOnly) return false;
    const q = this.confine(p);
    if (q === undefined || q === this.root) return false;
    try {
      if (dir) fs.rmdirSync(q);
      else fs.unlinkSync(q);
      return true;
    } catch {
      return false;
    }
  }

  rename(from: string, to: string): boolean {
    if (this.readOnly) return false;
    const a = this.confine(from);
    const b = this.confine(to);
    if (a === undefined || b === undefined || a === this.root || b === this.root) return false;
    try {
      fs.renameSync(a, b);
      return true;
    } catch {
      return false;
    }
  }
}

/**
 * `HOST_DIR:GUEST_DIR[:rw]` (a relative HOST_DIR from `base`, as a scenario's mounts are relative to
 * its file): the mount, or an error message.
 */
export function parseMount(spec: string, base = process.cwd()): ExecMount | string {
  let s = spec;
  let readOnly = true;
  if (s.endsWith(':rw')) {
    readOnly = false;
    s = s.slice(0, -3);
  } else if (s.endsWith(':ro')) s = s.slice(0, -3);
  const i = s.lastIndexOf(':');
  if (i <= 0) return `a mount is HOST_DIR:GUEST_DIR[:rw], got '${spec}'`;
  const hostDir = s.slice(0, i);
  const guest = s.slice(i + 1);
  if (!guest.startsWith('/')) return `the guest directory of a mount must be absolute, got '${guest}' in '${spec}'`;
  const parts = guest.split('/').filter((x) => x.length > 0);
  if (parts.length === 0) return `cannot mount over the guest's root directory ('${spec}')`;
  if (parts.some((x) => x === '.' || x === '..'))
    return `the guest directory of a mount may not contain . or .., got '${guest}'`;
  const abs = path.resolve(base, hostDir);
  let st: fs.Stats;
  try {
    st = fs.statSync(abs);
  } catch {
    return `cannot mount '${hostDir}': no such directory`;
  }
  if (!st.isDirectory()) return `cannot mount '${hostDir}': not a directory`;
  const host = new NodeHostFs(abs, readOnly);
  return { host, hostPath: host.root, guestPath: '/' + parts.join('/'), readOnly };
}
