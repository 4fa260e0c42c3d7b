// VMX (AltiVec, primary 4): vector integer, permute, logical and float instructions. Rows are in the
// order of the Vmx enum (their operation ids are VMX_BASE + it). Generated once from a compact table
// (form, extended opcode, sub-opcode in VA, operands) and kept by hand since; masks follow binutils
// (reserved fields must be 0). Compares are VC form: Rc is bit 0x400 and sets CR6.
import type { FamilyDefs, InsnDef } from './insn-def';

export const VMX_BASE = 4000;

export const enum Vmx {
  VADDUBM,
  VADDUHM,
  VADDUWM,
  VADDUDM,
  VADDUQM,
  VADDUBS,
  VADDUHS,
  VADDUWS,
  VADDSBS,
  VADDSHS,
  VADDSWS,
  VSUBUBM,
  VSUBUHM,
  VSUBUWM,
  VSUBUDM,
  VSUBUQM,
  VSUBUBS,
  VSUBUHS,
  VSUBUWS,
  VSUBSBS,
  VSUBSHS,
  VSUBSWS,
  VADDCUW,
  VSUBCUW,
  VADDCUQ,
  VSUBCUQ,
  VADDEUQM,
  VADDECUQ,
  VSUBEUQM,
  VSUBECUQ,
  VMUL10UQ,
  VMUL10CUQ,
  VMUL10EUQ,
  VMUL10ECUQ,
  VMULEUB,
  VMULEUH,
  VMULEUW,
  VMULEUD,
  VMULESB,
  VMULESH,
  VMULESW,
  VMULESD,
  VMULOUB,
  VMULOUH,
  VMULOUW,
  VMULOUD,
  VMULOSB,
  VMULOSH,
  VMULOSW,
  VMULOSD,
  VMULUWM,
  VMULLD,
  VMULHSW,
  VMULHUW,
  VMULHSD,
  VMULHUD,
  VMLADDUHM,
  VMHADDSHS,
  VMHRADDSHS,
  VMSUMUBM,
  VMSUMMBM,
  VMSUMUHM,
  VMSUMUHS,
  VMSUMSHM,
  VMSUMSHS,
  VMSUMUDM,
  VMSUMCUD,
  VSUMSWS,
  VSUM2SWS,
  VSUM4SBS,
  VSUM4UBS,
  VSUM4SHS,
  VDIVSW,
  VDIVUW,
  VDIVSD,
  VDIVUD,
  VDIVSQ,
  VDIVUQ,
  VDIVESW,
  VDIVEUW,
  VDIVESD,
  VDIVEUD,
  VDIVESQ,
  VDIVEUQ,
  VMODSW,
  VMODUW,
  VMODSD,
  VMODUD,
  VMODSQ,
  VMODUQ,
  VAVGUB,
  VAVGUH,
  VAVGUW,
  VAVGSB,
  VAVGSH,
  VAVGSW,
  VMAXUB,
  VMAXUH,
  VMAXUW,
  VMAXUD,
  VMAXSB,
  VMAXSH,
  VMAXSW,
  VMAXSD,
  VMINUB,
  VMINUH,
  VMINUW,
  VMINUD,
  VMINSB,
  VMINSH,
  VMINSW,
  VMINSD,
  VABSDUB,
  VABSDUH,
  VABSDUW,
  VNEGW,
  VNEGD,
  VEXTSB2W,
  VEXTSH2W,
  VEXTSB2D,
  VEXTSH2D,
  VEXTSW2D,
  VEXTSD2Q,
  VPRTYBW,
  VPRTYBD,
  VPRTYBQ,
  VCTZB,
  VCTZH,
  VCTZW,
  VCTZD,
  VCLZB,
  VCLZH,
  VCLZW,
  VCLZD,
  VPOPCNTB,
  VPOPCNTH,
  VPOPCNTW,
  VPOPCNTD,
  VGBBD,
  VCLZLSBB,
  VCTZLSBB,
  VCLZDM,
  VCTZDM,
  VPDEPD,
  VPEXTD,
  VCFUGED,
  VRLB,
  VRLH,
  VRLW,
  VRLD,
  VRLQ,
  VSLB,
  VSLH,
  VSLW,
  VSLD,
  VSLQ,
  VSRB,
  VSRH,
  VSRW,
  VSRD,
  VSRQ,
  VSRAB,
  VSRAH,
  VSRAW,
  VSRAD,
  VSRAQ,
  VSL,
  VSR,
  VSLO,
  VSRO,
  VSLV,
  VSRV,
  VRLWMI,
  VRLDMI,
  VRLQMI,
  VRLWNM,
  VRLDNM,
  VRLQNM,
  VSLDOI,
  VSLDBI,
  VSRDBI,
  VBPERMQ,
  VBPERMD,
  VPMSUMB,
  VPMSUMH,
  VPMSUMW,
  VPMSUMD,
  VCIPHER,
  VCIPHERLAST,
  VNCIPHER,
  VNCIPHERLAST,
  VSBOX,
  VSHASIGMAW,
  VSHASIGMAD,
  VCMPEQUB,
  VCMPEQUH,
  VCMPEQUW,
  VCMPEQUD,
  VCMPEQUQ,
  VCMPGTUB,
  VCMPGTUH,
  VCMPGTUW,
  VCMPGTUD,
  VCMPGTUQ,
  VCMPGTSB,
  VCMPGTSH,
  VCMPGTSW,
  VCMPGTSD,
  VCMPGTSQ,
  VCMPNEB,
  VCMPNEH,
  VCMPNEW,
  VCMPNEZB,
  VCMPNEZH,
  VCMPNEZW,
  VCMPEQFP,
  VCMPGEFP,
  VCMPGTFP,
  VCMPBFP,
  VCMPSQ,
  VCMPUQ,
  VAND,
  VANDC,
  VOR,
  VORC,
  VXOR,
  VNOR,
  VNAND,
  VEQV,
  VMR,
  VNOT,
  VSEL,
  VPERM,
  VPERMR,
  VPERMXOR,
  VMRGHB,
  VMRGHH,
  VMRGHW,
  VMRGLB,
  VMRGLH,
  VMRGLW,
  VMRGEW,
  VMRGOW,
  VSPLTB,
  VSPLTH,
  VSPLTW,
  VSPLTISB,
  VSPLTISH,
  VSPLTISW,
  VPKUHUM,
  VPKUWUM,
  VPKUDUM,
  VPKUHUS,
  VPKUWUS,
  VPKUDUS,
  VPKSHUS,
  VPKSWUS,
  VPKSDUS,
  VPKSHSS,
  VPKSWSS,
  VPKSDSS,
  VPKPX,
  VUPKHSB,
  VUPKHSH,
  VUPKHSW,
  VUPKLSB,
  VUPKLSH,
  VUPKLSW,
  VUPKHPX,
  VUPKLPX,
  VEXTRACTUB,
  VEXTRACTUH,
  VEXTRACTUW,
  VEXTRACTD,
  VINSERTB,
  VINSERTH,
  VINSERTW,
  VINSERTD,
  VEXTUBLX,
  VEXTUBRX,
  VEXTUHLX,
  VEXTUHRX,
  VEXTUWLX,
  VEXTUWRX,
  VEXTDUBVLX,
  VEXTDUBVRX,
  VEXTDUHVLX,
  VEXTDUHVRX,
  VEXTDUWVLX,
  VEXTDUWVRX,
  VEXTDDVLX,
  VEXTDDVRX,
  VINSBLX,
  VINSBRX,
  VINSHLX,
  VINSHRX,
  VINSWLX,
  VINSWRX,
  VINSDLX,
  VINSDRX,
  VINSBVLX,
  VINSBVRX,
  VINSHVLX,
  VINSHVRX,
  VINSWVLX,
  VINSWVRX,
  VINSW,
  VINSD,
  VEXPANDBM,
  VEXPANDHM,
  VEXPANDWM,
  VEXPANDDM,
  VEXPANDQM,
  VEXTRACTBM,
  VEXTRACTHM,
  VEXTRACTWM,
  VEXTRACTDM,
  VEXTRACTQM,
  MTVSRBM,
  MTVSRHM,
  MTVSRWM,
  MTVSRDM,
  MTVSRQM,
  MTVSRBMI,
  VCNTMBB,
  VCNTMBH,
  VCNTMBW,
  VCNTMBD,
  VGNB,
  VSTRIBL,
  VSTRIBR,
  VSTRIHL,
  VSTRIHR,
  VCLRLB,
  VCLRRB,
  VADDFP,
  VSUBFP,
  VMAXFP,
  VMINFP,
  VMADDFP,
  VNMSUBFP,
  VREFP,
  VRSQRTEFP,
  VEXPTEFP,
  VLOGEFP,
  VRFIN,
  VRFIZ,
  VRFIP,
  VRFIM,
  VCFUX,
  VCFSX,
  VCTUXS,
  VCTSXS,
  MFVSCR,
  MTVSCR,
  MADDHD,
  MADDHDU,
  MADDLD,
}

