/* 128-bit integers in programs: printing by repeated division, factorials and Fibonacci up to the limit,
   modular exponentiation for Miller-Rabin, signed division/remainder signs, shifts, parsing from text.
   SPDX-License-Identifier: MIT */
#include <stdio.h>
#include <string.h>
#include <stdint.h>

typedef unsigned __int128 u128; typedef __int128 i128;
static char *fmt(i128 v, char *buf) {
  char t[48]; int n = 0, neg = v < 0; u128 u = neg ? -(u128)v : (u128)v;
  do { t[n++] = '0' + (int)(u % 10); u /= 10; } while (u);
  char *p = buf; if (neg) *p++ = '-'; while (n) *p++ = t[--n]; *p = 0; return buf;
}
static u128 parse(const char *s) { u128 v = 0; while (*s) v = v * 10 + (u128)(*s++ - '0'); return v; }
static uint64_t mulmod(uint64_t a, uint64_t b, uint64_t m) { return (uint64_t)((u128)a * b % m); }
static uint64_t powmod(uint64_t b, uint64_t e, uint64_t m) { uint64_t r = 1; b %= m; while (e) { if (e & 1) r = mulmod(r, b, m); b = mulmod(b, b, m); e >>= 1; } return r; }
static int prime(uint64_t n) {
  if (n < 2) return 0; for (uint64_t p = 2; p < 38; p++) if (n % p == 0) return n == p;
  uint64_t d = n - 1; int s = 0; while (!(d & 1)) { d >>= 1; s++; }
  const uint64_t w[] = {2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37};
  for (int i = 0; i < 12; i++) { uint64_t x = powmod(w[i], d, n); if (x == 1 || x == n - 1) continue; int ok = 0;
    for (int r = 1; r < s && !ok; r++) { x = mulmod(x, x, n); ok = x == n - 1; } if (!ok) return 0; }
  return 1;
}
#include <stdint.h>

int main(void) {
  char b[64], c[64];
  u128 f = 1; int k = 1; while (f * (k + 1) / (k + 1) == f && k < 40) { f *= ++k; if (k >= 25) printf("%d! = %s\n", k, fmt((i128)f, b)); if ((i128)f < 0) break; }
  u128 x = 0, y = 1; int n = 0; while (y >= x) { u128 t = x + y; x = y; y = t; n++; } printf("fib overflow after %d steps: %s\n", n, fmt((i128)(x >> 1), b));
  i128 vals[] = {-7, 7}; i128 ds[] = {2, -2};
  for (int i = 0; i < 2; i++) for (int j = 0; j < 2; j++) printf("%s / %s = %s r %s\n", fmt(vals[i], b), fmt(ds[j], c), fmt(vals[i] / ds[j], b + 20), fmt(vals[i] % ds[j], c + 20));
  i128 big = (i128)parse("170141183460469231731687303715884105727");
  printf("max=%s max+1 wraps negative=%d\n", fmt(big, b), (i128)((u128)big + 1) < 0);
  printf("shift: %s %s\n", fmt((i128)((u128)1 << 100), b), fmt(-((i128)1 << 126) >> 120, c));
  uint64_t cands[] = {1000000007ULL, 18446744073709551557ULL, 18446744073709551559ULL, 4611686018427387847ULL, 3215031751ULL, 341550071728321ULL};
  for (int i = 0; i < 6; i++) printf("%llu %s\n", (unsigned long long)cands[i], prime(cands[i]) ? "prime" : "composite");
  u128 m = parse("340282366920938463463374607431768211455"); printf("umax=%s\n", fmt((i128)(m >> 1), b));
  printf("cmp %d %d\n", (u128)-1 > (u128)1, (i128)-1 < (i128)1);
  double dd = (double)m; long double ld = (long double)(i128)(m >> 1); printf("to double %.17g to ld %.20Lg\n", dd, ld);
  i128 fromd = (i128)-1e30; printf("from double %s\n", fmt(fromd, b));
  return 0;
}
