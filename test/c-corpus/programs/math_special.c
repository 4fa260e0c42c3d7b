// Special functions: erf erfc tgamma lgamma (with signgam), j0/j1/y0 Bessel, and a numeric
// integration and series that use them; float variants erff tgammaf lgammaf.
// SPDX-License-Identifier: MIT
#include <stdio.h>
#include <math.h>

int main(void) {
  double xs[] = {-3.0, -1.5, -0.5, 0.0, 1e-8, 0.5, 1.0, 1.5, 2.0, 3.0, 4.5, 10.0, 30.0, 171.0, 172.0};
  for (unsigned i = 0; i < sizeof xs / sizeof xs[0]; i++) {
    double x = xs[i];
    printf("x=%g erf %.17g erfc %.17g tgamma %.17g lgamma %.17g sign %d\n", x, erf(x), erfc(x), tgamma(x), lgamma(x), signgam);
    printf("   erff %.9g erfcf %.9g tgammaf %.9g lgammaf %.9g\n", (double)erff((float)x), (double)erfcf((float)x), (double)tgammaf((float)x), (double)lgammaf((float)x));
  }
  for (int n = 1; n <= 20; n++) printf("%d! via tgamma = %.17g\n", n, tgamma(n + 1.0));
  printf("gamma(-1) %g gamma(-0) %g gamma(0) %g\n", tgamma(-1.0), tgamma(-0.0), tgamma(0.0));
  for (double x = 0.5; x < 10; x += 2.25) printf("j0 %.17g j1 %.17g y0 %.17g jn(3) %.17g\n", j0(x), j1(x), y0(x), jn(3, x));
  // normal CDF via erf
  for (int k = -3; k <= 3; k++) printf("Phi(%d) = %.15f\n", k, 0.5 * erfc(-k / sqrt(2.0)));
  // Simpson integration of exp(-x^2) on [0, 2]
  int n = 200; double h = 2.0 / n, s = 1.0 + exp(-4.0);
  for (int i = 1; i < n; i++) s += (i % 2 ? 4 : 2) * exp(-(i * h) * (i * h));
  printf("simpson %.15f vs sqrt(pi)/2*erf(2) %.15f\n", s * h / 3, sqrt(M_PI) / 2 * erf(2.0));
  return 0;
}
