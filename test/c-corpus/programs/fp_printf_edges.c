// printf of floating-point edge values: %.Ng for many N, %a, %e, %f rounding (ties, carries into a
// new digit), huge precisions, exact binary fractions, values near powers of ten.
// SPDX-License-Identifier: MIT
#include <stdio.h>
#include <float.h>

int main(void) {
  double vals[] = {0.5, 1.5, 2.5, 0.125, 0.375, 9.5, 99.5, 999.9999, 0.05, 0.15, 0.25, 0.35, 1e15, 1e16, 1e17, 1e21, 1e22, 1e23,
                   123456789.0, 0.000123456789, 5e-324, 1.7976931348623157e308, 2.2250738585072014e-308, 9.999999999999999e22,
                   0.1, 1.0 / 3, 2.0 / 3, 1e-5, 1e-4, 123.456, -0.0, 4.35, 0.045, 1e100};
  int n = sizeof vals / sizeof vals[0];
  for (int i = 0; i < n; i++) {
    double v = vals[i];
    printf("[%d]", i);
    for (int p = 0; p <= 17; p += 1) printf(" %.*g", p, v);
    printf("\n    %.0f %.1f %.2f %.3f %.10f | %.0e %.3e %.16e | %a %.0a %.3a %.13a\n", v, v, v, v, v, v, v, v, v, v, v, v);
  }
  printf("%.60f\n", 0.1);
  printf("%.40e\n", 1.0 / 3);
  printf("%.70g\n", 5e-324);
  printf("%#g %#.0f %#.0e %#x %#o\n", 1.0, 2.0, 3.0, 255, 8);
  printf("%010.3f|%-10.3f|%+10.3f|% 10.3f|%+010.2e\n", 3.14159, 3.14159, 3.14159, 3.14159, -314.159);
  float f = 0.1f;
  printf("float 0.1: %.20f %a %g\n", f, f, f);
  for (double x = 0.5; x < 12; x += 1.0) printf("%.0f ", x);
  printf("\n");
  for (double x = 0.05; x < 1; x += 0.1) printf("%.1f ", x);
  printf("\n");
  return 0;
}
