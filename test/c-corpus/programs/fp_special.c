// Infinities, NaNs, signed zeros, DBL_MAX/DBL_MIN/FLT_*, denormals, overflow/underflow: how they
// compare, propagate and print in every conversion (%f %e %g %a, with widths and signs).
// SPDX-License-Identifier: MIT
#include <stdio.h>
#include <float.h>
#include <math.h>
#include <string.h>
#include <stdint.h>

static uint64_t bits(double d) { uint64_t u; memcpy(&u, &d, 8); return u; }

int main(void) {
  volatile double zero = 0.0, one = 1.0;
  double inf = one / zero, ninf = -one / zero, nan_ = zero / zero, nz = -zero;
  double vals[] = {inf, ninf, nan_, -nan_, nz, 0.0, DBL_MAX, -DBL_MAX, DBL_MIN, DBL_MIN / 2, DBL_TRUE_MIN, DBL_EPSILON, FLT_MAX, FLT_MIN, FLT_TRUE_MIN, FLT_EPSILON};
  const char *names[] = {"inf", "-inf", "nan", "-nan", "-0", "0", "DBL_MAX", "-DBL_MAX", "DBL_MIN", "DBL_MIN/2", "DBL_TRUE_MIN", "DBL_EPSILON", "FLT_MAX", "FLT_MIN", "FLT_TRUE_MIN", "FLT_EPSILON"};
  for (int i = 0; i < 16; i++) {
    double v = vals[i];
    printf("%-12s %016llx |%f|%e|%g|%a|%+.3e|%12.4g|%-10g|%E|%G|%A|\n", names[i], (unsigned long long)bits(v), v, v, v, v, v, v, v, v, v, v);
  }
  printf("isnan %d %d isinf %d %d signbit %d %d fpclassify %d %d %d %d %d\n", isnan(nan_), isnan(inf), isinf(ninf), isinf(nan_),
         signbit(nz), signbit(zero), fpclassify(nan_), fpclassify(inf), fpclassify(0.0), fpclassify(DBL_MIN / 4), fpclassify(1.0));
  printf("nan compare: %d %d %d %d\n", nan_ == nan_, nan_ != nan_, nan_ < 1, nan_ > 1);
  printf("-0 == 0: %d, 1/-0 = %g, copysign %g\n", nz == 0.0, one / nz, copysign(1.0, nz));
  printf("inf-inf %g, inf*0 %g, inf+1 %g, -inf*-1 %g\n", inf - inf, inf * 0, inf + 1, ninf * -1);
  printf("overflow %g, underflow %g, DBL_MAX*2 %g, DBL_MIN*DBL_MIN %g\n", DBL_MAX * 10, DBL_MIN * 1e-300, DBL_MAX * 2, DBL_MIN * DBL_MIN);
  double d = DBL_MIN;
  for (int i = 0; i < 6; i++) { printf("denorm %a %.17g\n", d, d); d /= 1e3; }
  float f = FLT_MIN;
  for (int i = 0; i < 4; i++) { printf("fdenorm %a %.9g\n", (double)f, (double)f); f /= 1e3f; }
  printf("%.0f\n%.30f\n%.20e\n", DBL_MAX, DBL_MIN, DBL_TRUE_MIN);
  printf("DBL_DIG %d DBL_MANT_DIG %d DBL_MAX_EXP %d DBL_MIN_EXP %d FLT_DIG %d FLT_EVAL_METHOD %d\n", DBL_DIG, DBL_MANT_DIG, DBL_MAX_EXP, DBL_MIN_EXP, FLT_DIG, FLT_EVAL_METHOD);
  printf("HUGE_VAL %g INFINITY %f NAN %f\n", HUGE_VAL, (double)INFINITY, (double)NAN);
  float fn = nanf(""), fi = (float)inf;
  printf("float: %f %f %e %a\n", (double)fn, (double)fi, (double)-fi, (double)FLT_MAX);
  return 0;
}
