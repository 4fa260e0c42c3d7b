// The debug sections of an ELF file, found by name in the section table that sim/elf/elf-file.ts
// reads: views of the file's bytes (nothing is copied or decoded here).
import { SHT_NOBITS, type ElfFile, type SectionHeader } from '../elf/elf-file';

/** SHF_COMPRESSED: the section holds a compression header and zlib data (not read here). */
const SHF_COMPRESSED = 0x800n;

export interface DebugSections {
  info?: Uint8Array;
  abbrev?: Uint8Array;
  line?: Uint8Array;
  str?: Uint8Array;
  lineStr?: Uint8Array;
  addr?: Uint8Array;
  rnglists?: Uint8Array;
  ranges?: Uint8Array;
  loclists?: Uint8Array;
  loc?: Uint8Array;
  strOffsets?: Uint8Array;
  aranges?: Uint8Array;
  /** DWARF 4 type units */
  types?: Uint8Array;
  debugFrame?: Uint8Array;
  ehFrame?: { bytes: Uint8Array; addr: bigint };
  /** the link-time address ranges of the executable sections (to tell a return address from junk) */
  code: Array<{ start: bigint; end: bigint; bytes: Uint8Array | undefined }>;
  /** why some debug sections could not be used (compressed ones); empty when all were */
  notes: string[];
}

const NAMES: Record<string, keyof Omit<DebugSections, 'ehFrame' | 'code' | 'notes'>> = {
  '.debug_info': 'info',
  '.debug_abbrev': 'abbrev',
  '.debug_line': 'line',
  '.debug_str': 'str',
  '.debug_line_str': 'lineStr',
  '.debug_addr': 'addr',
  '.debug_rnglists': 'rnglists',
  '.debug_ranges': 'ranges',
  '.debug_loclists': 'loclists',
  '.debug_loc': 'loc',
  '.debug_str_offsets': 'strOffsets',
  '.debug_aranges': 'aranges',
  '.debug_types': 'types',
  '.debug_frame': 'debugFrame',
};

function bytesOf(elf: ElfFile, s: SectionHeader): Uint8Array | undefined {
  if (s.type === SHT_NOBITS) return undefined;
  const start = Number(s.offset);
  const end = start + Number(s.size);
  if (end > elf.bytes.length) return undefined; // (elf-file.ts refuses such files; kept safe anyway)
  return elf.bytes.subarray(start, end);
}

export function debugSections(elf: ElfFile): DebugSections {
  const out: DebugSections = { code: [], notes: [] };
  for (const s of elf.sections) {
    if ((s.flags & 0x4n) !== 0n && s.size > 0n)
      out.code.push({ start: s.addr, end: s.addr + s.size, bytes: bytesOf(elf, s) });
    if (s.name.startsWith('.zdebug_') || ((s.flags & SHF_COMPRESSED) !== 0n && s.name.startsWith('.debug_'))) {
      out.notes.push(`${s.name} is compressed, which is not supported (link without --compress-debug-sections)`);
      continue;
    }
    if (s.name === '.eh_frame') {
      const b = bytesOf(elf, s);
      if (b) out.ehFrame = { bytes: b, addr: s.addr };
      continue;
    }
    const key = NAMES[s.name];
    if (key && out[key] === undefined) out[key] = bytesOf(elf, s);
  }
  out.code.sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0));
  return out;
}
