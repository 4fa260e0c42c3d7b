/* libm edge cases: nan/inf/signed zeros, subnormals, fma, remquo, lgamma with signgam, tgamma, frexp/ldexp,
   scalbn, ilogb, nextafter, hypot, cbrt, expm1/log1p, erf, Bessel, fmod/remainder, modf, rounding functions.
   SPDX-License-Identifier: MIT */
#include <stdio.h>
#include <math.h>
#include <float.h>

int main(void) {
  double sub = DBL_MIN / 1024, vals[] = {0.0, -0.0, 1.0, -1.5, 0.5, 2.5, 1e-310, 710.0, -745.5, 1e308, INFINITY, -INFINITY, NAN};
  int nv = sizeof vals / sizeof *vals;
  for (int i = 0; i < nv; i++) {
    double x = vals[i]; int e = 0; double m = frexp(x, &e);
    printf("x=%-8g exp=%a log=%a sqrt=%a frexp=%g,%d ilogb=%d logb=%g cbrt=%a\n", x, exp(x), log(x), sqrt(x), m, e,
           isfinite(x) && x != 0 ? ilogb(x) : 0, logb(x), cbrt(x));
    printf("  expm1=%a log1p=%a tgamma=%a erf=%a erfc=%a\n", expm1(x), log1p(x), tgamma(x), erf(x), erfc(x));
    signgam = 0; double lg = lgamma(x); printf("  lgamma=%a signgam=%d", lg, signgam);
    int sg; printf(" lgamma_r=%a sg=%d\n", lgamma_r(x, &sg), sg);
  }
  printf("tgamma: %.17g %.17g %.17g %.17g %g\n", tgamma(5), tgamma(0.5), tgamma(-1.5), tgamma(171.5), tgamma(-2));
  printf("fma: %a %a %a\n", fma(0x1p-60 + 1, 0x1p60 - 1, -0x1p60), fma(1e308, 10, -1e308), fma(-0.0, 0.0, 0.0));
  int q; double rem = remquo(10.0, 3.0, &q); printf("remquo(10,3)=%g q=%d", rem, q);
  rem = remquo(-7.5, 2.0, &q); printf(" remquo(-7.5,2)=%g q=%d", rem, q);
  rem = remquo(1e300, 7.0, &q); printf(" remquo(1e300,7)=%a q=%d\n", rem, q & 7);
  printf("fmod %g %g %g remainder %g %g %g\n", fmod(-7, 3), fmod(7, -3), fmod(5.5, INFINITY), remainder(7, 2), remainder(5, 2), remainder(-5, 2));
  printf("ldexp %a %a %a scalbn %a %a\n", ldexp(1, -1074), ldexp(1, -1075), ldexp(1.5, 1024), scalbn(3, 10), scalbln(1, -1022));
  printf("nextafter %a %a %a %a nexttoward %a\n", nextafter(0, 1), nextafter(1, 2), nextafter(1, 0), nextafter(-0.0, -1),
         nexttoward(1.0, 2.0L));
  printf("sub=%a isnormal=%d fpclassify=%d/%d/%d/%d/%d\n", sub, isnormal(sub), fpclassify(sub), fpclassify(0.0), fpclassify(1.0),
         fpclassify(INFINITY), fpclassify(NAN));
  printf("hypot %a %g %g copysign %g %g signbit %d %d\n", hypot(3, 4), hypot(INFINITY, NAN), hypot(1e308, 1e308), copysign(3, -0.0),
         copysign(NAN, -1) < 0, signbit(-0.0) != 0, signbit(NAN) != 0);
  double ip; printf("modf %g+%g %g+%g\n", modf(-3.75, &ip), ip, modf(INFINITY, &ip), ip);
  double rs[] = {-2.5, -1.5, -0.5, 0.5, 1.5, 2.5, 2.4999999999999996, -0.0};
  for (int i = 0; i < 8; i++)
    printf("r(%g): round=%g trunc=%g floor=%g ceil=%g lround=%ld llround=%lld roundeven=%g\n", rs[i], round(rs[i]),
           trunc(rs[i]), floor(rs[i]), ceil(rs[i]), lround(rs[i]), llround(rs[i]), rint(rs[i]));
  printf("bessel j0=%a j1=%a jn=%a y0=%a y1=%a yn=%a\n", j0(2.5), j1(2.5), jn(3, 2.5), y0(2.5), y1(2.5), yn(3, 2.5));
  printf("pow %g %g %g %g %g %g %a\n", pow(0, -1), pow(-8, 1.0 / 3), pow(-1, INFINITY), pow(1, NAN), pow(NAN, 0), pow(-0.0, -3),
         pow(2, 0.5));
  printf("atan2 %a %a %a %a\n", atan2(0.0, -0.0), atan2(-0.0, -1), atan2(1, 0), atan2(INFINITY, -INFINITY));
  printf("fmin/fmax %g %g fdim %g %g\n", fmin(NAN, 1), fmax(-0.0, 0.0), fdim(5, 3), fdim(3, 5));
  float fx = 1.1f;
  printf("float: %a %a %a %a %a %a\n", sinf(fx), expf(fx), logf(fx), powf(fx, 10.5f), tgammaf(fx), fmaf(fx, fx, -1.21f));
  printf("isgreater %d isunordered %d islessgreater %d\n", isgreater(1.0, NAN), isunordered(NAN, 1.0), islessgreater(1.0, 2.0));
  printf("nan payloads: %g %g %d\n", nan(""), nan("0x7"), isnan(nan("abc")) != 0);
  return 0;
}
