// libm trigonometric and hyperbolic functions over a grid of arguments, including large arguments
// (argument reduction), and their float variants.
// SPDX-License-Identifier: MIT
#include <stdio.h>
#include <math.h>

int main(void) {
  double xs[] = {0.0, -0.0, 1e-10, 0.5, 1.0, 1.5707963267948966, 2.0, 3.141592653589793, 10.0, 100.0, 1e6, 1e22, -7.25, 0.7853981633974483};
  for (unsigned i = 0; i < sizeof xs / sizeof xs[0]; i++) {
    double x = xs[i];
    printf("x=%-22.17g sin %.17g cos %.17g tan %.17g\n", x, sin(x), cos(x), tan(x));
    float fx = (float)x;
    printf("  f: sinf %.9g cosf %.9g tanf %.9g\n", (double)sinf(fx), (double)cosf(fx), (double)tanf(fx));
  }
  double ys[] = {-1.0, -0.5, 0.0, 0.3, 0.5, 0.999, 1.0, 1.5};
  for (unsigned i = 0; i < sizeof ys / sizeof ys[0]; i++) {
    double y = ys[i];
    printf("y=%g asin %.17g acos %.17g atan %.17g asinf %.9g acosf %.9g\n", y, asin(y), acos(y), atan(y), (double)asinf((float)y), (double)acosf((float)y));
  }
  double hs[] = {0.0, 0.1, 1.0, -2.5, 10.0, 20.0, 50.0, 710.0, -800.0};
  for (unsigned i = 0; i < sizeof hs / sizeof hs[0]; i++) {
    double h = hs[i];
    printf("h=%g sinh %.17g cosh %.17g tanh %.17g asinh %.17g\n", h, sinh(h), cosh(h), tanh(h), asinh(h));
    printf("  sinhf %.9g coshf %.9g tanhf %.9g acosh %.17g atanh %.17g\n", (double)sinhf((float)h), (double)coshf((float)h), (double)tanhf((float)h), acosh(fabs(h) + 1), atanh(h / 100));
  }
  double pts[][2] = {{1, 1}, {-1, 1}, {-1, -1}, {1, -1}, {0, -1}, {0, 1}, {0.0, -0.0}, {-0.0, -0.0}, {1e-300, 1e300}, {3, 4}};
  for (unsigned i = 0; i < sizeof pts / sizeof pts[0]; i++)
    printf("atan2(%g,%g) = %.17g atan2f %.9g\n", pts[i][0], pts[i][1], atan2(pts[i][0], pts[i][1]), (double)atan2f((float)pts[i][0], (float)pts[i][1]));
  double s, c;
  sincos(0.6, &s, &c);
  printf("sincos(0.6) %.17g %.17g\n", s, c);
  double acc = 0;
  for (int k = 0; k < 2000; k++) acc += sin(k * 0.01) * cos(k * 0.013);
  printf("sum %.17g\n", acc);
  return 0;
}
