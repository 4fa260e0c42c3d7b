/* fenv.h: fesetround for every mode with arithmetic, rint/nearbyint/lrint and printf; feraiseexcept,
   fetestexcept after real operations, feholdexcept/feupdateenv, fegetenv/fesetenv.
   SPDX-License-Identifier: MIT */
#include <stdio.h>
#include <fenv.h>
#include <math.h>
#include <float.h>
#pragma STDC FENV_ACCESS ON

static void flags(const char *what) {
  int f = fetestexcept(FE_ALL_EXCEPT);
  printf("%-12s:%s%s%s%s%s\n", what, f & FE_INVALID ? " INVALID" : "", f & FE_DIVBYZERO ? " DIVBYZERO" : "",
         f & FE_OVERFLOW ? " OVERFLOW" : "", f & FE_UNDERFLOW ? " UNDERFLOW" : "", f & FE_INEXACT ? " INEXACT" : "");
}

int main(void) {
  const int modes[] = {FE_TONEAREST, FE_UPWARD, FE_DOWNWARD, FE_TOWARDZERO};
  const char *names[] = {"nearest", "upward", "downward", "towardzero"};
  volatile double one = 1.0, three = 3.0, big = DBL_MAX, tiny = DBL_MIN, zero = 0.0;
  for (int m = 0; m < 4; m++) {
    fesetround(modes[m]);
    volatile double q = one / three, nq = -one / three;
    volatile float fq = (float)one / (float)three;
    printf("%-10s get=%d 1/3=%a -1/3=%a f=%a sqrt2=%a\n", names[m], fegetround() == modes[m], q, nq, fq, sqrt(2.0 * one));
    printf("  rint: %g %g %g %g nearbyint(-2.5)=%g lrint(2.5)=%ld llrint(-3.5)=%lld\n", rint(2.5), rint(-2.5), rint(3.7),
           rint(-0.2), nearbyint(-2.5), lrint(2.5), llrint(-3.5));
    printf("  printf %.2f %.0f %.3e conv=%d\n", 2.675, 0.5, 1.0005, (int)(one * 2.7));
    volatile double s = 0; for (int i = 1; i <= 10; i++) s += one / i;
    printf("  harmonic=%.17g big+big=%g\n", s, big + big);
  }
  fesetround(FE_TONEAREST);
  feclearexcept(FE_ALL_EXCEPT); flags("clear");
  volatile double r = one / zero; flags("1/0"); feclearexcept(FE_ALL_EXCEPT);
  r = zero / zero; flags("0/0"); feclearexcept(FE_ALL_EXCEPT);
  r = big * 2; flags("max*2"); feclearexcept(FE_ALL_EXCEPT);
  r = tiny / 3e10; flags("min/3e10"); feclearexcept(FE_ALL_EXCEPT);
  r = one / three; flags("1/3"); feclearexcept(FE_ALL_EXCEPT);
  r = sqrt(-one); flags("sqrt(-1)"); feclearexcept(FE_ALL_EXCEPT);
  r = 2.0 * one + 2.0; flags("exact"); feclearexcept(FE_ALL_EXCEPT);
  volatile int iv = (int)(big); flags("(int)max"); feclearexcept(FE_ALL_EXCEPT);
  r = log(zero); flags("log(0)"); feclearexcept(FE_ALL_EXCEPT);
  volatile float ff = (float)big; flags("(float)max"); feclearexcept(FE_ALL_EXCEPT);
  feraiseexcept(FE_OVERFLOW | FE_INEXACT); flags("raised"); 
  fexcept_t saved; fegetexceptflag(&saved, FE_OVERFLOW); feclearexcept(FE_ALL_EXCEPT);
  fesetexceptflag(&saved, FE_OVERFLOW); flags("restored");
  fenv_t env; feholdexcept(&env); r = one / zero; flags("held"); 
  fesetround(FE_UPWARD); feupdateenv(&env); flags("updated"); printf("round after update=%d\n", fegetround() == FE_TONEAREST);
  fenv_t e2; fesetround(FE_DOWNWARD); fegetenv(&e2); fesetround(FE_UPWARD); fesetenv(&e2);
  printf("fesetenv restored downward=%d\n", fegetround() == FE_DOWNWARD);
  fesetenv(FE_DFL_ENV); printf("default env nearest=%d\n", fegetround() == FE_TONEAREST); flags("dfl");
  printf("fesetround(bad)=%d\n", fesetround(12345) != 0);
  (void)r; (void)iv; (void)ff;
  return 0;
}
