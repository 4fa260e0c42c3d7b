// Single vs double precision: the same series and recurrences computed in float and double,
// float math functions vs double ones, where float loses digits, and float-specific printf.
// SPDX-License-Identifier: MIT
#include <stdio.h>
#include <math.h>
#include <float.h>

int main(void) {
  float f = 1.0f; double d = 1.0;
  for (int i = 0; i < 30; i++) { f = f * 1.1f + 0.1f; d = d * 1.1 + 0.1; }
  printf("recurrence: float %.9g double %.17g diff %.3g\n", (double)f, d, d - f);
  float fx = 0.0f; double dx = 0.0;
  for (int i = 0; i < 1000; i++) { fx += 0.001f; dx += 0.001; }
  printf("sum 0.001 x1000: float %.9g double %.17g\n", (double)fx, dx);
  // logistic map: chaotic, so float and double diverge quickly
  float lf = 0.3f; double lde = 0.3;
  for (int i = 0; i < 60; i++) {
    lf = 3.9f * lf * (1 - lf); lde = 3.9 * lde * (1 - lde);
    if (i % 10 == 9) printf("logistic %2d: %.7f %.15f\n", i + 1, (double)lf, lde);
  }
  for (int i = -3; i <= 3; i++) {
    float x = (float)i * 0.7f + 0.05f;
    printf("x=%+.2f sinf %.7e sin %.15e expf %.7e exp %.15e sqrtf %.7e\n", (double)x, (double)sinf(x), sin((double)x), (double)expf(x), exp((double)x), (double)sqrtf(fabsf(x)));
  }
  float eps = 1.0f; while (1.0f + eps / 2 != 1.0f) eps /= 2;
  double deps = 1.0; while (1.0 + deps / 2 != 1.0) deps /= 2;
  printf("eps: float %a (%d) double %a (%d)\n", (double)eps, eps == FLT_EPSILON, deps, deps == DBL_EPSILON);
  printf("float digits: %.9g %.9g %.9g\n", (double)(1.0f / 3.0f), (double)16777217.0f, (double)(float)3.14159265358979);
  volatile float a = 1e20f, b = -1e20f, c = 1.0f;
  printf("assoc: %g %g\n", (double)((a + b) + c), (double)(a + (b + c)));
  printf("fmaf %a vs %a\n", (double)fmaf(0.1f, 10.0f, -1.0f), (double)(0.1f * 10.0f - 1.0f));
  return 0;
}
