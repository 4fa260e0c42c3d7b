// complex.h: arithmetic on double complex and float complex, cabs carg conj creal cimag, cexp clog
// csqrt cpow csin ccos ctan, and the roots of unity / a DFT built from them.
// SPDX-License-Identifier: MIT
#include <stdio.h>
#include <complex.h>
#include <math.h>

static void pc(const char *name, double complex z) { printf("%s = %.15g %+.15gi\n", name, creal(z), cimag(z)); }

int main(void) {
  double complex a = 3.0 + 4.0 * I, b = -1.5 + 0.5 * I;
  pc("a", a); pc("b", b);
  pc("a+b", a + b); pc("a-b", a - b); pc("a*b", a * b); pc("a/b", a / b);
  printf("cabs %.17g carg %.17g\n", cabs(a), carg(b));
  pc("conj a", conj(a));
  pc("cexp(i*pi)", cexp(I * M_PI));
  pc("clog(a)", clog(a)); pc("csqrt(-4)", csqrt(-4.0 + 0.0 * I)); pc("csqrt(b)", csqrt(b));
  pc("cpow(a,b)", cpow(a, b)); pc("csin(a)", csin(a)); pc("ccos(b)", ccos(b)); pc("ctan(1+i)", ctan(1.0 + 1.0 * I));
  pc("casin(b)", casin(b)); pc("catan(a)", catan(a)); pc("csinh(b)", csinh(b)); pc("cproj", cproj(a));
  float complex fz = 1.0f + 2.0f * I;
  fz = fz * fz / (3.0f - 1.0f * I);
  printf("float complex %.7g %+.7gi, cabsf %.7g, cexpf %.7g\n", (double)crealf(fz), (double)cimagf(fz), (double)cabsf(fz), (double)crealf(cexpf(fz)));
  // DFT of a small real signal
  enum { N = 8 };
  double x[N] = {1, 2, 3, 4, 0, -1, -2, 0.5};
  for (int k = 0; k < N; k++) {
    double complex s = 0;
    for (int n = 0; n < N; n++) s += x[n] * cexp(-2.0 * I * M_PI * k * n / N);
    printf("X[%d] = %9.5f %+9.5fi |%.6f|\n", k, creal(s), cimag(s), cabs(s));
  }
  double complex inf = INFINITY + 0.0 * I;
  pc("1/inf", 1.0 / inf);
  pc("(1e300+1e300i)*(1e300+1e300i)", (1e300 + 1e300 * I) * (1e300 + 1e300 * I));
  return 0;
}
