// Abbreviation tables (.debug_abbrev, DWARF 5 section 7.5.3): for each abbreviation code, the tag,
// whether the DIE has children, and its attributes with their forms (and the value of each
// DW_FORM_implicit_const, which lives here rather than in the DIE).
import { DW_FORM } from './constants';
import { Cursor, fail } from './reader';
import { hexU64 } from '../hex';

export interface AttrSpec {
  at: number;
  form: number;
  /** DW_FORM_implicit_const: the value itself */
  implicitConst?: bigint;
}

export interface Abbrev {
  code: number;
  tag: number;
  hasChildren: boolean;
  specs: AttrSpec[];
}

/** The most abbreviations one table may hold (far above what compilers write). */
const MAX_ABBREVS = 1_000_000;

export class AbbrevTable {
  /** dense codes (the usual 1..N) in an array, others in a map */
  private readonly dense: Array<Abbrev | undefined> = [];
  private readonly sparse = new Map<number, Abbrev>();

  get(code: number): Abbrev | undefined {
    return code < this.dense.length ? this.dense[code] : this.sparse.get(code);
  }

  add(a: Abbrev): void {
    if (a.code < 100_000) {
      while (this.dense.length <= a.code) this.dense.push(undefined);
      this.dense[a.code] = a;
    } else this.sparse.set(a.code, a);
  }
}

export function parseAbbrevTable(section: Uint8Array | undefined, offset: number): AbbrevTable {
  if (!section) fail('the file has .debug_info but no .debug_abbrev');
  const c = new Cursor(section, offset, section.length, `the abbreviation table at ${hexU64(offset)} (.debug_abbrev)`);
  const t = new AbbrevTable();
  for (let n = 0; ; n++) {
    if (n > MAX_ABBREVS) fail(`${c.what}: more than ${MAX_ABBREVS} abbreviations`);
    if (c.atEnd) break; // (a missing final 0 is tolerated, as readelf does)
    const code = c.uleb();
    if (code === 0) break;
    const tag = c.uleb();
    const hasChildren = c.u8() !== 0;
    const specs: AttrSpec[] = [];
    for (;;) {
      const at = c.uleb();
      const form = c.uleb();
      if (at === 0 && form === 0) break;
      const spec: AttrSpec = { at, form };
      if (form === DW_FORM.implicit_const) spec.implicitConst = c.slebBig();
      specs.push(spec);
      if (specs.length > 10_000) fail(`${c.what}: abbreviation ${code} has more than 10000 attributes`);
    }
    t.add({ code, tag, hasChildren, specs });
  }
  return t;
}
