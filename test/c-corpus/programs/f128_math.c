// glibc's _Float128 libm functions (sqrtf128, fmaf128, the rounding functions, frexp/ldexp, fmod,
// exp/log/sin/cos/atan/pow/cbrt/hypot) and _Complex _Float128 multiplication and division (libgcc's
// __mulkc3/__divkc3): on POWER9/10 they run the quad-precision instructions (xsmaddqp, xsrqpi,
// xscvqpswz, xsxexpqp, xststdcqp...). Values are printed as their 128 bits and through double.
// SPDX-License-Identifier: MIT
#define _GNU_SOURCE
#include <complex.h>
#include <fenv.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

typedef _Float128 q;

static void show(const char *name, q x) {
  uint64_t w[2];
  memcpy(w, &x, 16);
  printf("%-12s %016llx %016llx %.17g\n", name, (unsigned long long)w[1], (unsigned long long)w[0], (double)x);
}

static volatile q vals[] = {0.0f128, -0.0f128, 0.5f128, -1.5f128, 2.5f128, 3.75f128, -7.25f128, 1e10f128, 123456789.123456789f128, 1e-20f128, 6.02214076e23f128};
static volatile q one = 1, two = 2, ten = 10;

int main(void) {
  for (unsigned long i = 0; i < sizeof vals / sizeof vals[0]; i++) {
    q x = vals[i];
    printf("== x = %.17g\n", (double)x);
    show("floor", floorf128(x));
    show("ceil", ceilf128(x));
    show("trunc", truncf128(x));
    show("round", roundf128(x));
    show("rint", rintf128(x));
    show("nearbyint", nearbyintf128(x));
    printf("  lround %ld llrint %lld ilogb %d\n", lroundf128(x), llrintf128(x), ilogbf128(x));
    int e;
    show("frexp", frexpf128(x, &e));
    printf("  exponent %d\n", e);
    show("ldexp", ldexpf128(x, 100));
    show("sqrt|x|", sqrtf128(fabsf128(x)));
    show("fma", fmaf128(x, x, -one));
    show("fmod", fmodf128(x, 0.75f128));
    show("exp", expf128(x / ten));
    show("log", logf128(fabsf128(x) + one));
    show("sin", sinf128(x));
    show("cos", cosf128(x));
    show("atan", atanf128(x));
    show("cbrt", cbrtf128(x));
    show("hypot", hypotf128(x, two));
    show("pow", powf128(two, x / ten));
  }
  fesetround(FE_UPWARD);
  show("rint up", rintf128(vals[4]));
  show("sqrt2 up", sqrtf128(two));
  fesetround(FE_TONEAREST);
  printf("classify: %d %d %d %d %d\n", fpclassify(vals[0]), fpclassify(vals[2]), fpclassify((q)1e-4940f128), isnan(one / 0 - one / 0), isinf(ten / 0));
  _Complex _Float128 a = vals[3] + vals[4] * I, b = vals[5] - vals[6] * I;
  _Complex _Float128 p = a * b, d = a / b, z = a / (0 * I + 0);
  show("mul re", crealf128(p));
  show("mul im", cimagf128(p));
  show("div re", crealf128(d));
  show("div im", cimagf128(d));
  show("div0 re", crealf128(z));
  show("div0 im", cimagf128(z));
  return 0;
}
