// Float and double arithmetic: the four operations, precision of float vs double, accumulation
// order, comparisons, and printing with %f %e %g %a.
// SPDX-License-Identifier: MIT
#include <stdio.h>

static volatile double dv[] = {0.1, 0.2, 0.3, 1.0 / 3.0, 2.0 / 3.0, 1e10, 1e-10, 123456.789, -0.5, 3.141592653589793};
static volatile float fv[] = {0.1f, 0.2f, 0.3f, 1.0f / 3.0f, 16777216.0f, 16777217.0f, 1e-7f, -2.5f};

int main(void) {
  printf("0.1+0.2 = %.17g, == 0.3: %d\n", dv[0] + dv[1], dv[0] + dv[1] == dv[2]);
  printf("0.1f+0.2f = %.9g, == 0.3f: %d\n", (double)(fv[0] + fv[1]), fv[0] + fv[1] == fv[2]);
  for (int i = 0; i < 10; i++)
    for (int j = 0; j < 10; j += 3)
      printf("%d,%d: %.17g %.17g %.17g %.17g\n", i, j, dv[i] + dv[j], dv[i] - dv[j], dv[i] * dv[j], dv[i] / dv[j]);
  for (int i = 0; i < 8; i++)
    for (int j = 0; j < 8; j += 2) {
      float a = fv[i], b = fv[j];
      printf("f %d,%d: %.9g %.9g %.9g %.9g\n", i, j, (double)(a + b), (double)(a - b), (double)(a * b), (double)(a / b));
    }
  double sum = 0, ksum = 0, c = 0;
  float fsum = 0;
  for (int i = 1; i <= 100000; i++) {
    double x = 1.0 / i;
    sum += x;
    fsum += (float)x;
    double y = x - c, t = ksum + y; c = (t - ksum) - y; ksum = t; // Kahan
  }
  printf("harmonic(1e5): naive %.17g kahan %.17g float %.9g\n", sum, ksum, (double)fsum);
  double p = 1;
  for (int i = 0; i < 60; i++) p *= 1.5;
  printf("1.5^60 = %.17g %e %a\n", p, p, p);
  volatile double big = 9007199254740993.0;
  printf("2^53+1 = %.17g\n", big);
  printf("float 16777217 = %.1f\n", (double)fv[5]);
  printf("mixed: %.17g\n", (double)fv[0] * dv[0]);
  printf("compare: %d %d %d %d\n", dv[0] < dv[1], dv[8] < 0, fv[7] <= -2.5f, dv[9] > 3.14159);
  printf("%f %e %g %a\n", dv[7], dv[7], dv[7], dv[7]);
  printf("%F %E %G %A\n", dv[6], dv[6], dv[6], dv[6]);
  return 0;
}
