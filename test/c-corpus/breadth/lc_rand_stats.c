/* The C library's generators and numeric utilities: rand() sequences after srand, div/ldiv/lldiv, abs/labs/
   llabs/imaxabs, a Monte Carlo pi with drand48, a histogram of rand()%10, a_64l/l64a, ecvt/fcvt/gcvt.
   SPDX-License-Identifier: MIT */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <inttypes.h>

int main(void) {
  for (unsigned s = 1; s <= 3; s++) { srand(s); printf("srand(%u):", s); for (int i = 0; i < 6; i++) printf(" %d", rand()); printf("\n"); }
  printf("RAND_MAX=%d\n", RAND_MAX);
  int hist[10] = {0}; srand(2024); for (int i = 0; i < 20000; i++) hist[rand() % 10]++;
  for (int i = 0; i < 10; i++) printf("%d:%d ", i, hist[i]); printf("\n");
  srand48(1); long in = 0; for (int i = 0; i < 40000; i++) { double x = drand48(), y = drand48(); in += x * x + y * y <= 1; }
  printf("pi ~ %.4f\n", 4.0 * in / 40000);
  div_t d = div(-17, 5); ldiv_t ld = ldiv(17L, -5L); lldiv_t lld = lldiv(-9000000000LL, 7LL); imaxdiv_t im = imaxdiv(INTMAX_MAX, 1000);
  printf("div %d %d ldiv %ld %ld lldiv %lld %lld imaxdiv %jd %jd\n", d.quot, d.rem, ld.quot, ld.rem, lld.quot, lld.rem, im.quot, im.rem);
  printf("abs %d %ld %lld %jd\n", abs(-5), labs(-6L), llabs(-7LL), imaxabs(-8));
  printf("l64a(123456)=%s a64l=%ld\n", l64a(123456), a64l("./0z"));
  int dec, sign; char *e = ecvt(3.14159265, 6, &dec, &sign); printf("ecvt %s dec=%d sign=%d\n", e, dec, sign);
  e = fcvt(-1234.5678, 2, &dec, &sign); printf("fcvt %s dec=%d sign=%d\n", e, dec, sign);
  char g[32]; printf("gcvt %s %s\n", gcvt(0.000123456, 4, g), gcvt(123456789.0, 5, g + 16));
  unsigned short s16[3] = {0x330e, 0xabcd, 0x1234}; seed48(s16); printf("after seed48: %ld\n", lrand48());
  return 0;
}
