// Register names as GNU as accepts them with -mregnames: r0..r31 (also %r3), vs0..vs63, v0..v31,
// f0..f31, cr0..cr7, the CR bit names lt gt eq so un, and the usual aliases (sp, rtoc).

export type RegClass = 'gpr' | 'fpr' | 'vr' | 'vsr' | 'crf' | 'crbit';

export interface Register {
  cls: RegClass;
  num: number;
  name: string;
}

const CR_BITS: Record<string, number> = { lt: 0, gt: 1, eq: 2, so: 3, un: 3 };

/** The register a name denotes, or undefined when it is no register name. */
export function registerByName(raw: string): Register | undefined {
  const name = (raw.startsWith('%') ? raw.slice(1) : raw).toLowerCase();
  if (name in CR_BITS) return { cls: 'crbit', num: CR_BITS[name], name };
  if (name === 'sp') return { cls: 'gpr', num: 1, name };
  if (name === 'rtoc' || name === 'toc') return { cls: 'gpr', num: 2, name };
  const m = /^(r|f|vs|v|cr)(\d+)$/.exec(name);
  if (!m || (m[2].length > 1 && m[2][0] === '0')) return undefined;
  const n = Number(m[2]);
  const limits: Record<string, [RegClass, number]> = {
    r: ['gpr', 31],
    f: ['fpr', 31],
    vs: ['vsr', 63],
    v: ['vr', 31],
    cr: ['crf', 7],
  };
  const [cls, max] = limits[m[1]];
  return n <= max ? { cls, num: n, name } : undefined;
}

/** Names that look like registers but are out of range (r32, cr8, vs64): worth a clear message. */
export function looksLikeBadRegister(raw: string): boolean {
  const name = raw.startsWith('%') ? raw.slice(1) : raw;
  return /^(r|f|vs|v|cr)\d+$/i.test(name) && registerByName(raw) === undefined;
}

export const REG_CLASS_NAME: Record<RegClass, string> = {
  gpr: 'a general register (r0..r31)',
  fpr: 'a floating-point register',
  vr: 'a vector register',
  vsr: 'a VSX register (vs0..vs63)',
  crf: 'a CR field (cr0..cr7)',
  crbit: 'a CR bit',
};
