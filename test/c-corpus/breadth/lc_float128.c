/* _Float128 (IEEE quad, software or power9 hardware): arithmetic, strfromf128/strtof128, conversions.
   SPDX-License-Identifier: MIT */
#define __STDC_WANT_IEC_60559_TYPES_EXT__ 1
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void show(const char *what, _Float128 v) {
  char buf[96];
  strfromf128(buf, sizeof buf, "%.36g", v);
  printf("%-10s %s\n", what, buf);
}

int main(void) {
  _Float128 third = (_Float128)1 / 3, x = 2;
  show("1/3", third);
  show("1/3*3", third * 3);
  _Float128 r = 1;
  for (int i = 0; i < 60; i++) r = (r + x / r) / 2;
  show("sqrt2", r);
  show("r*r-2", r * r - 2);
  _Float128 f = 1;
  for (int i = 1; i <= 30; i++) f *= i;
  show("30!", f);
  show("eps", __FLT128_EPSILON__);
  show("max", __FLT128_MAX__);
  show("min", __FLT128_MIN__);
  show("denorm", __FLT128_DENORM_MIN__);
  _Float128 y = strtof128("1.000000000000000000000000000000001", 0);
  show("strto", y);
  show("strto-1", y - 1);
  char buf[64];
  strfromf128(buf, sizeof buf, "%a", (_Float128)0.1);
  printf("hex %s\n", buf);
  strfromf128(buf, sizeof buf, "%e", (_Float128)-12345.678);
  printf("e %s\n", buf);
  double d = (double)third; long long ll = (long long)(third * 1e30);
  unsigned __int128 u = (unsigned __int128)(f);
  printf("%.17g %lld %llu%019llu\n", d, ll, (unsigned long long)(u / 10000000000000000000ULL),
         (unsigned long long)(u % 10000000000000000000ULL));
  printf("cmp %d %d %d\n", third < (_Float128)0.34, third == third, (third - third) == 0);
  _Float128 neg = -third;
  unsigned char bytes[16]; memcpy(bytes, &neg, 16);
  for (int i = 15; i >= 0; i--) printf("%02x", bytes[i]);
  printf("\n");
  return 0;
}
