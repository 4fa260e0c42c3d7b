// 128-bit integers: multiply, divide, modulo, shifts, compare, printed by manual decimal/hex conversion.
// SPDX-License-Identifier: MIT
#include <stdio.h>
#include <string.h>

typedef unsigned __int128 u128;
typedef __int128 s128;

static void print_u128(u128 v) {
  char buf[48];
  int i = sizeof buf - 1;
  buf[i] = 0;
  do { buf[--i] = (char)('0' + (int)(v % 10)); v /= 10; } while (v);
  fputs(buf + i, stdout);
}
static void print_s128(s128 v) {
  if (v < 0) { putchar('-'); print_u128(-(u128)v); } else print_u128((u128)v);
}
static void print_hex(u128 v) { printf("%016llx%016llx", (unsigned long long)(v >> 64), (unsigned long long)v); }

static u128 factorial(int n) { u128 r = 1; for (int i = 2; i <= n; i++) r *= (u128)i; return r; }

static u128 isqrt(u128 n) {
  if (n < 2) return n;
  u128 x = (n >> 64) ? (u128)1 << 64 : n; // at least sqrt(n), and x + n/x cannot overflow
  u128 y = (x + n / x) / 2;
  while (y < x) { x = y; y = (x + n / x) / 2; }
  return x;
}

static u128 powmod(u128 b, u128 e, u128 m) {
  u128 r = 1; b %= m;
  while (e) { if (e & 1) r = r * b % m; b = b * b % m; e >>= 1; }
  return r;
}

int main(void) {
  for (int n = 20; n <= 34; n += 2) { printf("%d! = ", n); print_u128(factorial(n)); putchar('\n'); }
  u128 max = ~(u128)0;
  printf("u128 max = "); print_u128(max); printf(" = 0x"); print_hex(max); putchar('\n');
  s128 smin = (s128)((u128)1 << 127);
  printf("s128 min = "); print_s128(smin); putchar('\n');
  volatile unsigned long long a = 0xfedcba9876543210ULL, b = 0x0123456789abcdefULL;
  u128 p = (u128)a * b;
  printf("a*b = 0x"); print_hex(p); printf(" = "); print_u128(p); putchar('\n');
  printf("p / b = 0x%llx, p %% 1000000007 = ", (unsigned long long)(p / b)); print_u128(p % 1000000007u); putchar('\n');
  s128 s = -(s128)p / 12345;
  printf("-p / 12345 = "); print_s128(s); printf(", -p %% 12345 = "); print_s128(-(s128)p % 12345); putchar('\n');
  printf("isqrt(p) = "); print_u128(isqrt(p)); putchar('\n');
  printf("isqrt(max) = "); print_u128(isqrt(max)); putchar('\n');
  u128 m = ((u128)1 << 89) - 1; // a Mersenne prime
  printf("3^(m-1) mod m = "); print_u128(powmod(3, m - 1, (u128)0xffffffffffffffc5ULL)); putchar('\n');
  for (int sh = 0; sh < 128; sh += 37) { printf("p<<%d=", sh); print_hex(p << sh); printf(" p>>%d=", sh); print_hex(p >> sh); printf(" s>>%d=", sh); print_hex((u128)(s >> sh)); putchar('\n'); }
  printf("cmp %d %d %d\n", p > (u128)a, s < 0, (s128)p > s);
  volatile double d = 1e30;
  u128 fd = (u128)d;
  printf("(u128)1e30 = "); print_u128(fd); printf(", back %.17g\n", (double)fd);
  s128 neg = (s128)-1e25;
  printf("(s128)-1e25 = "); print_s128(neg); printf(", as float %.9g\n", (float)neg);
  return 0;
}
