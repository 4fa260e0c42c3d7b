// Subnormal (denormal) numbers: gradual underflow, arithmetic on subnormals, scaling back up,
// nextafter around zero and DBL_MIN, float subnormals, and their printing.
// SPDX-License-Identifier: MIT
#include <stdio.h>
#include <float.h>
#include <math.h>

int main(void) {
  volatile double d = 1.0;
  int steps = 0;
  while (d / 2 != 0) { d /= 2; steps++; }
  printf("halvings to smallest: %d -> %a %g\n", steps, d, d);
  double s = DBL_MIN;
  for (int i = 0; i < 54; i += 6) printf("DBL_MIN/2^%d = %a = %.6e class %d\n", i, s / ldexp(1, i), s / ldexp(1, i), fpclassify(s / ldexp(1, i)));
  volatile double a = 3 * DBL_TRUE_MIN, b = 2 * DBL_TRUE_MIN;
  printf("sub arith: %a %a %a %a\n", a + b, a - b, a * 3, a / 2);
  printf("scale up: %a %.17g\n", a * 0x1p1074, a * 0x1p1074);
  printf("nextafter: %a %a %a %a\n", nextafter(0.0, 1.0), nextafter(0.0, -1.0), nextafter(DBL_MIN, 0.0), nextafter(DBL_TRUE_MIN, 0.0));
  volatile float f = FLT_MIN;
  for (int i = 0; i < 25; i += 4) printf("FLT_MIN/2^%d = %a %.9g\n", i, (double)(f / ldexpf(1, i)), (double)(f / ldexpf(1, i)));
  printf("float from double subnormal: %a %a\n", (double)(float)1e-40, (double)(float)1e-46);
  printf("sqrt(sub) %a, log(sub) %.17g, frexp:", sqrt(DBL_TRUE_MIN), log(DBL_TRUE_MIN));
  int e; double m = frexp(DBL_TRUE_MIN * 5, &e);
  printf(" %g %d\n", m, e);
  printf("ilogb %d %d, logb %g\n", ilogb(DBL_TRUE_MIN), ilogb(DBL_MIN), logb(DBL_MIN / 16));
  double x = 1e-300; for (int i = 0; i < 5; i++) { x *= 1e-5; printf("%.3e ", x); } printf("\n");
  return 0;
}
