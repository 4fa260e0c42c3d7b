// long double on ppc64le Linux (IBM double-double): arithmetic beyond double precision,
// printf %Lf %Le %Lg %La, conversions to and from double and integers, LDBL_* limits, strtold.
// SPDX-License-Identifier: MIT
#include <stdio.h>
#include <stdlib.h>
#include <float.h>

int main(void) {
  printf("LDBL_MANT_DIG %d LDBL_DIG %d sizeof %zu LDBL_MAX_EXP %d\n", LDBL_MANT_DIG, LDBL_DIG, sizeof(long double), LDBL_MAX_EXP);
  volatile long double one = 1.0L, three = 3.0L, ten = 10.0L;
  long double third = one / three;
  printf("1/3 = %.30Lf\n    %.25Le\n    %Lg\n    %.32Lg\n", third, third, third, third);
  long double x = 1.0L + 1e-25L;
  printf("1+1e-25 = %.30Lf (> 1: %d)\n", x, x > one);
  long double p = 1.0L;
  for (int i = 0; i < 30; i++) p *= ten;
  printf("10^30 = %.0Lf %Le\n", p, p);
  long double fact = 1.0L;
  for (int i = 1; i <= 30; i++) fact *= i;
  printf("30! = %.0Lf\n", fact);
  long double pi = 3.14159265358979323846264338327950288L;
  printf("pi = %.33Lf %La\n", pi, pi);
  double dpi = (double)pi;
  printf("(double)pi = %.17g, pi - (double)pi = %Le\n", dpi, pi - dpi);
  long double s = 0.0L;
  for (int k = 1; k <= 2000; k++) s += 1.0L / ((long double)k * k);
  printf("sum 1/k^2 = %.28Lf\n", s);
  long long big = 9007199254740993LL;
  long double lb = big;
  printf("(long double)(2^53+1) = %.1Lf, back %lld\n", lb, (long long)lb);
  printf("neg: %.20Lf %Lg %+.5Le\n", -third, -p, -pi);
  printf("%Lf %Le %Lg\n", 0.0L, 1e-300L, 123456789.125L);
  printf("%10.3Lf|%-12.4Lg|%012.5Lf\n", pi, pi, -pi);
  long double r = strtold("0.1000000000000000000000000000001", NULL);
  printf("strtold: %.34Lg\n", r);
  printf("cmp %d %d %d\n", third < 0.3333333333333333333334L, (long double)(double)third != third, (double)third == 1.0 / 3.0);
  printf("LDBL_EPSILON %Lg LDBL_MAX %Lg LDBL_MIN %Lg\n", LDBL_EPSILON, LDBL_MAX, LDBL_MIN);
  return 0;
}
