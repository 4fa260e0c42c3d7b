/* POWER builtins per CPU level (each variant prints what its -mcpu provides): AltiVec/VSX intrinsics on every
   level, ISA 3.0 ones under _ARCH_PWR9 (vec_cmpne, vec_cnttz, vec_xl_len, vec_absd, darn-free), ISA 3.1 ones
   under _ARCH_PWR10 (vec_pdep/pext, vec_cfuge, vec_cntlzm, vec_genbm, vec_extractm, vec_expandm, vec_blendv,
   vec_ternarylogic, vec_splati, vec_insertl, vec_mod, vec_mulh, vec_dive, byte-reverse and set-boolean code).
   SPDX-License-Identifier: MIT */
#include <stdio.h>
#include <stdint.h>
#include <altivec.h>

static void pu32(const char *n, vector unsigned int v) { printf("%-10s %08x %08x %08x %08x\n", n, v[0], v[1], v[2], v[3]); }
static void pu64(const char *n, vector unsigned long long v) { printf("%-10s %016llx %016llx\n", n, v[0], v[1]); }
static void pu8(const char *n, vector unsigned char v) { printf("%-10s", n); for (int i = 0; i < 16; i++) printf(" %02x", v[i]); printf("\n"); }
__attribute__((noinline)) static int setb(long a, long b) { return (a < b) + 2 * (a == b) + 4 * (a > b); }
__attribute__((noinline)) static uint32_t rev32(uint32_t x) { return __builtin_bswap32(x); }

int main(void) {
  vector unsigned int a = {1, 2, 0xfffffffe, 0x80000000}, b = {5, 2, 3, 0x7fffffff};
  pu32("add", vec_add(a, b)); pu32("sub", vec_sub(a, b)); pu32("max", vec_max(a, b)); pu32("min", vec_min(a, b));
  pu32("cmpeq", (vector unsigned int)vec_cmpeq(a, b)); pu32("avg", vec_avg(a, b)); pu32("rl", vec_rl(a, b));
  pu32("sl", vec_sl(a, b)); pu32("sr", vec_sr(a, b)); pu32("mergeh", vec_mergeh(a, b)); pu32("perm", vec_perm(a, b, (vector unsigned char){0, 1, 2, 3, 16, 17, 18, 19, 12, 13, 14, 15, 28, 29, 30, 31}));
  vector double d = {1.5, -2.25}; vector double e = vec_madd(d, d, d); printf("madd %g %g sqrt %g\n", e[0], e[1], vec_sqrt((vector double){2.0, 9.0})[1]);
  vector unsigned char c = vec_splats((unsigned char)0x5a); pu8("splats", c);
  pu64("mule", (vector unsigned long long)vec_mule(a, b));
  printf("setb %d %d %d rev %08x\n", setb(1, 2), setb(2, 2), setb(3, 2), rev32(0x11223344));
#ifdef _ARCH_PWR9
  pu32("cmpne", (vector unsigned int)vec_cmpne(a, b)); pu32("cnttz", vec_cnttz(a)); pu32("absd", vec_absd(a, b));
  unsigned char buf[16] = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16};
  pu8("xl_len", vec_xl_len(buf, 5)); pu32("rlmi", vec_rlmi(a, b, (vector unsigned int){0x1f0800, 0x1f0800, 0x1f0800, 0x1f0800}));
  printf("first_match %d\n", vec_first_match_index((vector unsigned char){1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16}, (vector unsigned char){0, 0, 0, 4}));
#endif
#ifdef _ARCH_PWR10
  vector unsigned long long x = {0xf0f0f0f0f0f0f0f0ull, 0x123456789abcdef0ull}, m = {0xff00ff00ff00ff00ull, 0x0f0f0f0f0f0f0f0full};
  pu64("pdep", vec_pdep(x, m)); pu64("pext", vec_pext(x, m)); pu64("cfuge", vec_cfuge(x, m)); pu64("cntlzm", vec_cntlzm(x, m)); pu64("cnttzm", vec_cnttzm(x, m));
  pu8("genbm", vec_genbm(0xa5c3)); printf("extractm %x %x\n", vec_extractm((vector unsigned char){0x80, 0, 0x80, 0x81, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff}), vec_extractm(a));
  pu32("expandm", vec_expandm(a)); pu32("blendv", vec_blendv(a, b, (vector unsigned int){0, 0xffffffff, 0, 0x80000000}));
  pu32("ternary", vec_ternarylogic(a, b, (vector unsigned int){0xff, 0xff00, 0xff0000, 0xff000000}, 0x96));
  pu32("splati", (vector unsigned int)vec_splati(0x12345)); pu32("insertl", vec_insertl(7u, a, 4)); pu32("mod", vec_mod(b, (vector unsigned int){3, 5, 7, 9}));
  pu32("mulh", vec_mulh(a, b)); pu32("dive", vec_dive(a, (vector unsigned int){3, 5, 7, 9})); pu32("sldb", vec_sldb(a, b, 3));
  vector double sd = vec_splatid(2.5f); printf("splatid %g %g\n", sd[0], sd[1]);
  printf("pdepd scalar %llx cntlzdm %llu\n", (unsigned long long)__builtin_pdepd(0xabcdull, 0xf0f0f0f0ull), (unsigned long long)__builtin_cntlzdm(0x00ff00ffull, 0xffff0000ffffull));
#endif
  return 0;
}