const rows: InsnDef[] = [];
function row(i: Vmx, d: InsnDef): void {
  if (rows.length !== i) throw new Error(`vmx-defs: ${d.name} is row ${rows.length}, its enum value is ${i}`);
  rows.push(d);
}
// vmr/vnot: vor/vnor with VA = VB (objdump's spelling)
const sameAB = (w: number) => ((w >>> 16) & 31) === ((w >>> 11) & 31);
const dupA = (v: bigint[]) => [v[0], v[1], v[1]];

// ---- add and subtract (modulo, saturating, carries, quadword)
row(Vmx.VADDUBM, { name: 'vaddubm', match: 0x10000000, mask: 0xfc0007ff, operands: ['VD', 'VA', 'VB'] });
row(Vmx.VADDUHM, { name: 'vadduhm', match: 0x10000040, mask: 0xfc0007ff, operands: ['VD', 'VA', 'VB'] });
row(Vmx.VADDUWM, { name: 'vadduwm', match: 0x10000080, mask: 0xfc0007ff, operands: ['VD', 'VA', 'VB'] });
row(Vmx.VADDUDM, { name: 'vaddudm', match: 0x100000c0, mask: 0xfc0007ff, operands: ['VD', 'VA', 'VB'] });
row(Vmx.VADDUQM, { name: 'vadduqm', match: 0x10000100, mask: 0xfc0007ff, operands: ['VD', 'VA', 'VB'] });
row(Vmx.VADDUBS, { name: 'vaddubs', match: 0x10000200, mask: 0xfc0007ff, operands: ['VD', 'VA', 'VB'] });
row(Vmx.VADDUHS, { name: 'vadduhs', match: 0x10000240, mask: 0xfc0007ff, operands: ['VD', 'VA', 'VB'] });
row(Vmx.VADDUWS, { name: 'vadduws', match: 0x10000280, mask: 0xfc0007ff, operands: ['VD', 'VA', 'VB'] });
row(Vmx.VADDSBS, { name: 'vaddsbs', match: 0x10000300, mask: 0xfc0007ff, operands: ['VD', 'VA', 'VB'] });
row(Vmx.VADDSHS, { name: 'vaddshs', match: 0x10000340, mask: 0xfc0007ff, operands: ['VD', 'VA', 'VB'] });
row(Vmx.VADDSWS, { name: 'vaddsws', match: 0x10000380, mask: 0xfc0007ff, operands: ['VD', 'VA', 'VB'] });
row(Vmx.VSUBUBM, { name: 'vsububm', match: 0x10000400, mask: 0xfc0007ff, operands: ['VD', 'VA', 'VB'] });
row(Vmx.VSUBUHM, { name: 'vsubuhm', match: 0x10000440, mask: 0xfc0007ff, operands: ['VD', 'VA', 'VB'] });
row(Vmx.VSUBUWM, { name: 'vsubuwm', match: 0x10000480, mask: 0xfc0007ff, operands: ['VD', 'VA', 'VB'] });
row(Vmx.VSUBUDM, { name: 'vsubudm', match: 0x100004c0, mask: 0xfc0007ff, operands: ['VD', 'VA', 'VB'] });
row(Vmx.VSUBUQM, { name: 'vsubuqm', match: 0x10000500, mask: 0xfc0007ff, operands: ['VD', 'VA', 'VB'] });
row(Vmx.VSUBUBS, { name: 'vsububs', match: 0x10000600, mask: 0xfc0007ff, operands: ['VD', 'VA', 'VB'] });
row(Vmx.VSUBUHS, { name: 'vsubuhs', match: 0x10000640, mask: 0xfc0007ff, operands: ['VD', 'VA', 'VB'] });
row(Vmx.VSUBUWS, { name: 'vsubuws', match: 0x10000680, mask: 0xfc0007ff, operands: ['VD', 'VA', 'VB'] });
row(Vmx.VSUBSBS, { name: 'vsubsbs', match: 0x10000700, mask: 0xfc0007ff, operands: ['VD', 'VA', 'VB'] });
row(Vmx.VSUBSHS, { name: 'vsubshs', match: 0x10000740, mask: 0xfc0007ff, operands: ['VD', 'VA', 'VB'] });
row(Vmx.VSUBSWS, { name: 'vsubsws', match: 0x10000780, mask: 0xfc0007ff, operands: ['VD', 'VA', 'VB'] });
row(Vmx.VADDCUW, { name: 'vaddcuw', match: 0x10000180, mask: 0xfc0007ff, operands: ['VD', 'VA', 'VB'] });
row(Vmx.VSUBCUW, { name: 'vsubcuw', match: 0x10000580, mask: 0xfc0007ff, operands: ['VD', 'VA', 'VB'] });
row(Vmx.VADDCUQ, { name: 'vaddcuq', match: 0x10000140, mask: 0xfc0007ff, operands: ['VD', 'VA', 'VB'] });
row(Vmx.VSUBCUQ, { name: 'vsubcuq', match: 0x10000540, mask: 0xfc0007ff, operands: ['VD', 'VA', 'VB'] });
row(Vmx.VADDEUQM, { name: 'vaddeuqm', match: 0x1000003c, mask: 0xfc00003f, operands: ['VD', 'VA', 'VB', 'VC'] });
row(Vmx.VADDECUQ, { name: 'vaddecuq', match: 0x1000003d, mask: 0xfc00003f, operands: ['VD', 'VA', 'VB', 'VC'] });
row(Vmx.VSUBEUQM, { name: 'vsubeuqm', match: 0x1000003e, mask: 0xfc00003f, operands: ['VD', 'VA', 'VB', 'VC'] });
row(Vmx.VSUBECUQ, { name: 'vsubecuq', match: 0x1000003f, mask: 0xfc00003f, operands: ['VD', 'VA', 'VB', 'VC'] });
row(Vmx.VMUL10UQ, { name: 'vmul10uq', match: 0x10000201, mask: 0xfc00ffff, operands: ['VD', 'VA'] });
row(Vmx.VMUL10CUQ, { name: 'vmul10cuq', match: 0x10000001, mask: 0xfc00ffff, operands: ['VD', 'VA'] });
row(Vmx.VMUL10EUQ, { name: 'vmul10euq', match: 0x10000241, mask: 0xfc0007ff, operands: ['VD', 'VA', 'VB'] });
row(Vmx.VMUL10ECUQ, { name: 'vmul10ecuq', match: 0x10000041, mask: 0xfc0007ff, operands: ['VD', 'VA', 'VB'] });
// ---- multiply
row(Vmx.VMULEUB, { name: 'vmuleub', match: 0x10000208, mask: 0xfc0007ff, operands: ['VD', 'VA', 'VB'] });
row(Vmx.VMULEUH, { name: 'vmuleuh', match: 0x10000248, mask: 0xfc0007ff, operands: ['VD', 'VA', 'VB'] });
row(Vmx.VMULEUW, { name: 'vmuleuw', match: 0x10000288, mask: 0xfc0007ff, operands: ['VD', 'VA', 'VB'] });
row(Vmx.VMULEUD, { name: 'vmuleud', match: 0x100002c8, mask: 0xfc0007ff, operands: ['VD', 'VA', 'VB'] });
row(Vmx.VMULESB, { name: 'vmulesb', match: 0x10000308, mask: 0xfc0007ff, operands: ['VD', 'VA', 'VB'] });
row(Vmx.VMULESH, { name: 'vmulesh', match: 0x10000348, mask: 0xfc0007ff, operands: ['VD', 'VA', 'VB'] });
row(Vmx.VMULESW, { name: 'vmulesw', match: 0x10000388, mask: 0xfc0007ff, operands: ['VD', 'VA', 'VB'] });
row(Vmx.VMULESD, { name: 'vmulesd', match: 0x100003c8, mask: 0xfc0007ff, operands: ['VD', 'VA', 'VB'] });
row(Vmx.VMULOUB, { name: 'vmuloub', match: 0x10000008, mask: 0xfc0007ff, operands: ['VD', 'VA', 'VB'] });
row(Vmx.VMULOUH, { name: 'vmulouh', match: 0x10000048, mask: 0xfc0007ff, operands: ['VD', 'VA', 'VB'] });
row(Vmx.VMULOUW, { name: 'vmulouw', match: 0x10000088, mask: 0xfc0007ff, operands: ['VD', 'VA', 'VB'] });
row(Vmx.VMULOUD, { name: 'vmuloud', match: 0x100000c8, mask: 0xfc0007ff, operands: ['VD', 'VA', 'VB'] });
row(Vmx.VMULOSB, { name: 'vmulosb', match: 0x10000108, mask: 0xfc0007ff, operands: ['VD', 'VA', 'VB'] });
row(Vmx.VMULOSH, { name: 'vmulosh', match: 0x10000148, mask: 0xfc0007ff, operands: ['VD', 'VA', 'VB'] });
row(Vmx.VMULOSW, { name: 'vmulosw', match: 0x10000188, mask: 0xfc0007ff, operands: ['VD', 'VA', 'VB'] });
row(Vmx.VMULOSD, { name: 'vmulosd', match: 0x100001c8, mask: 0xfc0007ff, operands: ['VD', 'VA', 'VB'] });
row(Vmx.VMULUWM, { name: 'vmuluwm', match: 0x10000089, mask: 0xfc0007ff, operands: ['VD', 'VA', 'VB'] });
row(Vmx.VMULLD, { name: 'vmulld', match: 0x100001c9, mask: 0xfc0007ff, operands: ['VD', 'VA', 'VB'] });
row(Vmx.VMULHSW, { name: 'vmulhsw', match: 0x10000389, mask: 0xfc0007ff, operands: ['VD', 'VA', 'VB'] });
row(Vmx.VMULHUW, { name: 'vmulhuw', match: 0x10000289, mask: 0xfc0007ff, operands: ['VD', 'VA', 'VB'] });
row(Vmx.VMULHSD, { name: 'vmulhsd', match: 0x100003c9, mask: 0xfc0007ff, operands: ['VD', 'VA', 'VB'] });
row(Vmx.VMULHUD, { name: 'vmulhud', match: 0x100002c9, mask: 0xfc0007ff, operands: ['VD', 'VA', 'VB'] });
row(Vmx.VMLADDUHM, { name: 'vmladduhm', match: 0x10000022, mask: 0xfc00003f, operands: ['VD', 'VA', 'VB', 'VC'] });
row(Vmx.VMHADDSHS, { name: 'vmhaddshs', match: 0x10000020, mask: 0xfc00003f, operands: ['VD', 'VA', 'VB', 'VC'] });
row(Vmx.VMHRADDSHS, { name: 'vmhraddshs', match: 0x10000021, mask: 0xfc00003f, operands: ['VD', 'VA', 'VB', 'VC'] });
row(Vmx.VMSUMUBM, { name: 'vmsumubm', match: 0x10000024, mask: 0xfc00003f, operands: ['VD', 'VA', 'VB', 'VC'] });
row(Vmx.VMSUMMBM, { name: 'vmsummbm', match: 0x10000025, mask: 0xfc00003f, operands: ['VD', 'VA', 'VB', 'VC'] });
row(Vmx.VMSUMUHM, { name: 'vmsumuhm', match: 0x10000026, mask: 0xfc00003f, operands: ['VD', 'VA', 'VB', 'VC'] });
row(Vmx.VMSUMUHS, { name: 'vmsumuhs', match: 0x10000027, mask: 0xfc00003f, operands: ['VD', 'VA', 'VB', 'VC'] });
row(Vmx.VMSUMSHM, { name: 'vmsumshm', match: 0x10000028, mask: 0xfc00003f, operands: ['VD', 'VA', 'VB', 'VC'] });
row(Vmx.VMSUMSHS, { name: 'vmsumshs', match: 0x10000029, mask: 0xfc00003f, operands: ['VD', 'VA', 'VB', 'VC'] });
row(Vmx.VMSUMUDM, { name: 'vmsumudm', match: 0x10000023, mask: 0xfc00003f, operands: ['VD', 'VA', 'VB', 'VC'] });
row(Vmx.VMSUMCUD, { name: 'vmsumcud', match: 0x10000017, mask: 0xfc00003f, operands: ['VD', 'VA', 'VB', 'VC'] });
row(Vmx.VSUMSWS, { name: 'vsumsws', match: 0x10000788, mask: 0xfc0007ff, operands: ['VD', 'VA', 'VB'] });
row(Vmx.VSUM2SWS, { name: 'vsum2sws', match: 0x10000688, mask: 0xfc0007ff, operands: ['VD', 'VA', 'VB'] });
row(Vmx.VSUM4SBS, { name: 'vsum4sbs', match: 0x10000708, mask: 0xfc0007ff, operands: ['VD', 'VA', 'VB'] });
row(Vmx.VSUM4UBS, { name: 'vsum4ubs', match: 0x10000608, mask: 0xfc0007ff, operands: ['VD', 'VA', 'VB'] });
row(Vmx.VSUM4SHS, { name: 'vsum4shs', match: 0x10000648, mask: 0xfc0007ff, operands: ['VD', 'VA', 'VB'] });
// ---- divide and modulo (POWER10)
row(Vmx.VDIVSW, { name: 'vdivsw', match: 0x1000018b, mask: 0xfc0007ff, operands: ['VD', 'VA', 'VB'] });
row(Vmx.VDIVUW, { name: 'vdivuw', match: 0x1000008b, mask: 0xfc0007ff, operands: ['VD', 'VA', 'VB'] });
row(Vmx.VDIVSD, { name: 'vdivsd', match: 0x100001cb, mask: 0xfc0007ff, operands: ['VD', 'VA', 'VB'] });
row(Vmx.VDIVUD, { name: 'vdivud', match: 0x100000cb, mask: 0xfc0007ff, operands: ['VD', 'VA', 'VB'] });
row(Vmx.VDIVSQ, { name: 'vdivsq', match: 0x1000010b, mask: 0xfc0007ff, operands: ['VD', 'VA', 'VB'] });
row(Vmx.VDIVUQ, { name: 'vdivuq', match: 0x1000000b, mask: 0xfc0007ff, operands: ['VD', 'VA', 'VB'] });
row(Vmx.VDIVESW, { name: 'vdivesw', match: 0x1000038b, mask: 0xfc0007ff, operands: ['VD', 'VA', 'VB'] });
row(Vmx.VDIVEUW, { name: 'vdiveuw', match: 0x1000028b, mask: 0xfc0007ff, operands: ['VD', 'VA', 'VB'] });
row(Vmx.VDIVESD, { name: 'vdivesd', match: 0x100003cb, mask: 0xfc0007ff, operands: ['VD', 'VA', 'VB'] });
row(Vmx.VDIVEUD, { name: 'vdiveud', match: 0x100002cb, mask: 0xfc0007ff, operands: ['VD', 'VA', 'VB'] });
row(Vmx.VDIVESQ, { name: 'vdivesq', match: 0x1000030b, mask: 0xfc0007ff, operands: ['VD', 'VA', 'VB'] });
row(Vmx.VDIVEUQ, { name: 'vdiveuq', match: 0x1000020b, mask: 0xfc0007ff, operands: ['VD', 'VA', 'VB'] });
row(Vmx.VMODSW, { name: 'vmodsw', match: 0x1000078b, mask: 0xfc0007ff, operands: ['VD', 'VA', 'VB'] });
row(Vmx.VMODUW, { name: 'vmoduw', match: 0x1000068b, mask: 0xfc0007ff, operands: ['VD', 'VA', 'VB'] });
row(Vmx.VMODSD, { name: 'vmodsd', match: 0x100007cb, mask: 0xfc0007ff, operands: ['VD', 'VA', 'VB'] });
row(Vmx.VMODUD, { name: 'vmodud', match: 0x100006cb, mask: 0xfc0007ff, operands: ['VD', 'VA', 'VB'] });
row(Vmx.VMODSQ, { name: 'vmodsq', match: 0x1000070b, mask: 0xfc0007ff, operands: ['VD', 'VA', 'VB'] });
row(Vmx.VMODUQ, { name: 'vmoduq', match: 0x1000060b, mask: 0xfc0007ff, operands: ['VD', 'VA', 'VB'] });
// ---- average, maximum, minimum, absolute difference
row(Vmx.VAVGUB, { name: 'vavgub', match: 0x10000402, mask: 0xfc0007ff, operands: ['VD', 'VA', 'VB'] });
row(Vmx.VAVGUH, { name: 'vavguh', match: 0x10000442, mask: 0xfc0007ff, operands: ['VD', 'VA', 'VB'] });
row(Vmx.VAVGUW, { name: 'vavguw', match: 0x10000482, mask: 0xfc0007ff, operands: ['VD', 'VA', 'VB'] });
row(Vmx.VAVGSB, { name: 'vavgsb', match: 0x10000502, mask: 0xfc0007ff, operands: ['VD', 'VA', 'VB'] });
row(Vmx.VAVGSH, { name: 'vavgsh', match: 0x10000542, mask: 0xfc0007ff, operands: ['VD', 'VA', 'VB'] });
row(Vmx.VAVGSW, { name: 'vavgsw', match: 0x10000582, mask: 0xfc0007ff, operands: ['VD', 'VA', 'VB'] });
row(Vmx.VMAXUB, { name: 'vmaxub', match: 0x10000002, mask: 0xfc0007ff, operands: ['VD', 'VA', 'VB'] });
row(Vmx.VMAXUH, { name: 'vmaxuh', match: 0x10000042, mask: 0xfc0007ff, operands: ['VD', 'VA', 'VB'] });
row(Vmx.VMAXUW, { name: 'vmaxuw', match: 0x10000082, mask: 0xfc0007ff, operands: ['VD', 'VA', 'VB'] });
row(Vmx.VMAXUD, { name: 'vmaxud', match: 0x100000c2, mask: 0xfc0007ff, operands: ['VD', 'VA', 'VB'] });
row(Vmx.VMAXSB, { name: 'vmaxsb', match: 0x10000102, mask: 0xfc0007ff, operands: ['VD', 'VA', 'VB'] });
row(Vmx.VMAXSH, { name: 'vmaxsh', match: 0x10000142, mask: 0xfc0007ff, operands: ['VD', 'VA', 'VB'] });
row(Vmx.VMAXSW, { name: 'vmaxsw', match: 0x10000182, mask: 0xfc0007ff, operands: ['VD', 'VA', 'VB'] });
row(Vmx.VMAXSD, { name: 'vmaxsd', match: 0x100001c2, mask: 0xfc0007ff, operands: ['VD', 'VA', 'VB'] });
row(Vmx.VMINUB, { name: 'vminub', match: 0x10000202, mask: 0xfc0007ff, operands: ['VD', 'VA', 'VB'] });
row(Vmx.VMINUH, { name: 'vminuh', match: 0x10000242, mask: 0xfc0007ff, operands: ['VD', 'VA', 'VB'] });
row(Vmx.VMINUW, { name: 'vminuw', match: 0x10000282, mask: 0xfc0007ff, operands: ['VD', 'VA', 'VB'] });
row(Vmx.VMINUD, { name: 'vminud', match: 0x100002c2, mask: 0xfc0007ff, operands: ['VD', 'VA', 'VB'] });
row(Vmx.VMINSB, { name: 'vminsb', match: 0x10000302, mask: 0xfc0007ff, operands: ['VD', 'VA', 'VB'] });
row(Vmx.VMINSH, { name: 'vminsh', match: 0x10000342, mask: 0xfc0007ff, operands: ['VD', 'VA', 'VB'] });
row(Vmx.VMINSW, { name: 'vminsw', match: 0x10000382, mask: 0xfc0007ff, operands: ['VD', 'VA', 'VB'] });
row(Vmx.VMINSD, { name: 'vminsd', match: 0x100003c2, mask: 0xfc0007ff, operands: ['VD', 'VA', 'VB'] });
row(Vmx.VABSDUB, { name: 'vabsdub', match: 0x10000403, mask: 0xfc0007ff, operands: ['VD', 'VA', 'VB'] });
row(Vmx.VABSDUH, { name: 'vabsduh', match: 0x10000443, mask: 0xfc0007ff, operands: ['VD', 'VA', 'VB'] });
row(Vmx.VABSDUW, { name: 'vabsduw', match: 0x10000483, mask: 0xfc0007ff, operands: ['VD', 'VA', 'VB'] });
// ---- negate, extend sign, count, parity (VX with a sub-opcode in VA)
row(Vmx.VNEGW, { name: 'vnegw', match: 0x10060602, mask: 0xfc1f07ff, operands: ['VD', 'VB'] });
row(Vmx.VNEGD, { name: 'vnegd', match: 0x10070602, mask: 0xfc1f07ff, operands: ['VD', 'VB'] });
row(Vmx.VEXTSB2W, { name: 'vextsb2w', match: 0x10100602, mask: 0xfc1f07ff, operands: ['VD', 'VB'] });
row(Vmx.VEXTSH2W, { name: 'vextsh2w', match: 0x10110602, mask: 0xfc1f07ff, operands: ['VD', 'VB'] });
row(Vmx.VEXTSB2D, { name: 'vextsb2d', match: 0x10180602, mask: 0xfc1f07ff, operands: ['VD', 'VB'] });
row(Vmx.VEXTSH2D, { name: 'vextsh2d', match: 0x10190602, mask: 0xfc1f07ff, operands: ['VD', 'VB'] });
row(Vmx.VEXTSW2D, { name: 'vextsw2d', match: 0x101a0602, mask: 0xfc1f07ff, operands: ['VD', 'VB'] });
row(Vmx.VEXTSD2Q, { name: 'vextsd2q', match: 0x101b0602, mask: 0xfc1f07ff, operands: ['VD', 'VB'] });
row(Vmx.VPRTYBW, { name: 'vprtybw', match: 0x10080602, mask: 0xfc1f07ff, operands: ['VD', 'VB'] });
row(Vmx.VPRTYBD, { name: 'vprtybd', match: 0x10090602, mask: 0xfc1f07ff, operands: ['VD', 'VB'] });
row(Vmx.VPRTYBQ, { name: 'vprtybq', match: 0x100a0602, mask: 0xfc1f07ff, operands: ['VD', 'VB'] });
row(Vmx.VCTZB, { name: 'vctzb', match: 0x101c0602, mask: 0xfc1f07ff, operands: ['VD', 'VB'] });
row(Vmx.VCTZH, { name: 'vctzh', match: 0x101d0602, mask: 0xfc1f07ff, operands: ['VD', 'VB'] });
row(Vmx.VCTZW, { name: 'vctzw', match: 0x101e0602, mask: 0xfc1f07ff, operands: ['VD', 'VB'] });
row(Vmx.VCTZD, { name: 'vctzd', match: 0x101f0602, mask: 0xfc1f07ff, operands: ['VD', 'VB'] });
row(Vmx.VCLZB, { name: 'vclzb', match: 0x10000702, mask: 0xfc1f07ff, operands: ['VD', 'VB'] });
row(Vmx.VCLZH, { name: 'vclzh', match: 0x10000742, mask: 0xfc1f07ff, operands: ['VD', 'VB'] });
row(Vmx.VCLZW, { name: 'vclzw', match: 0x10000782, mask: 0xfc1f07ff, operands: ['VD', 'VB'] });
row(Vmx.VCLZD, { name: 'vclzd', match: 0x100007c2, mask: 0xfc1f07ff, operands: ['VD', 'VB'] });
row(Vmx.VPOPCNTB, { name: 'vpopcntb', match: 0x10000703, mask: 0xfc1f07ff, operands: ['VD', 'VB'] });
row(Vmx.VPOPCNTH, { name: 'vpopcnth', match: 0x10000743, mask: 0xfc1f07ff, operands: ['VD', 'VB'] });
row(Vmx.VPOPCNTW, { name: 'vpopcntw', match: 0x10000783, mask: 0xfc1f07ff, operands: ['VD', 'VB'] });
row(Vmx.VPOPCNTD, { name: 'vpopcntd', match: 0x100007c3, mask: 0xfc1f07ff, operands: ['VD', 'VB'] });
row(Vmx.VGBBD, { name: 'vgbbd', match: 0x1000050c, mask: 0xfc1f07ff, operands: ['VD', 'VB'] });
row(Vmx.VCLZLSBB, { name: 'vclzlsbb', match: 0x10000602, mask: 0xfc1f07ff, operands: ['RT', 'VB'] });
row(Vmx.VCTZLSBB, { name: 'vctzlsbb', match: 0x10010602, mask: 0xfc1f07ff, operands: ['RT', 'VB'] });
row(Vmx.VCLZDM, { name: 'vclzdm', match: 0x10000784, mask: 0xfc0007ff, operands: ['VD', 'VA', 'VB'] });
row(Vmx.VCTZDM, { name: 'vctzdm', match: 0x100007c4, mask: 0xfc0007ff, operands: ['VD', 'VA', 'VB'] });
row(Vmx.VPDEPD, { name: 'vpdepd', match: 0x100005cd, mask: 0xfc0007ff, operands: ['VD', 'VA', 'VB'] });
row(Vmx.VPEXTD, { name: 'vpextd', match: 0x1000058d, mask: 0xfc0007ff, operands: ['VD', 'VA', 'VB'] });
row(Vmx.VCFUGED, { name: 'vcfuged', match: 0x1000054d, mask: 0xfc0007ff, operands: ['VD', 'VA', 'VB'] });
// ---- rotate and shift
row(Vmx.VRLB, { name: 'vrlb', match: 0x10000004, mask: 0xfc0007ff, operands: ['VD', 'VA', 'VB'] });
row(Vmx.VRLH, { name: 'vrlh', match: 0x10000044, mask: 0xfc0007ff, operands: ['VD', 'VA', 'VB'] });
row(Vmx.VRLW, { name: 'vrlw', match: 0x10000084, mask: 0xfc0007ff, operands: ['VD', 'VA', 'VB'] });
row(Vmx.VRLD, { name: 'vrld', match: 0x100000c4, mask: 0xfc0007ff, operands: ['VD', 'VA', 'VB'] });
row(Vmx.VRLQ, { name: 'vrlq', match: 0x10000005, mask: 0xfc0007ff, operands: ['VD', 'VA', 'VB'] });
row(Vmx.VSLB, { name: 'vslb', match: 0x10000104, mask: 0xfc0007ff, operands: ['VD', 'VA', 'VB'] });
row(Vmx.VSLH, { name: 'vslh', match: 0x10000144, mask: 0xfc0007ff, operands: ['VD', 'VA', 'VB'] });
row(Vmx.VSLW, { name: 'vslw', match: 0x10000184, mask: 0xfc0007ff, operands: ['VD', 'VA', 'VB'] });
row(Vmx.VSLD, { name: 'vsld', match: 0x100005c4, mask: 0xfc0007ff, operands: ['VD', 'VA', 'VB'] });
row(Vmx.VSLQ, { name: 'vslq', match: 0x10000105, mask: 0xfc0007ff, operands: ['VD', 'VA', 'VB'] });
row(Vmx.VSRB, { name: 'vsrb', match: 0x10000204, mask: 0xfc0007ff, operands: ['VD', 'VA', 'VB'] });
row(Vmx.VSRH, { name: 'vsrh', match: 0x10000244, mask: 0xfc0007ff, operands: ['VD', 'VA', 'VB'] });
row(Vmx.VSRW, { name: 'vsrw', match: 0x10000284, mask: 0xfc0007ff, operands: ['VD', 'VA', 'VB'] });
row(Vmx.VSRD, { name: 'vsrd', match: 0x100006c4, mask: 0xfc0007ff, operands: ['VD', 'VA', 'VB'] });
row(Vmx.VSRQ, { name: 'vsrq', match: 0x10000205, mask: 0xfc0007ff, operands: ['VD', 'VA', 'VB'] });
row(Vmx.VSRAB, { name: 'vsrab', match: 0x10000304, mask: 0xfc0007ff, operands: ['VD', 'VA', 'VB'] });
row(Vmx.VSRAH, { name: 'vsrah', match: 0x10000344, mask: 0xfc0007ff, operands: ['VD', 'VA', 'VB'] });
row(Vmx.VSRAW, { name: 'vsraw', match: 0x10000384, mask: 0xfc0007ff, operands: ['VD', 'VA', 'VB'] });
row(Vmx.VSRAD, { name: 'vsrad', match: 0x100003c4, mask: 0xfc0007ff, operands: ['VD', 'VA', 'VB'] });
row(Vmx.VSRAQ, { name: 'vsraq', match: 0x10000305, mask: 0xfc0007ff, operands: ['VD', 'VA', 'VB'] });
row(Vmx.VSL, { name: 'vsl', match: 0x100001c4, mask: 0xfc0007ff, operands: ['VD', 'VA', 'VB'] });
row(Vmx.VSR, { name: 'vsr', match: 0x100002c4, mask: 0xfc0007ff, operands: ['VD', 'VA', 'VB'] });
row(Vmx.VSLO, { name: 'vslo', match: 0x1000040c, mask: 0xfc0007ff, operands: ['VD', 'VA', 'VB'] });
row(Vmx.VSRO, { name: 'vsro', match: 0x1000044c, mask: 0xfc0007ff, operands: ['VD', 'VA', 'VB'] });
row(Vmx.VSLV, { name: 'vslv', match: 0x10000744, mask: 0xfc0007ff, operands: ['VD', 'VA', 'VB'] });
row(Vmx.VSRV, { name: 'vsrv', match: 0x10000704, mask: 0xfc0007ff, operands: ['VD', 'VA', 'VB'] });
row(Vmx.VRLWMI, { name: 'vrlwmi', match: 0x10000085, mask: 0xfc0007ff, operands: ['VD', 'VA', 'VB'] });
row(Vmx.VRLDMI, { name: 'vrldmi', match: 0x100000c5, mask: 0xfc0007ff, operands: ['VD', 'VA', 'VB'] });
row(Vmx.VRLQMI, { name: 'vrlqmi', match: 0x10000045, mask: 0xfc0007ff, operands: ['VD', 'VA', 'VB'] });
row(Vmx.VRLWNM, { name: 'vrlwnm', match: 0x10000185, mask: 0xfc0007ff, operands: ['VD', 'VA', 'VB'] });
row(Vmx.VRLDNM, { name: 'vrldnm', match: 0x100001c5, mask: 0xfc0007ff, operands: ['VD', 'VA', 'VB'] });
row(Vmx.VRLQNM, { name: 'vrlqnm', match: 0x10000145, mask: 0xfc0007ff, operands: ['VD', 'VA', 'VB'] });
row(Vmx.VSLDOI, { name: 'vsldoi', match: 0x1000002c, mask: 0xfc00043f, operands: ['VD', 'VA', 'VB', 'SHB'] });
row(Vmx.VSLDBI, { name: 'vsldbi', match: 0x10000016, mask: 0xfc00063f, operands: ['VD', 'VA', 'VB', 'SH3V'] });
row(Vmx.VSRDBI, { name: 'vsrdbi', match: 0x10000216, mask: 0xfc00063f, operands: ['VD', 'VA', 'VB', 'SH3V'] });
// ---- bit permute, polynomial multiply, crypto
row(Vmx.VBPERMQ, { name: 'vbpermq', match: 0x1000054c, mask: 0xfc0007ff, operands: ['VD', 'VA', 'VB'] });
row(Vmx.VBPERMD, { name: 'vbpermd', match: 0x100005cc, mask: 0xfc0007ff, operands: ['VD', 'VA', 'VB'] });
row(Vmx.VPMSUMB, { name: 'vpmsumb', match: 0x10000408, mask: 0xfc0007ff, operands: ['VD', 'VA', 'VB'] });
row(Vmx.VPMSUMH, { name: 'vpmsumh', match: 0x10000448, mask: 0xfc0007ff, operands: ['VD', 'VA', 'VB'] });
row(Vmx.VPMSUMW, { name: 'vpmsumw', match: 0x10000488, mask: 0xfc0007ff, operands: ['VD', 'VA', 'VB'] });
row(Vmx.VPMSUMD, { name: 'vpmsumd', match: 0x100004c8, mask: 0xfc0007ff, operands: ['VD', 'VA', 'VB'] });
row(Vmx.VCIPHER, { name: 'vcipher', match: 0x10000508, mask: 0xfc0007ff, operands: ['VD', 'VA', 'VB'] });
row(Vmx.VCIPHERLAST, { name: 'vcipherlast', match: 0x10000509, mask: 0xfc0007ff, operands: ['VD', 'VA', 'VB'] });
row(Vmx.VNCIPHER, { name: 'vncipher', match: 0x10000548, mask: 0xfc0007ff, operands: ['VD', 'VA', 'VB'] });
row(Vmx.VNCIPHERLAST, { name: 'vncipherlast', match: 0x10000549, mask: 0xfc0007ff, operands: ['VD', 'VA', 'VB'] });
row(Vmx.VSBOX, { name: 'vsbox', match: 0x100005c8, mask: 0xfc00ffff, operands: ['VD', 'VA'] });
row(Vmx.VSHASIGMAW, { name: 'vshasigmaw', match: 0x10000682, mask: 0xfc0007ff, operands: ['VD', 'VA', 'ST', 'SIX'] });
row(Vmx.VSHASIGMAD, { name: 'vshasigmad', match: 0x100006c2, mask: 0xfc0007ff, operands: ['VD', 'VA', 'ST', 'SIX'] });
// ---- compares (VC form: Rc in bit 0x400 sets CR6)
row(Vmx.VCMPEQUB, {
  name: 'vcmpequb',
  match: 0x10000006,
  mask: 0xfc0003ff,
  operands: ['VD', 'VA', 'VB'],
  rc: true,
  rcBit: 0x400,
});
row(Vmx.VCMPEQUH, {
  name: 'vcmpequh',
  match: 0x10000046,
  mask: 0xfc0003ff,
  operands: ['VD', 'VA', 'VB'],
  rc: true,
  rcBit: 0x400,
});
row(Vmx.VCMPEQUW, {
  name: 'vcmpequw',
  match: 0x10000086,
  mask: 0xfc0003ff,
  operands: ['VD', 'VA', 'VB'],
  rc: true,
  rcBit: 0x400,
});
row(Vmx.VCMPEQUD, {
  name: 'vcmpequd',
  match: 0x100000c7,
  mask: 0xfc0003ff,
  operands: ['VD', 'VA', 'VB'],
  rc: true,
  rcBit: 0x400,
});
row(Vmx.VCMPEQUQ, {
  name: 'vcmpequq',
  match: 0x100001c7,
  mask: 0xfc0003ff,
  operands: ['VD', 'VA', 'VB'],
  rc: true,
  rcBit: 0x400,
});
row(Vmx.VCMPGTUB, {
  name: 'vcmpgtub',
  match: 0x10000206,
  mask: 0xfc0003ff,
  operands: ['VD', 'VA', 'VB'],
  rc: true,
  rcBit: 0x400,
});
row(Vmx.VCMPGTUH, {
  name: 'vcmpgtuh',
  match: 0x10000246,
  mask: 0xfc0003ff,
  operands: ['VD', 'VA', 'VB'],
  rc: true,
  rcBit: 0x400,
});
row(Vmx.VCMPGTUW, {
  name: 'vcmpgtuw',
  match: 0x10000286,
  mask: 0xfc0003ff,
  operands: ['VD', 'VA', 'VB'],
  rc: true,
  rcBit: 0x400,
});
row(Vmx.VCMPGTUD, {
  name: 'vcmpgtud',
  match: 0x100002c7,
  mask: 0xfc0003ff,
  operands: ['VD', 'VA', 'VB'],
  rc: true,
  rcBit: 0x400,
});
row(Vmx.VCMPGTUQ, {
  name: 'vcmpgtuq',
  match: 0x10000287,
  mask: 0xfc0003ff,
  operands: ['VD', 'VA', 'VB'],
  rc: true,
  rcBit: 0x400,
});
row(Vmx.VCMPGTSB, {
  name: 'vcmpgtsb',
  match: 0x10000306,
  mask: 0xfc0003ff,
  operands: ['VD', 'VA', 'VB'],
  rc: true,
  rcBit: 0x400,
});
row(Vmx.VCMPGTSH, {
  name: 'vcmpgtsh',
  match: 0x10000346,
  mask: 0xfc0003ff,
  operands: ['VD', 'VA', 'VB'],
  rc: true,
  rcBit: 0x400,
});
row(Vmx.VCMPGTSW, {
  name: 'vcmpgtsw',
  match: 0x10000386,
  mask: 0xfc0003ff,
  operands: ['VD', 'VA', 'VB'],
  rc: true,
  rcBit: 0x400,
});
row(Vmx.VCMPGTSD, {
  name: 'vcmpgtsd',
  match: 0x100003c7,
  mask: 0xfc0003ff,
  operands: ['VD', 'VA', 'VB'],
  rc: true,
  rcBit: 0x400,
});
row(Vmx.VCMPGTSQ, {
  name: 'vcmpgtsq',
  match: 0x10000387,
  mask: 0xfc0003ff,
  operands: ['VD', 'VA', 'VB'],
  rc: true,
  rcBit: 0x400,
});
row(Vmx.VCMPNEB, {
  name: 'vcmpneb',
  match: 0x10000007,
  mask: 0xfc0003ff,
  operands: ['VD', 'VA', 'VB'],
  rc: true,
  rcBit: 0x400,
});
row(Vmx.VCMPNEH, {
  name: 'vcmpneh',
  match: 0x10000047,
  mask: 0xfc0003ff,
  operands: ['VD', 'VA', 'VB'],
  rc: true,
  rcBit: 0x400,
});
row(Vmx.VCMPNEW, {
  name: 'vcmpnew',
  match: 0x10000087,
  mask: 0xfc0003ff,
  operands: ['VD', 'VA', 'VB'],
  rc: true,
  rcBit: 0x400,
});
row(Vmx.VCMPNEZB, {
  name: 'vcmpnezb',
  match: 0x10000107,
  mask: 0xfc0003ff,
  operands: ['VD', 'VA', 'VB'],
  rc: true,
  rcBit: 0x400,
});
row(Vmx.VCMPNEZH, {
  name: 'vcmpnezh',
  match: 0x10000147,
  mask: 0xfc0003ff,
  operands: ['VD', 'VA', 'VB'],
  rc: true,
  rcBit: 0x400,
});
row(Vmx.VCMPNEZW, {
  name: 'vcmpnezw',
  match: 0x10000187,
  mask: 0xfc0003ff,
  operands: ['VD', 'VA', 'VB'],
  rc: true,
  rcBit: 0x400,
});
row(Vmx.VCMPEQFP, {
  name: 'vcmpeqfp',
  match: 0x100000c6,
  mask: 0xfc0003ff,
  operands: ['VD', 'VA', 'VB'],
  rc: true,
  rcBit: 0x400,
});
row(Vmx.VCMPGEFP, {
  name: 'vcmpgefp',
  match: 0x100001c6,
  mask: 0xfc0003ff,
  operands: ['VD', 'VA', 'VB'],
  rc: true,
  rcBit: 0x400,
});
row(Vmx.VCMPGTFP, {
  name: 'vcmpgtfp',
  match: 0x100002c6,
  mask: 0xfc0003ff,
  operands: ['VD', 'VA', 'VB'],
  rc: true,
  rcBit: 0x400,
});
row(Vmx.VCMPBFP, {
  name: 'vcmpbfp',
  match: 0x100003c6,
  mask: 0xfc0003ff,
  operands: ['VD', 'VA', 'VB'],
  rc: true,
  rcBit: 0x400,
});
row(Vmx.VCMPSQ, { name: 'vcmpsq', match: 0x10000141, mask: 0xfc6007ff, operands: ['BFV', 'VA', 'VB'] });
row(Vmx.VCMPUQ, { name: 'vcmpuq', match: 0x10000101, mask: 0xfc6007ff, operands: ['BFV', 'VA', 'VB'] });
// ---- logical
row(Vmx.VAND, { name: 'vand', match: 0x10000404, mask: 0xfc0007ff, operands: ['VD', 'VA', 'VB'] });
row(Vmx.VANDC, { name: 'vandc', match: 0x10000444, mask: 0xfc0007ff, operands: ['VD', 'VA', 'VB'] });
row(Vmx.VOR, { name: 'vor', match: 0x10000484, mask: 0xfc0007ff, operands: ['VD', 'VA', 'VB'] });
row(Vmx.VORC, { name: 'vorc', match: 0x10000544, mask: 0xfc0007ff, operands: ['VD', 'VA', 'VB'] });
row(Vmx.VXOR, { name: 'vxor', match: 0x100004c4, mask: 0xfc0007ff, operands: ['VD', 'VA', 'VB'] });
row(Vmx.VNOR, { name: 'vnor', match: 0x10000504, mask: 0xfc0007ff, operands: ['VD', 'VA', 'VB'] });
row(Vmx.VNAND, { name: 'vnand', match: 0x10000584, mask: 0xfc0007ff, operands: ['VD', 'VA', 'VB'] });
row(Vmx.VEQV, { name: 'veqv', match: 0x10000684, mask: 0xfc0007ff, operands: ['VD', 'VA', 'VB'] });
row(Vmx.VMR, {
  name: 'vmr',
  match: 0x10000484,
  mask: 0xfc0007ff,
  operands: ['VD', 'VA'],
  alias: 'vor',
  expand: dupA,
  matches: sameAB,
});
row(Vmx.VNOT, {
  name: 'vnot',
  match: 0x10000504,
  mask: 0xfc0007ff,
  operands: ['VD', 'VA'],
  alias: 'vnor',
  expand: dupA,
  matches: sameAB,
});
row(Vmx.VSEL, { name: 'vsel', match: 0x1000002a, mask: 0xfc00003f, operands: ['VD', 'VA', 'VB', 'VC'] });
row(Vmx.VPERM, { name: 'vperm', match: 0x1000002b, mask: 0xfc00003f, operands: ['VD', 'VA', 'VB', 'VC'] });
row(Vmx.VPERMR, { name: 'vpermr', match: 0x1000003b, mask: 0xfc00003f, operands: ['VD', 'VA', 'VB', 'VC'] });
row(Vmx.VPERMXOR, { name: 'vpermxor', match: 0x1000002d, mask: 0xfc00003f, operands: ['VD', 'VA', 'VB', 'VC'] });
// ---- merge, splat, pack, unpack
row(Vmx.VMRGHB, { name: 'vmrghb', match: 0x1000000c, mask: 0xfc0007ff, operands: ['VD', 'VA', 'VB'] });
row(Vmx.VMRGHH, { name: 'vmrghh', match: 0x1000004c, mask: 0xfc0007ff, operands: ['VD', 'VA', 'VB'] });
row(Vmx.VMRGHW, { name: 'vmrghw', match: 0x1000008c, mask: 0xfc0007ff, operands: ['VD', 'VA', 'VB'] });
row(Vmx.VMRGLB, { name: 'vmrglb', match: 0x1000010c, mask: 0xfc0007ff, operands: ['VD', 'VA', 'VB'] });
row(Vmx.VMRGLH, { name: 'vmrglh', match: 0x1000014c, mask: 0xfc0007ff, operands: ['VD', 'VA', 'VB'] });
row(Vmx.VMRGLW, { name: 'vmrglw', match: 0x1000018c, mask: 0xfc0007ff, operands: ['VD', 'VA', 'VB'] });
row(Vmx.VMRGEW, { name: 'vmrgew', match: 0x1000078c, mask: 0xfc0007ff, operands: ['VD', 'VA', 'VB'] });
row(Vmx.VMRGOW, { name: 'vmrgow', match: 0x1000068c, mask: 0xfc0007ff, operands: ['VD', 'VA', 'VB'] });
row(Vmx.VSPLTB, { name: 'vspltb', match: 0x1000020c, mask: 0xfc1007ff, operands: ['VD', 'VB', 'UIMM4'] });
row(Vmx.VSPLTH, { name: 'vsplth', match: 0x1000024c, mask: 0xfc1807ff, operands: ['VD', 'VB', 'UIMM3'] });
row(Vmx.VSPLTW, { name: 'vspltw', match: 0x1000028c, mask: 0xfc1c07ff, operands: ['VD', 'VB', 'UIMM2'] });
row(Vmx.VSPLTISB, { name: 'vspltisb', match: 0x1000030c, mask: 0xfc00ffff, operands: ['VD', 'SIMM5'] });
row(Vmx.VSPLTISH, { name: 'vspltish', match: 0x1000034c, mask: 0xfc00ffff, operands: ['VD', 'SIMM5'] });
row(Vmx.VSPLTISW, { name: 'vspltisw', match: 0x1000038c, mask: 0xfc00ffff, operands: ['VD', 'SIMM5'] });
row(Vmx.VPKUHUM, { name: 'vpkuhum', match: 0x1000000e, mask: 0xfc0007ff, operands: ['VD', 'VA', 'VB'] });
row(Vmx.VPKUWUM, { name: 'vpkuwum', match: 0x1000004e, mask: 0xfc0007ff, operands: ['VD', 'VA', 'VB'] });
row(Vmx.VPKUDUM, { name: 'vpkudum', match: 0x1000044e, mask: 0xfc0007ff, operands: ['VD', 'VA', 'VB'] });
row(Vmx.VPKUHUS, { name: 'vpkuhus', match: 0x1000008e, mask: 0xfc0007ff, operands: ['VD', 'VA', 'VB'] });
row(Vmx.VPKUWUS, { name: 'vpkuwus', match: 0x100000ce, mask: 0xfc0007ff, operands: ['VD', 'VA', 'VB'] });
row(Vmx.VPKUDUS, { name: 'vpkudus', match: 0x100004ce, mask: 0xfc0007ff, operands: ['VD', 'VA', 'VB'] });
row(Vmx.VPKSHUS, { name: 'vpkshus', match: 0x1000010e, mask: 0xfc0007ff, operands: ['VD', 'VA', 'VB'] });
row(Vmx.VPKSWUS, { name: 'vpkswus', match: 0x1000014e, mask: 0xfc0007ff, operands: ['VD', 'VA', 'VB'] });
row(Vmx.VPKSDUS, { name: 'vpksdus', match: 0x1000054e, mask: 0xfc0007ff, operands: ['VD', 'VA', 'VB'] });
row(Vmx.VPKSHSS, { name: 'vpkshss', match: 0x1000018e, mask: 0xfc0007ff, operands: ['VD', 'VA', 'VB'] });
row(Vmx.VPKSWSS, { name: 'vpkswss', match: 0x100001ce, mask: 0xfc0007ff, operands: ['VD', 'VA', 'VB'] });
row(Vmx.VPKSDSS, { name: 'vpksdss', match: 0x100005ce, mask: 0xfc0007ff, operands: ['VD', 'VA', 'VB'] });
row(Vmx.VPKPX, { name: 'vpkpx', match: 0x1000030e, mask: 0xfc0007ff, operands: ['VD', 'VA', 'VB'] });
row(Vmx.VUPKHSB, { name: 'vupkhsb', match: 0x1000020e, mask: 0xfc1f07ff, operands: ['VD', 'VB'] });
row(Vmx.VUPKHSH, { name: 'vupkhsh', match: 0x1000024e, mask: 0xfc1f07ff, operands: ['VD', 'VB'] });
row(Vmx.VUPKHSW, { name: 'vupkhsw', match: 0x1000064e, mask: 0xfc1f07ff, operands: ['VD', 'VB'] });
row(Vmx.VUPKLSB, { name: 'vupklsb', match: 0x1000028e, mask: 0xfc1f07ff, operands: ['VD', 'VB'] });
row(Vmx.VUPKLSH, { name: 'vupklsh', match: 0x100002ce, mask: 0xfc1f07ff, operands: ['VD', 'VB'] });
row(Vmx.VUPKLSW, { name: 'vupklsw', match: 0x100006ce, mask: 0xfc1f07ff, operands: ['VD', 'VB'] });
row(Vmx.VUPKHPX, { name: 'vupkhpx', match: 0x1000034e, mask: 0xfc1f07ff, operands: ['VD', 'VB'] });
row(Vmx.VUPKLPX, { name: 'vupklpx', match: 0x100003ce, mask: 0xfc1f07ff, operands: ['VD', 'VB'] });
// ---- extract and insert
row(Vmx.VEXTRACTUB, { name: 'vextractub', match: 0x1000020d, mask: 0xfc1007ff, operands: ['VD', 'VB', 'UIMM4'] });
row(Vmx.VEXTRACTUH, { name: 'vextractuh', match: 0x1000024d, mask: 0xfc1007ff, operands: ['VD', 'VB', 'UIMM4'] });
row(Vmx.VEXTRACTUW, { name: 'vextractuw', match: 0x1000028d, mask: 0xfc1007ff, operands: ['VD', 'VB', 'UIMM4'] });
row(Vmx.VEXTRACTD, { name: 'vextractd', match: 0x100002cd, mask: 0xfc1007ff, operands: ['VD', 'VB', 'UIMM4'] });
row(Vmx.VINSERTB, { name: 'vinsertb', match: 0x1000030d, mask: 0xfc1007ff, operands: ['VD', 'VB', 'UIMM4'] });
row(Vmx.VINSERTH, { name: 'vinserth', match: 0x1000034d, mask: 0xfc1007ff, operands: ['VD', 'VB', 'UIMM4'] });
row(Vmx.VINSERTW, { name: 'vinsertw', match: 0x1000038d, mask: 0xfc1007ff, operands: ['VD', 'VB', 'UIMM4'] });
row(Vmx.VINSERTD, { name: 'vinsertd', match: 0x100003cd, mask: 0xfc1007ff, operands: ['VD', 'VB', 'UIMM4'] });
row(Vmx.VEXTUBLX, { name: 'vextublx', match: 0x1000060d, mask: 0xfc0007ff, operands: ['RT', 'RA', 'VB'] });
row(Vmx.VEXTUBRX, { name: 'vextubrx', match: 0x1000070d, mask: 0xfc0007ff, operands: ['RT', 'RA', 'VB'] });
row(Vmx.VEXTUHLX, { name: 'vextuhlx', match: 0x1000064d, mask: 0xfc0007ff, operands: ['RT', 'RA', 'VB'] });
row(Vmx.VEXTUHRX, { name: 'vextuhrx', match: 0x1000074d, mask: 0xfc0007ff, operands: ['RT', 'RA', 'VB'] });
row(Vmx.VEXTUWLX, { name: 'vextuwlx', match: 0x1000068d, mask: 0xfc0007ff, operands: ['RT', 'RA', 'VB'] });
row(Vmx.VEXTUWRX, { name: 'vextuwrx', match: 0x1000078d, mask: 0xfc0007ff, operands: ['RT', 'RA', 'VB'] });
row(Vmx.VEXTDUBVLX, { name: 'vextdubvlx', match: 0x10000018, mask: 0xfc00003f, operands: ['VD', 'VA', 'VB', 'RCV'] });
row(Vmx.VEXTDUBVRX, { name: 'vextdubvrx', match: 0x10000019, mask: 0xfc00003f, operands: ['VD', 'VA', 'VB', 'RCV'] });
row(Vmx.VEXTDUHVLX, { name: 'vextduhvlx', match: 0x1000001a, mask: 0xfc00003f, operands: ['VD', 'VA', 'VB', 'RCV'] });
row(Vmx.VEXTDUHVRX, { name: 'vextduhvrx', match: 0x1000001b, mask: 0xfc00003f, operands: ['VD', 'VA', 'VB', 'RCV'] });
row(Vmx.VEXTDUWVLX, { name: 'vextduwvlx', match: 0x1000001c, mask: 0xfc00003f, operands: ['VD', 'VA', 'VB', 'RCV'] });
row(Vmx.VEXTDUWVRX, { name: 'vextduwvrx', match: 0x1000001d, mask: 0xfc00003f, operands: ['VD', 'VA', 'VB', 'RCV'] });
row(Vmx.VEXTDDVLX, { name: 'vextddvlx', match: 0x1000001e, mask: 0xfc00003f, operands: ['VD', 'VA', 'VB', 'RCV'] });
row(Vmx.VEXTDDVRX, { name: 'vextddvrx', match: 0x1000001f, mask: 0xfc00003f, operands: ['VD', 'VA', 'VB', 'RCV'] });
row(Vmx.VINSBLX, { name: 'vinsblx', match: 0x1000020f, mask: 0xfc0007ff, operands: ['VD', 'RA', 'RB'] });
row(Vmx.VINSBRX, { name: 'vinsbrx', match: 0x1000030f, mask: 0xfc0007ff, operands: ['VD', 'RA', 'RB'] });
row(Vmx.VINSHLX, { name: 'vinshlx', match: 0x1000024f, mask: 0xfc0007ff, operands: ['VD', 'RA', 'RB'] });
row(Vmx.VINSHRX, { name: 'vinshrx', match: 0x1000034f, mask: 0xfc0007ff, operands: ['VD', 'RA', 'RB'] });
row(Vmx.VINSWLX, { name: 'vinswlx', match: 0x1000028f, mask: 0xfc0007ff, operands: ['VD', 'RA', 'RB'] });
row(Vmx.VINSWRX, { name: 'vinswrx', match: 0x1000038f, mask: 0xfc0007ff, operands: ['VD', 'RA', 'RB'] });
row(Vmx.VINSDLX, { name: 'vinsdlx', match: 0x100002cf, mask: 0xfc0007ff, operands: ['VD', 'RA', 'RB'] });
row(Vmx.VINSDRX, { name: 'vinsdrx', match: 0x100003cf, mask: 0xfc0007ff, operands: ['VD', 'RA', 'RB'] });
row(Vmx.VINSBVLX, { name: 'vinsbvlx', match: 0x1000000f, mask: 0xfc0007ff, operands: ['VD', 'RA', 'VB'] });
row(Vmx.VINSBVRX, { name: 'vinsbvrx', match: 0x1000010f, mask: 0xfc0007ff, operands: ['VD', 'RA', 'VB'] });
row(Vmx.VINSHVLX, { name: 'vinshvlx', match: 0x1000004f, mask: 0xfc0007ff, operands: ['VD', 'RA', 'VB'] });
row(Vmx.VINSHVRX, { name: 'vinshvrx', match: 0x1000014f, mask: 0xfc0007ff, operands: ['VD', 'RA', 'VB'] });
row(Vmx.VINSWVLX, { name: 'vinswvlx', match: 0x1000008f, mask: 0xfc0007ff, operands: ['VD', 'RA', 'VB'] });
row(Vmx.VINSWVRX, { name: 'vinswvrx', match: 0x1000018f, mask: 0xfc0007ff, operands: ['VD', 'RA', 'VB'] });
row(Vmx.VINSW, { name: 'vinsw', match: 0x100000cf, mask: 0xfc1007ff, operands: ['VD', 'RB', 'UIMM4'] });
row(Vmx.VINSD, { name: 'vinsd', match: 0x100001cf, mask: 0xfc1007ff, operands: ['VD', 'RB', 'UIMM4'] });
// ---- POWER10 masks, strings, clear
row(Vmx.VEXPANDBM, { name: 'vexpandbm', match: 0x10000642, mask: 0xfc1f07ff, operands: ['VD', 'VB'] });
row(Vmx.VEXPANDHM, { name: 'vexpandhm', match: 0x10010642, mask: 0xfc1f07ff, operands: ['VD', 'VB'] });
row(Vmx.VEXPANDWM, { name: 'vexpandwm', match: 0x10020642, mask: 0xfc1f07ff, operands: ['VD', 'VB'] });
row(Vmx.VEXPANDDM, { name: 'vexpanddm', match: 0x10030642, mask: 0xfc1f07ff, operands: ['VD', 'VB'] });
row(Vmx.VEXPANDQM, { name: 'vexpandqm', match: 0x10040642, mask: 0xfc1f07ff, operands: ['VD', 'VB'] });
row(Vmx.VEXTRACTBM, { name: 'vextractbm', match: 0x10080642, mask: 0xfc1f07ff, operands: ['RT', 'VB'] });
row(Vmx.VEXTRACTHM, { name: 'vextracthm', match: 0x10090642, mask: 0xfc1f07ff, operands: ['RT', 'VB'] });
row(Vmx.VEXTRACTWM, { name: 'vextractwm', match: 0x100a0642, mask: 0xfc1f07ff, operands: ['RT', 'VB'] });
row(Vmx.VEXTRACTDM, { name: 'vextractdm', match: 0x100b0642, mask: 0xfc1f07ff, operands: ['RT', 'VB'] });
row(Vmx.VEXTRACTQM, { name: 'vextractqm', match: 0x100c0642, mask: 0xfc1f07ff, operands: ['RT', 'VB'] });
row(Vmx.MTVSRBM, { name: 'mtvsrbm', match: 0x10100642, mask: 0xfc1f07ff, operands: ['VD', 'RB'] });
row(Vmx.MTVSRHM, { name: 'mtvsrhm', match: 0x10110642, mask: 0xfc1f07ff, operands: ['VD', 'RB'] });
row(Vmx.MTVSRWM, { name: 'mtvsrwm', match: 0x10120642, mask: 0xfc1f07ff, operands: ['VD', 'RB'] });
row(Vmx.MTVSRDM, { name: 'mtvsrdm', match: 0x10130642, mask: 0xfc1f07ff, operands: ['VD', 'RB'] });
row(Vmx.MTVSRQM, { name: 'mtvsrqm', match: 0x10140642, mask: 0xfc1f07ff, operands: ['VD', 'RB'] });
row(Vmx.MTVSRBMI, { name: 'mtvsrbmi', match: 0x10000014, mask: 0xfc00003e, operands: ['VD', 'BM16'] });
row(Vmx.VCNTMBB, { name: 'vcntmbb', match: 0x10180642, mask: 0xfc1e07ff, operands: ['RT', 'VB', 'MP'] });
row(Vmx.VCNTMBH, { name: 'vcntmbh', match: 0x101a0642, mask: 0xfc1e07ff, operands: ['RT', 'VB', 'MP'] });
row(Vmx.VCNTMBW, { name: 'vcntmbw', match: 0x101c0642, mask: 0xfc1e07ff, operands: ['RT', 'VB', 'MP'] });
row(Vmx.VCNTMBD, { name: 'vcntmbd', match: 0x101e0642, mask: 0xfc1e07ff, operands: ['RT', 'VB', 'MP'] });
row(Vmx.VGNB, { name: 'vgnb', match: 0x100004cc, mask: 0xfc1807ff, operands: ['RT', 'VB', 'N3'] });
row(Vmx.VSTRIBL, {
  name: 'vstribl',
  match: 0x1000000d,
  mask: 0xfc1f03ff,
  operands: ['VD', 'VB'],
  rc: true,
  rcBit: 0x400,
});
row(Vmx.VSTRIBR, {
  name: 'vstribr',
  match: 0x1001000d,
  mask: 0xfc1f03ff,
  operands: ['VD', 'VB'],
  rc: true,
  rcBit: 0x400,
});
row(Vmx.VSTRIHL, {
  name: 'vstrihl',
  match: 0x1002000d,
  mask: 0xfc1f03ff,
  operands: ['VD', 'VB'],
  rc: true,
  rcBit: 0x400,
});
row(Vmx.VSTRIHR, {
  name: 'vstrihr',
  match: 0x1003000d,
  mask: 0xfc1f03ff,
  operands: ['VD', 'VB'],
  rc: true,
  rcBit: 0x400,
});
row(Vmx.VCLRLB, { name: 'vclrlb', match: 0x1000018d, mask: 0xfc0007ff, operands: ['VD', 'VA', 'RB'] });
row(Vmx.VCLRRB, { name: 'vclrrb', match: 0x100001cd, mask: 0xfc0007ff, operands: ['VD', 'VA', 'RB'] });
// ---- float (VMX: single precision, VSCR[NJ])
row(Vmx.VADDFP, { name: 'vaddfp', match: 0x1000000a, mask: 0xfc0007ff, operands: ['VD', 'VA', 'VB'] });
row(Vmx.VSUBFP, { name: 'vsubfp', match: 0x1000004a, mask: 0xfc0007ff, operands: ['VD', 'VA', 'VB'] });
row(Vmx.VMAXFP, { name: 'vmaxfp', match: 0x1000040a, mask: 0xfc0007ff, operands: ['VD', 'VA', 'VB'] });
row(Vmx.VMINFP, { name: 'vminfp', match: 0x1000044a, mask: 0xfc0007ff, operands: ['VD', 'VA', 'VB'] });
row(Vmx.VMADDFP, { name: 'vmaddfp', match: 0x1000002e, mask: 0xfc00003f, operands: ['VD', 'VA', 'VC', 'VB'] });
row(Vmx.VNMSUBFP, { name: 'vnmsubfp', match: 0x1000002f, mask: 0xfc00003f, operands: ['VD', 'VA', 'VC', 'VB'] });
row(Vmx.VREFP, { name: 'vrefp', match: 0x1000010a, mask: 0xfc1f07ff, operands: ['VD', 'VB'] });
row(Vmx.VRSQRTEFP, { name: 'vrsqrtefp', match: 0x1000014a, mask: 0xfc1f07ff, operands: ['VD', 'VB'] });
row(Vmx.VEXPTEFP, { name: 'vexptefp', match: 0x1000018a, mask: 0xfc1f07ff, operands: ['VD', 'VB'] });
row(Vmx.VLOGEFP, { name: 'vlogefp', match: 0x100001ca, mask: 0xfc1f07ff, operands: ['VD', 'VB'] });
row(Vmx.VRFIN, { name: 'vrfin', match: 0x1000020a, mask: 0xfc1f07ff, operands: ['VD', 'VB'] });
row(Vmx.VRFIZ, { name: 'vrfiz', match: 0x1000024a, mask: 0xfc1f07ff, operands: ['VD', 'VB'] });
row(Vmx.VRFIP, { name: 'vrfip', match: 0x1000028a, mask: 0xfc1f07ff, operands: ['VD', 'VB'] });
row(Vmx.VRFIM, { name: 'vrfim', match: 0x100002ca, mask: 0xfc1f07ff, operands: ['VD', 'VB'] });
row(Vmx.VCFUX, { name: 'vcfux', match: 0x1000030a, mask: 0xfc0007ff, operands: ['VD', 'VB', 'UIMM5'] });
row(Vmx.VCFSX, { name: 'vcfsx', match: 0x1000034a, mask: 0xfc0007ff, operands: ['VD', 'VB', 'UIMM5'] });
row(Vmx.VCTUXS, { name: 'vctuxs', match: 0x1000038a, mask: 0xfc0007ff, operands: ['VD', 'VB', 'UIMM5'] });
row(Vmx.VCTSXS, { name: 'vctsxs', match: 0x100003ca, mask: 0xfc0007ff, operands: ['VD', 'VB', 'UIMM5'] });
// ---- VSCR, and primary-4 fixed-point multiply-add
row(Vmx.MFVSCR, { name: 'mfvscr', match: 0x10000604, mask: 0xfc1fffff, operands: ['VD'] });
row(Vmx.MTVSCR, { name: 'mtvscr', match: 0x10000644, mask: 0xffff07ff, operands: ['VB'] });
row(Vmx.MADDHD, { name: 'maddhd', match: 0x10000030, mask: 0xfc00003f, operands: ['RT', 'RA', 'RB', 'RCV'] });
row(Vmx.MADDHDU, { name: 'maddhdu', match: 0x10000031, mask: 0xfc00003f, operands: ['RT', 'RA', 'RB', 'RCV'] });
row(Vmx.MADDLD, { name: 'maddld', match: 0x10000033, mask: 0xfc00003f, operands: ['RT', 'RA', 'RB', 'RCV'] });

export const VMX_DEFS: FamilyDefs = { name: 'vmx', base: VMX_BASE, defs: rows };
