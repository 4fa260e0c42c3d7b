// Floating-point exception flags: fetestexcept after operations that raise invalid, divbyzero,
// overflow, underflow and inexact; feclearexcept, feraiseexcept, fegetexceptflag/fesetexceptflag.
// SPDX-License-Identifier: MIT
#include <stdio.h>
#include <fenv.h>
#include <math.h>

#pragma STDC FENV_ACCESS ON

static void show(const char *what) {
  int e = fetestexcept(FE_ALL_EXCEPT);
  printf("%-22s %s%s%s%s%s%s\n", what, e & FE_INVALID ? " invalid" : "", e & FE_DIVBYZERO ? " divbyzero" : "",
         e & FE_OVERFLOW ? " overflow" : "", e & FE_UNDERFLOW ? " underflow" : "", e & FE_INEXACT ? " inexact" : "", e ? "" : " none");
  feclearexcept(FE_ALL_EXCEPT);
}

static volatile double zero = 0.0, one = 1.0, three = 3.0, huge = 1e308, tiny = 1e-308, negone = -1.0;
static volatile double sink;
static volatile float fsink;

int main(void) {
  feclearexcept(FE_ALL_EXCEPT);
  show("nothing");
  sink = one + one; show("1+1");
  sink = one / three; show("1/3");
  sink = one / zero; show("1/0");
  sink = zero / zero; show("0/0");
  sink = huge * 10; show("1e308*10");
  sink = tiny / 1e10; show("1e-308/1e10");
  sink = tiny * 0.5; show("1e-308*0.5");
  sink = sqrt(negone); show("sqrt(-1)");
  sink = log(zero); show("log(0)");
  sink = log(negone); show("log(-1)");
  sink = exp(1000.0); show("exp(1000)");
  sink = exp(-1000.0); show("exp(-1000)");
  fsink = (float)huge; show("(float)1e308");
  fsink = (float)(one / three); show("(float)(1/3)");
  volatile int iv = (int)1e20; (void)iv; show("(int)1e20");
  volatile long lv = lrint(1e30); (void)lv; show("lrint(1e30)");
  sink = (double)(1LL << 60) + 1; show("2^60+1");
  sink = zero * (one / zero); show("0*inf");
  sink = nextafter(0.0, 1.0); show("nextafter(0,1)");
  sink = fmod(one, zero); show("fmod(1,0)");
  sink = pow(zero, -one); show("pow(0,-1)");
  sink = acos(2.0 + zero); show("acos(2)");
  feraiseexcept(FE_OVERFLOW | FE_INEXACT); show("raise ovf|inexact");
  sink = one / zero;
  fexcept_t saved;
  fegetexceptflag(&saved, FE_ALL_EXCEPT);
  feclearexcept(FE_ALL_EXCEPT);
  show("after clear");
  fesetexceptflag(&saved, FE_ALL_EXCEPT);
  show("restored");
  fenv_t env;
  sink = zero / zero;
  feholdexcept(&env);
  show("held");
  sink = one / three;
  feupdateenv(&env);
  show("updateenv");
  return 0;
}
