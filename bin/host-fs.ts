// The host side of `--mount HOST_DIR:GUEST_DIR[:rw]`: the HostFs the simulated kernel's file system
// reaches host files through (sim/os/vfs/host-mount.ts). Every path stays inside the mounted
// directory: a `..` or a symbolic link that leads out of it is treated as absent.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { HostFs, HostStat } from '../sim/os/vfs/host-mount';

export function nodeHostFs(root: string): HostFs {
  const base = fs.realpathSync(root);
  const inside = (p: string): string | undefined => {
    const abs = path.resolve(p);
    if (abs !== base && !abs.startsWith(base + path.sep)) return undefined;
    return abs;
  };
  const real = (p: string): string | undefined => {
    const abs = inside(p);
    if (!abs) return undefined;
    try {
      return inside(fs.realpathSync(abs)) ? abs : undefined;
    } catch {
      return abs; // does not exist (yet): its parent decides
    }
  };
  return {
    stat(p): HostStat | undefined {
      const abs = inside(p);
      if (!abs) return undefined;
      try {
        const st = fs.lstatSync(abs);
        const kind = st.isDirectory() ? 'dir' : st.isFile() ? 'file' : st.isSymbolicLink() ? 'symlink' : 'other';
        return { kind, size: st.size, mtimeMs: st.mtimeMs, perm: st.mode & 0o7777 };
      } catch {
        return undefined;
      }
    },
    readdir(p) {
      const abs = real(p);
      if (!abs) return undefined;
      try {
        return fs.readdirSync(abs);
      } catch {
        return undefined;
      }
    },
    readFile(p, limit) {
      const abs = real(p);
      if (!abs) return undefined;
      try {
        const st = fs.statSync(abs);
        if (!st.isFile() || st.size > limit) return undefined;
        return new Uint8Array(fs.readFileSync(abs));
      } catch {
        return undefined;
      }
    },
    readlink(p) {
      const abs = inside(p);
      if (!abs) return undefined;
      try {
        const to = fs.readlinkSync(abs);
        // a link that leads out of the mount is not followed out of it
        return inside(path.resolve(path.dirname(abs), to)) ? to : undefined;
      } catch {
        return undefined;
      }
    },
    writeFile(p, data) {
      const abs = real(p);
      if (!abs) return false;
      try {
        fs.writeFileSync(abs, data);
        return true;
      } catch {
        return false;
      }
    },
    mkdir(p) {
      const abs = real(p);
      if (!abs) return false;
      try {
        fs.mkdirSync(abs);
        return true;
      } catch {
        return false;
      }
    },
    remove(p, dir) {
      const abs = inside(p);
      if (!abs || abs === base) return false;
      try {
        if (dir) fs.rmdirSync(abs);
        else fs.unlinkSync(abs);
        return true;
      } catch {
        return false;
      }
    },
    rename(from, to) {
      const a = inside(from);
      const b = real(to);
      if (!a || !b) return false;
      try {
        fs.renameSync(a, b);
        return true;
      } catch {
        return false;
      }
    },
  };
}
