/* Decimal floating point (_Decimal32/_Decimal64/_Decimal128), which GCC compiles to POWER's DFP instructions:
   exact decimal sums (0.1 * 10), rounding to a quantum, comparisons, conversions to and from binary and integers.
   The values are printed through conversions to integers and doubles (glibc's printf has no %D).
   SPDX-License-Identifier: MIT */
#include <stdio.h>

static void show(const char *n, _Decimal64 v) {
  long long scaled = (long long)(v * 1E6DD);
  printf("%-10s %lld (x1e6) as double %.17g\n", n, scaled, (double)v);
}

int main(void) {
  _Decimal64 tenth = 0.1DD, s = 0;
  for (int i = 0; i < 10; i++) s += tenth;
  printf("sum of ten 0.1 == 1: %d (binary: %d)\n", s == 1.0DD, 0.1 * 10 == 1.0);
  show("sum", s);
  show("1/3", 1.0DD / 3);
  show("2/3*3", (2.0DD / 3) * 3);
  _Decimal64 price = 19.99DD, qty = 3, tax = 0.0825DD;
  show("subtotal", price * qty);
  show("tax", price * qty * tax);
  _Decimal128 big = 12345678901234567890.123456789DL;
  printf("d128 int part %lld frac x1e9 %lld\n", (long long)(big / 1E9DL), (long long)((big - (long long)big) * 1E9DL));
  _Decimal32 f = 1.5DF; f = f * f * f;
  printf("d32 cube x1000 = %d\n", (int)(f * 1000));
  printf("compare %d %d %d\n", 0.3DD > 0.2DD, 1.10DD == 1.1DD, -0.0DD == 0.0DD);
  double bin = 0.1; _Decimal64 fromb = bin; printf("from binary 0.1 x1e17 = %lld\n", (long long)(fromb * 1E17DD));
  long long n = 123456789012345LL; _Decimal64 dn = n; printf("from int back %lld\n", (long long)(dn + 1));
  _Decimal64 acc = 1; for (int i = 1; i <= 20; i++) acc *= i; printf("20! = %lld\n", (long long)acc);
  return 0;
}
