/* printf rounding of doubles: halfway cases, huge %f, DBL_MAX, subnormals, %g switch points, %.40f.
   SPDX-License-Identifier: MIT */
#include <stdio.h>
#include <float.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

int main(void) {
  double halves[] = {0.5, 1.5, 2.5, 3.5, -0.5, -2.5, 0.125, 0.375, 1.005, 2.675, 1e15 + 0.5, 0.045};
  for (unsigned i = 0; i < sizeof halves / sizeof *halves; i++)
    printf("%.0f %.1f %.2f %.3e %g\n", halves[i], halves[i], halves[i], halves[i], halves[i]);
  printf("%f\n", DBL_MAX);
  printf("%.20e\n", DBL_MAX);
  printf("%.17g %.17g %.17g\n", DBL_MIN, DBL_EPSILON, 5e-324);
  printf("%.40f\n", 0.1);
  printf("%.60f\n", DBL_MIN * 1e10);
  printf("%.30e\n", 5e-324);
  printf("%f %f\n", 1e22, 1e23);
  for (int p = 0; p <= 17; p++) printf("%.*g|", p, M_PI);
  printf("\n");
  for (int e = -6; e <= 8; e++) printf("%g|", pow(10, e) * 1.23456);
  printf("\n");
  for (int e = -6; e <= 8; e++) printf("%#g|", pow(10, e));
  printf("\n");
  float f = 16777217.0f; printf("%.1f %.9g %a\n", f, 0.1f, 0.1f);
  char buf[64];
  double vals[] = {0.1, 1.0 / 3, 2.0 / 3, 1e100, 123.456, 9.999999999999999e22, 4.35, 0.3};
  for (unsigned i = 0; i < sizeof vals / sizeof *vals; i++) {
    snprintf(buf, sizeof buf, "%.17g", vals[i]);
    double back = strtod(buf, 0);
    printf("%s roundtrip=%d %.3a\n", buf, memcmp(&back, &vals[i], 8) == 0, vals[i]);
  }
  /* shortest representation search, the way many programs print doubles */
  for (unsigned i = 0; i < sizeof vals / sizeof *vals; i++) {
    for (int p = 1; p <= 17; p++) {
      snprintf(buf, sizeof buf, "%.*g", p, vals[i]);
      if (strtod(buf, 0) == vals[i]) { printf("shortest %s\n", buf); break; }
    }
  }
  printf("%5.3s|%-10.4e|%+.0e|%.0e\n", "abcdef", 1234.5, 15.0, 25.0);
  printf("%Lf %Le %Lg\n", 1.0L / 3, 1e300L, 0.1L);
  return 0;
}
