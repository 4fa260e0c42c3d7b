// The extended mnemonics objdump prints and GNU as accepts for mfspr/mtspr of every SPR (mflr, mftb,
// mfppr32, ...): text only, shared by the disassembler and the assembler (spr.ts executes them).

/**
 * objdump's spelling of mfspr/mtspr per SPR: [spr, mfspr text, mtspr text] ('' = plain mfspr/mtspr;
 * % = the register operand; a second operand is written out). From binutils 2.40's tables.
 */
// prettier-ignore
const SPR_TEXT: [number, string, string][] = [
  [1, 'mfxer', 'mtxer'], [3, 'mfudscr', 'mtudscr'], [4, 'mfrtcu', ''], [5, 'mfrtcl', ''], [8, 'mflr', 'mtlr'],
  [9, 'mfctr', 'mtctr'], [13, 'mfuamr', 'mtuamr'], [17, 'mfdscr', 'mtdscr'], [18, 'mfdsisr', 'mtdsisr'],
  [19, 'mfdar', 'mtdar'], [20, '', 'mtrtcu'], [21, '', 'mtrtcl'], [22, 'mfdec', 'mtdec'],
  [25, 'mfsdr1', 'mtsdr1'], [26, 'mfsrr0', 'mtsrr0'], [27, 'mfsrr1', 'mtsrr1'], [28, 'mfcfar', 'mtcfar'],
  [29, 'mfamr', 'mtamr'], [48, 'mfpidr', 'mtpidr'], [61, 'mfiamr', 'mtiamr'], [128, '', 'mttfhar'],
  [129, '', 'mttfiar'], [130, '', 'mttexasr'], [131, '', 'mttexasru'], [136, 'mfctrl', ''],
  [152, '', 'mtctrl'], [153, 'mffscr', 'mtfscr'], [157, 'mfuamor', 'mtuamor'], [159, 'mfpspb', 'mtpspb'],
  [176, 'mfdpdes', 'mtdpdes'], [180, 'mfdawr0', 'mtdawr0'], [181, 'mfdawr1', 'mtdawr1'],
  [186, 'mfrpr', 'mtrpr'], [187, 'mfciabr', 'mtciabr'], [188, 'mfdawrx0', 'mtdawrx0'],
  [189, 'mfdawrx1', 'mtdawrx1'], [190, 'mfhfscr', 'mthfscr'], [256, 'mfvrsave', 'mtvrsave'],
  [259, 'mfusprg3', ''], [268, 'mftb', ''], [269, 'mftbu', ''], [272, 'mfsprg %,0', 'mtsprg 0,%'],
  [273, 'mfsprg %,1', 'mtsprg 1,%'], [274, 'mfsprg %,2', 'mtsprg 2,%'], [275, 'mfsprg %,3', 'mtsprg 3,%'],
  [280, 'mfasr', 'mtasr'], [282, 'mfear', 'mtear'], [284, '', 'mttbl'], [285, '', 'mttbu'],
  [286, '', 'mttbu40'], [287, 'mfpvr', ''], [304, 'mfhsprg0', 'mthsprg0'], [305, 'mfhsprg1', 'mthsprg1'],
  [306, 'mfhdisr', 'mthdisr'], [307, 'mfhdar', 'mthdar'], [308, 'mfspurr', 'mtspurr'],
  [309, 'mfpurr', 'mtpurr'], [310, 'mfhdec', 'mthdec'], [313, 'mfhrmor', 'mthrmor'],
  [314, 'mfhsrr0', 'mthsrr0'], [315, 'mfhsrr1', 'mthsrr1'], [318, 'mflpcr', 'mtlpcr'],
  [319, 'mflpidr', 'mtlpidr'], [336, 'mfhmer', 'mthmer'], [337, 'mfhmeer', 'mthmeer'],
  [338, 'mfpcr', 'mtpcr'], [339, 'mfheir', 'mtheir'], [349, 'mfamor', 'mtamor'], [446, 'mftir', ''],
  [464, 'mfptcr', 'mtptcr'], [496, 'mfusprg0', 'mtusprg0'], [497, 'mfusprg1', 'mtusprg1'],
  [505, 'mfurmor', 'mturmor'], [506, 'mfusrr0', 'mtusrr0'], [507, 'mfusrr1', 'mtusrr1'],
  [511, 'mfsmfctrl', 'mtsmfctrl'], [528, 'mfibatu %,0', 'mtibatu 0,%'], [529, 'mfibatl %,0', 'mtibatl 0,%'],
  [530, 'mfibatu %,1', 'mtibatu 1,%'], [531, 'mfibatl %,1', 'mtibatl 1,%'],
  [532, 'mfibatu %,2', 'mtibatu 2,%'], [533, 'mfibatl %,2', 'mtibatl 2,%'],
  [534, 'mfibatu %,3', 'mtibatu 3,%'], [535, 'mfibatl %,3', 'mtibatl 3,%'],
  [536, 'mfdbatu %,0', 'mtdbatu 0,%'], [537, 'mfdbatl %,0', 'mtdbatl 0,%'],
  [538, 'mfdbatu %,1', 'mtdbatu 1,%'], [539, 'mfdbatl %,1', 'mtdbatl 1,%'],
  [540, 'mfdbatu %,2', 'mtdbatu 2,%'], [541, 'mfdbatl %,2', 'mtdbatl 2,%'],
  [542, 'mfdbatu %,3', 'mtdbatu 3,%'], [543, 'mfdbatl %,3', 'mtdbatl 3,%'], [736, 'mfusier2', ''],
  [737, 'mfusier3', ''], [738, 'mfummcr3', ''], [752, '', 'mtsier2'], [753, '', 'mtsier3'],
  [754, '', 'mtmmcr3'], [768, 'mfusier', ''], [769, 'mfummcr2', 'mtummcr2'], [770, 'mfummcra', 'mtummcra'],
  [771, 'mfupmc1', 'mtupmc1'], [772, 'mfupmc2', 'mtupmc2'], [773, 'mfupmc3', 'mtupmc3'],
  [774, 'mfupmc4', 'mtupmc4'], [775, 'mfupmc5', 'mtupmc5'], [776, 'mfupmc6', 'mtupmc6'],
  [779, 'mfummcr0', 'mtummcr0'], [780, 'mfusiar', ''], [781, 'mfusdar', ''], [782, 'mfummcr1', ''],
  [784, '', 'mtsier'], [786, '', 'mtmmcra'], [787, '', 'mtpmc1'], [788, '', 'mtpmc2'], [789, '', 'mtpmc3'],
  [790, '', 'mtpmc4'], [791, '', 'mtpmc5'], [792, '', 'mtpmc6'], [795, '', 'mtmmcr0'], [796, '', 'mtsiar'],
  [797, '', 'mtsdar'], [798, '', 'mtmmcr1'], [800, 'mfbescrs', 'mtbescrs'], [801, 'mfbescrsu', 'mtbescrsu'],
  [802, 'mfbescrr', 'mtbescrr'], [803, 'mfbescrru', 'mtbescrru'], [804, 'mfebbhr', 'mtebbhr'],
  [805, 'mfebbrr', 'mtebbrr'], [806, 'mfbescr', 'mtbescr'], [815, 'mftar', 'mttar'],
  [816, 'mfasdr', 'mtasdr'], [823, 'mfpsscr', 'mtpsscr'], [848, 'mfic', 'mtic'], [849, 'mfvtb', 'mtvtb'],
  [855, 'mfhpsscr', 'mthpsscr'], [896, 'mfppr', 'mtppr'], [898, 'mfppr32', 'mtppr32'], [1023, 'mfpir', ''],
];
const MF = new Map<number, string>();
const MT = new Map<number, string>();
for (const [n, f, m] of SPR_TEXT) {
  if (f) MF.set(n, f);
  if (m) MT.set(n, m);
}

/** The disassembly of mfspr RT,spr / mtspr spr,RS as objdump prints it. */
export function sprText(mf: boolean, spr: number, reg: string): string {
  const x = (mf ? MF : MT).get(spr);
  if (x === undefined) return mf ? `mfspr ${reg},${spr}` : `mtspr ${spr},${reg}`;
  return x.includes('%') ? x.replace('%', reg) : `${x} ${reg}`;
}

/** The one-operand extended mnemonics (mfNAME RT / mtNAME RS) GNU as accepts, by SPR. */
export function sprMnemonics(): { name: string; mf: boolean; spr: number }[] {
  const out: { name: string; mf: boolean; spr: number }[] = [];
  for (const [n, f, m] of SPR_TEXT) {
    if (f && !f.includes('%')) out.push({ name: f, mf: true, spr: n });
    if (m && !m.includes('%')) out.push({ name: m, mf: false, spr: n });
  }
  return out;
}
