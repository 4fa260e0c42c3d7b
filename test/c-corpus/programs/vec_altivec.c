// AltiVec/VSX intrinsics from altivec.h (available on POWER8 and later): vec_add/sub/mul on ints and
// floats, vec_madd, vec_perm, vec_splat, vec_cmpgt/vec_sel, vec_sums, vec_max/min, loads and stores of
// aligned arrays, double-precision vector ops, and byte reversal.
// SPDX-License-Identifier: MIT
#include <stdio.h>
#include <altivec.h>

static void pi4(const char *l, vector signed int v) { printf("%s %d %d %d %d\n", l, v[0], v[1], v[2], v[3]); }
static void pf4(const char *l, vector float v) { printf("%s %g %g %g %g\n", l, (double)v[0], (double)v[1], (double)v[2], (double)v[3]); }

int main(void) {
  vector signed int a = {1, -2, 3, -4}, b = {10, 20, 30, 40};
  pi4("add", vec_add(a, b)); pi4("sub", vec_sub(a, b)); pi4("mul", a * b);
  pi4("max", vec_max(a, b)); pi4("min", vec_min(a, vec_splat(a, 2)));
  pi4("abs", vec_abs(a));
  vector bool int gt = vec_cmpgt(a, vec_splats(0));
  pi4("select", vec_sel(b, a, gt));
  pi4("sums", vec_sums(a, vec_splats(100)));
  pi4("and/or/xor", vec_xor(vec_and(a, b), vec_or(a, vec_splats(1))));
  pi4("shift", vec_sl(b, vec_splats(3u)));
  vector float fa = {1.5f, -2.25f, 3.0f, 0.1f}, fb = {2.0f, 4.0f, -1.0f, 10.0f};
  pf4("fadd", vec_add(fa, fb)); pf4("fmadd", vec_madd(fa, fb, fa)); pf4("fmax", vec_max(fa, fb));
  pf4("floor", vec_floor(fa)); pf4("ceil", vec_ceil(fa)); pf4("round", vec_round(fa));
  pi4("cts", vec_cts(vec_mul(fa, vec_splats(4.0f)), 0));
  pf4("ctf", vec_ctf(b, 1));
  vector unsigned char bytes = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15};
  vector unsigned char rev = {15, 14, 13, 12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1, 0};
  vector unsigned char perm = vec_perm(bytes, vec_splats((unsigned char)0xaa), rev);
  printf("perm"); for (int i = 0; i < 16; i++) printf(" %d", perm[i]); printf("\n");
  vector double da = {0.5, -1e100}, db = {0.25, 3.0};
  vector double dm = vec_madd(da, db, db);
  printf("double %g %g, div %g %g, sqrt %g\n", dm[0], dm[1], vec_div(db, da)[0], vec_div(db, da)[1], vec_sqrt(db)[1]);
  int arr[8] __attribute__((aligned(16))) = {1, 2, 3, 4, 5, 6, 7, 8}, out[8] __attribute__((aligned(16)));
  vector signed int acc = vec_splats(0);
  for (int i = 0; i < 8; i += 4) { vector signed int v = vec_ld(0, &arr[i]); acc = vec_add(acc, v); vec_st(vec_mul(v, v), 0, &out[i]); }
  pi4("acc", acc);
  printf("squares"); for (int i = 0; i < 8; i++) printf(" %d", out[i]); printf("\n");
  vector unsigned short hs = {1, 2, 3, 4, 65535, 32768, 7, 8};
  vector unsigned short hsum = vec_adds(hs, vec_splats((unsigned short)40000));
  printf("saturating"); for (int i = 0; i < 8; i++) printf(" %u", hsum[i]); printf("\n");
  vector unsigned char packed = vec_packsu(vec_splats((unsigned short)300), vec_splats((unsigned short)5));
  printf("packsu %u %u\n", packed[0], packed[15]);
  return 0;
}
