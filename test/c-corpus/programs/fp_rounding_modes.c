// fesetround with every mode: arithmetic, rint/nearbyint/lrint, float conversions, and printf and
// strtod results under each mode (glibc honours the current rounding mode in both).
// SPDX-License-Identifier: MIT
#include <stdio.h>
#include <stdlib.h>
#include <fenv.h>
#include <math.h>

#pragma STDC FENV_ACCESS ON

static const struct { int mode; const char *name; } modes[] = {
  {FE_TONEAREST, "nearest"}, {FE_UPWARD, "upward"}, {FE_DOWNWARD, "downward"}, {FE_TOWARDZERO, "towardzero"}};

static volatile double a = 1.0, b = 3.0, c = -2.0, big = 1e16;
static volatile double halves[] = {0.5, 1.5, 2.5, -0.5, -1.5, -2.5, 2.4, -2.6};

int main(void) {
  for (int m = 0; m < 4; m++) {
    int rc = fesetround(modes[m].mode);
    printf("== %s (set %d, get ok %d)\n", modes[m].name, rc, fegetround() == modes[m].mode);
    printf(" 1/3 = %a  -1/3 = %a  2/3 = %.17g\n", a / b, -a / b, (a + a) / b);
    printf(" 1e16+1 = %.17g, sqrt2 = %a, c/b = %a\n", big + a, sqrt(a + a), c / b);
    float f = (float)(a / b);
    printf(" (float)(1/3) = %a  (float)0.1 = %a\n", (double)f, (double)(float)(a / 10));
    for (int i = 0; i < 8; i++)
      printf(" [%g: rint %g nearbyint %g lrint %ld llrint %lld round %g]", halves[i], rint(halves[i]), nearbyint(halves[i]),
             lrint(halves[i]), llrint(halves[i]), round(halves[i]));
    printf("\n");
    printf(" printf: %.2f %.2f %.0f %.0f %.3e %.1f %.5g\n", 1.005, -1.005, 0.5, 2.5, 1.0005e10, 0.25, 2.0 / 3);
    printf(" strtod: %a %a %a %a\n", strtod("0.1", 0), strtod("-0.1", 0), strtod("1e400", 0), strtod("2.4703282292062328e-324", 0));
    printf(" strtof: %a %a\n", (double)strtof("0.1", 0), (double)strtof("3.4028236e38", 0));
    printf(" (int)2.7 %d, fma %a\n", (int)(b - 0.3), fma(a / b, b, -a));
  }
  fesetround(FE_TONEAREST);
  printf("bad mode rc %d\n", fesetround(12345) != 0);
  return 0;
}
