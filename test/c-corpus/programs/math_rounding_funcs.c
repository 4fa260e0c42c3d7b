// libm rounding and decomposition: floor ceil trunc round lround llround rint lrint llrint nearbyint,
// fmod remainder remquo, frexp ldexp scalbn modf, fmin fmax fdim, copysign nextafter nexttoward, fma.
// SPDX-License-Identifier: MIT
#include <stdio.h>
#include <math.h>

int main(void) {
  double xs[] = {0.0, -0.0, 0.4, 0.5, 0.6, 1.5, 2.5, -0.5, -1.5, -2.5, -2.7, 3.49999999999999956, 4503599627370495.5, 1e300, -1e-300, 123.456};
  for (unsigned i = 0; i < sizeof xs / sizeof xs[0]; i++) {
    double x = xs[i];
    printf("%-22.17g floor %g ceil %g trunc %g round %g rint %g nearbyint %g lround %ld llround %lld lrint %ld llrint %lld\n", x, floor(x), ceil(x),
           trunc(x), round(x), rint(x), nearbyint(x), fabs(x) < 1e18 ? lround(x) : 0L, fabs(x) < 1e18 ? llround(x) : 0LL, fabs(x) < 1e18 ? lrint(x) : 0L,
           fabs(x) < 1e18 ? llrint(x) : 0LL);
    float f = (float)x;
    printf("   f: floorf %g ceilf %g truncf %g roundf %g rintf %g lroundf %ld\n", (double)floorf(f), (double)ceilf(f), (double)truncf(f), (double)roundf(f),
           (double)rintf(f), fabsf(f) < 1e18f ? lroundf(f) : 0L);
  }
  double ps[][2] = {{5.3, 2}, {-5.3, 2}, {5.3, -2}, {-5.3, -2}, {1e300, 3}, {7, 7}, {6.5, 1.3}, {0.0, 1}, {10, 0.1}};
  for (unsigned i = 0; i < sizeof ps / sizeof ps[0]; i++) {
    int q;
    double r = remquo(ps[i][0], ps[i][1], &q);
    printf("fmod(%g,%g)=%.17g remainder=%.17g remquo=%.17g q%%8=%d fmodf %.9g\n", ps[i][0], ps[i][1], fmod(ps[i][0], ps[i][1]), remainder(ps[i][0], ps[i][1]), r, q % 8,
           (double)fmodf((float)ps[i][0], (float)ps[i][1]));
  }
  double fs[] = {1.0, 0.75, -12.5, 1e-310, 1e308, 3.0};
  for (unsigned i = 0; i < sizeof fs / sizeof fs[0]; i++) {
    int e; double m = frexp(fs[i], &e); double ip; double fr = modf(fs[i], &ip);
    printf("frexp(%g)=%.17g,%d ldexp(m,e)=%g scalbn(x,-3)=%.17g modf=%.17g+%.17g ilogb %d\n", fs[i], m, e, ldexp(m, e), scalbn(fs[i], -3), ip, fr, ilogb(fs[i]));
  }
  printf("ldexp: %g %g %g %a\n", ldexp(1, 1023), ldexp(1, 1024), ldexp(1, -1074), ldexp(1.5, -1075));
  printf("fmin %g %g %g fmax %g %g %g fdim %g %g\n", fmin(1, 2), fmin(NAN, 2), fmin(-0.0, 0.0), fmax(1, 2), fmax(3, NAN), fmax(-0.0, 0.0), fdim(5, 3), fdim(3, 5));
  printf("copysign %g %g %g\n", copysign(3, -0.0), copysign(-3, 1), copysign(NAN, -1) < 0 ? 1.0 : signbit(copysign(NAN, -1)) ? -1.0 : 0.0);
  printf("nextafter %a %a %a nexttoward %a\n", nextafter(1.0, 2.0), nextafter(1.0, 0.0), nextafter(-0.0, 1.0), nexttoward(1.0, 2.0L));
  printf("nextafterf %a %a\n", (double)nextafterf(1.0f, 2.0f), (double)nextafterf(0.0f, -1.0f));
  printf("fma %a %a %a\n", fma(0.1, 10, -1), fma(1e308, 10, -1e308), fma(2, 3, 4));
  printf("fabs %g %g, sqrt(-0) %g\n", fabs(-3.5), fabs(-0.0), sqrt(-0.0));
  return 0;
}
