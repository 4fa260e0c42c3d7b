// A tiny instruction encoder for the interpreter's unit tests (independent of the assembler).
// Field helpers take register numbers and immediates as the ISA's fields.
export const D = (p: number, rt: number, ra: number, imm: number) =>
  ((p << 26) | (rt << 21) | (ra << 16) | (imm & 0xffff)) >>> 0;
export const DS = (p: number, rt: number, ra: number, imm: number, xo: number) =>
  ((p << 26) | (rt << 21) | (ra << 16) | (imm & 0xfffc) | xo) >>> 0;
export const X = (xo: number, rt: number, ra: number, rb: number, rc = 0) =>
  ((31 << 26) | (rt << 21) | (ra << 16) | (rb << 11) | (xo << 1) | rc) >>> 0;
export const XO = (xo: number, rt: number, ra: number, rb: number, oe = 0, rc = 0) =>
  ((31 << 26) | (rt << 21) | (ra << 16) | (rb << 11) | (oe << 10) | (xo << 1) | rc) >>> 0;
export const XL = (xo: number, bt: number, ba: number, bb: number, lk = 0) =>
  ((19 << 26) | (bt << 21) | (ba << 16) | (bb << 11) | (xo << 1) | lk) >>> 0;
export const M = (p: number, rs: number, ra: number, sh: number, mb: number, me: number, rc = 0) =>
  ((p << 26) | (rs << 21) | (ra << 16) | (sh << 11) | (mb << 6) | (me << 1) | rc) >>> 0;
export const MD = (xo: number, rs: number, ra: number, sh: number, mb: number, rc = 0) =>
  ((30 << 26) |
    (rs << 21) |
    (ra << 16) |
    ((sh & 31) << 11) |
    ((mb & 31) << 6) |
    ((mb >> 5) << 5) |
    (xo << 2) |
    ((sh >> 5) << 1) |
    rc) >>>
  0;

export const addi = (rt: number, ra: number, si: number) => D(14, rt, ra, si);
export const li = (rt: number, si: number) => D(14, rt, 0, si);
export const addis = (rt: number, ra: number, si: number) => D(15, rt, ra, si);
export const ori = (ra: number, rs: number, ui: number) => D(24, rs, ra, ui);
export const add = (rt: number, ra: number, rb: number, oe = 0, rc = 0) => XO(266, rt, ra, rb, oe, rc);
export const subf = (rt: number, ra: number, rb: number, oe = 0, rc = 0) => XO(40, rt, ra, rb, oe, rc);
export const ld = (rt: number, ds: number, ra: number) => DS(58, rt, ra, ds, 0);
export const std = (rs: number, ds: number, ra: number) => DS(62, rs, ra, ds, 0);
export const cmpd = (bf: number, ra: number, rb: number) => X(0, (bf << 2) | 1, ra, rb);
export const cmpdi = (bf: number, ra: number, si: number) => D(11, (bf << 2) | 1, ra, si);
export const cmpwi = (bf: number, ra: number, si: number) => D(11, bf << 2, ra, si);
export const b = (disp: number, lk = 0) => ((18 << 26) | (disp & 0x03fffffc) | lk) >>> 0;
export const bc = (bo: number, bi: number, disp: number, lk = 0) =>
  ((16 << 26) | (bo << 21) | (bi << 16) | (disp & 0xfffc) | lk) >>> 0;
export const bne = (disp: number, cr = 0) => bc(4, cr * 4 + 2, disp);
export const beq = (disp: number, cr = 0) => bc(12, cr * 4 + 2, disp);
export const bdnz = (disp: number) => bc(16, 0, disp);
export const blr = () => XL(16, 20, 0, 0);
export const mtspr = (spr: number, rs: number) => X(467, rs, spr & 31, spr >> 5);
export const mfspr = (rt: number, spr: number) => X(339, rt, spr & 31, spr >> 5);
export const mtctr = (rs: number) => mtspr(9, rs);
export const mtlr = (rs: number) => mtspr(8, rs);
export const mflr = (rt: number) => mfspr(rt, 8);
export const mfxer = (rt: number) => mfspr(rt, 1);
export const mtxer = (rs: number) => mtspr(1, rs);
export const mfcr = (rt: number) => X(19, rt, 0, 0);
export const sc = () => 0x44000002;
export const trap = () => X(4, 31, 0, 0);
export const nop = () => ori(0, 0, 0);
