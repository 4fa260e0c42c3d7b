// MAP_SHARED mappings of regular files: the mapped memory and the file are one, as Linux's page cache
// makes them. The machine keeps them apart (the mapping is a copy) and makes them agree where a
// program can tell: a read of the file first takes the bytes the mappings hold (memory -> file), a
// write to the file is copied into the mappings (file -> memory), and msync and munmap write the
// mapping back. Only the bytes inside the file are written back (a mapping past the end does not
// grow the file, as on Linux). Not modelled (named): a fork child's copy of the mapping is private;
// mremap of a shared file mapping detaches it from the file.
import type { AddressSpace } from '../../cpu/address-space';
import type { FileInode } from './inode';

interface SharedFileMapping {
  mem: AddressSpace;
  /** the mapping's address and length, and the file offset it starts at */
  start: number;
  len: number;
  off: number;
}

const byInode = new WeakMap<FileInode, SharedFileMapping[]>();
const byMemory = new WeakMap<AddressSpace, Array<{ inode: FileInode; m: SharedFileMapping }>>();

/** mmap(MAP_SHARED) of `inode` at `start` (memory `mem`), `len` bytes from file offset `off`. */
export function addSharedMapping(inode: FileInode, mem: AddressSpace, start: number, len: number, off: number): void {
  const m = { mem, start, len, off };
  let l = byInode.get(inode);
  if (!l) byInode.set(inode, (l = []));
  l.push(m);
  let k = byMemory.get(mem);
  if (!k) byMemory.set(mem, (k = []));
  k.push({ inode, m });
}

/** Writes mapping `m`'s bytes that lie inside the file back into it (pages no longer mapped are skipped). */
function writeBack(inode: FileInode, m: SharedFileMapping, from = m.start, to = m.start + m.len): void {
  const size = inode.size();
  const lo = Math.max(from, m.start);
  const hi = Math.min(to, m.start + m.len, m.start + Math.max(0, size - m.off));
  for (let a = lo; a < hi;) {
    const next = Math.min(hi, (Math.floor(a / 4096) + 1) * 4096);
    const bytes = m.mem.readBytes(BigInt(a), next - a);
    if (bytes) {
      const pos = m.off + (a - m.start);
      const cur = inode.read(pos, bytes.length);
      if (cur.length !== bytes.length || cur.some((b, i) => b !== bytes[i])) inode.write(pos, bytes);
    }
    a = next;
  }
}

/** Before the file is read: what the shared mappings hold goes into it. */
export function syncToFile(inode: FileInode): void {
  for (const m of byInode.get(inode) ?? []) writeBack(inode, m);
}

/** After `bytes` were written to the file at `pos`: the shared mappings of that range see them. */
export function syncFromFile(inode: FileInode, pos: number, bytes: Uint8Array): void {
  for (const m of byInode.get(inode) ?? []) {
    const lo = Math.max(pos, m.off);
    const hi = Math.min(pos + bytes.length, m.off + m.len);
    for (let p = lo; p < hi;) {
      const a = m.start + (p - m.off);
      const next = Math.min(hi, p + (4096 - (a % 4096)));
      m.mem.writeBytesAs(BigInt(a), bytes.subarray(p - pos, next - pos), true);
      p = next;
    }
  }
}

/** msync, or munmap when `detach`: the shared file mappings of `mem` in [start, end) are written back;
 * munmap then forgets the mappings it removed entirely. */
export function syncRange(mem: AddressSpace, start: number, end: number, detach: boolean): void {
  const k = byMemory.get(mem);
  if (!k) return;
  for (const { inode, m } of [...k]) {
    if (m.start >= end || m.start + m.len <= start) continue;
    writeBack(inode, m, start, end);
    if (detach && start <= m.start && end >= m.start + m.len) {
      k.splice(
        k.findIndex((e) => e.m === m),
        1,
      );
      const l = byInode.get(inode);
      if (l) l.splice(l.indexOf(m), 1);
    }
  }
}
