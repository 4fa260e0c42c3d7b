// libm exponentials, logarithms and powers: exp exp2 expm1 log log2 log10 log1p pow sqrt cbrt
// hypot, with edge arguments (0, negative, huge, tiny) and float variants.
// SPDX-License-Identifier: MIT
#include <stdio.h>
#include <math.h>

int main(void) {
  double xs[] = {0.0, 1e-20, 1e-5, 0.5, 1.0, 2.0, 2.718281828459045, 10.0, 100.0, 709.0, 710.0, -1.0, -745.0, -746.0, 1e300};
  for (unsigned i = 0; i < sizeof xs / sizeof xs[0]; i++) {
    double x = xs[i];
    printf("x=%g exp %.17g exp2 %.17g expm1 %.17g\n", x, exp(x), exp2(x), expm1(x));
    printf("   log %.17g log2 %.17g log10 %.17g log1p %.17g\n", log(x), log2(x), log10(x), log1p(x));
    printf("   sqrt %.17g cbrt %.17g cbrt(-x) %.17g\n", sqrt(x), cbrt(x), cbrt(-x));
    float f = (float)x;
    printf("   expf %.9g logf %.9g sqrtf %.9g exp2f %.9g log2f %.9g log10f %.9g cbrtf %.9g\n", (double)expf(f), (double)logf(f), (double)sqrtf(f),
           (double)exp2f(f), (double)log2f(f), (double)log10f(f), (double)cbrtf(f));
  }
  double bs[] = {0.0, -0.0, 1.0, -1.0, 2.0, -2.0, 0.5, 10.0, -8.0, 1e10};
  double es[] = {0.0, 1.0, -1.0, 0.5, 2.0, 3.0, -3.0, 1.0 / 3, 1e10, -1e10};
  for (unsigned i = 0; i < 10; i++) {
    printf("pow(%g,*):", bs[i]);
    for (unsigned j = 0; j < 10; j++) printf(" %.17g", pow(bs[i], es[j]));
    printf("\n");
  }
  printf("powf %.9g %.9g %.9g\n", (double)powf(2.0f, 0.5f), (double)powf(10.0f, -3.0f), (double)powf(-2.0f, 3.0f));
  double hy[][2] = {{3, 4}, {5, 12}, {1e300, 1e300}, {1e-300, 1e-300}, {0, 0}, {-3, 0}, {1, 1e-20}, {INFINITY, NAN}};
  for (unsigned i = 0; i < 8; i++) printf("hypot(%g,%g) = %.17g hypotf %.9g\n", hy[i][0], hy[i][1], hypot(hy[i][0], hy[i][1]), (double)hypotf((float)hy[i][0], (float)hy[i][1]));
  double compound = 1000;
  for (int y = 0; y < 30; y++) compound *= pow(1.0 + 0.05 / 12, 12);
  printf("compound %.10f\n", compound);
  printf("exp(log(x)) roundtrip: %.17g %.17g\n", exp(log(123.456)), pow(10, log10(0.001)));
  return 0;
}
