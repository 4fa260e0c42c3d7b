/* complex.h: arithmetic, cexp/clog/csqrt/cpow/ctrig, branch cuts with signed zeros, infinities, CMPLX.
   SPDX-License-Identifier: MIT */
#include <stdio.h>
#include <complex.h>
#include <math.h>

static void p(const char *n, double complex z) { printf("%-12s (%a, %a)\n", n, creal(z), cimag(z)); }

int main(void) {
  double complex a = 3 + 4 * I, b = -1 + 0.5 * I;
  p("a*b", a * b); p("a/b", a / b); p("conj", conj(a)); printf("cabs=%g carg=%a\n", cabs(a), carg(a));
  p("cexp", cexp(a)); p("clog", clog(a)); p("csqrt", csqrt(a)); p("cpow", cpow(a, b));
  p("csin", csin(b)); p("ccos", ccos(b)); p("ctan", ctan(b)); p("casin", casin(a)); p("cacos", cacos(a)); p("catan", catan(a));
  p("csinh", csinh(b)); p("ccosh", ccosh(b)); p("ctanh", ctanh(b)); p("casinh", casinh(b)); p("cacosh", cacosh(b)); p("catanh", catanh(b));
  p("sqrt(-4+0i)", csqrt(CMPLX(-4.0, 0.0))); p("sqrt(-4-0i)", csqrt(CMPLX(-4.0, -0.0)));
  p("log(-1+0i)", clog(CMPLX(-1.0, 0.0))); p("log(-1-0i)", clog(CMPLX(-1.0, -0.0)));
  p("log(0)", clog(CMPLX(0.0, 0.0))); p("exp(inf i)", cexp(CMPLX(0.0, INFINITY))); p("exp(-inf)", cexp(CMPLX(-INFINITY, 1.0)));
  p("inf*i", CMPLX(INFINITY, 0) * I); p("(inf+nan i)*2", CMPLX(INFINITY, NAN) * 2.0);
  p("1/(0+0i)", 1.0 / CMPLX(0.0, 0.0)); p("casin(2)", casin(2.0)); p("cacos(-2)", cacos(-2.0));
  p("cproj(inf)", cproj(CMPLX(INFINITY, -3.0)));
  float complex fz = 1.5f - 2.0f * I; fz = fz * fz + csqrtf(fz);
  printf("float (%a, %a)\n", crealf(fz), cimagf(fz));
  long double complex lz = 2.0L + 1.0L * I; lz = cexpl(lz);
  printf("long double (%.20Lg, %.20Lg)\n", creall(lz), cimagl(lz));
  double complex roots[5]; for (int k = 0; k < 5; k++) roots[k] = cexp(2 * M_PI * I * k / 5);
  double complex s = 0; for (int k = 0; k < 5; k++) s += roots[k];
  printf("sum roots |s|<1e-15: %d\n", cabs(s) < 1e-15);
  return 0;
}
