// Floating-point exceptions turned into SIGFPE, as numeric code hunting NaNs does it: feenableexcept
// for divide-by-zero, invalid and overflow, a SIGFPE handler with SA_SIGINFO reading si_code
// (FPE_FLTDIV, FPE_FLTOVF), siglongjmp back out, fegetexcept, fedisableexcept; integer
// division by zero, which POWER does not trap (the quotient is undefined, only printed as "no trap").
// SPDX-License-Identifier: MIT
#define _GNU_SOURCE
#include <fenv.h>
#include <math.h>
#include <setjmp.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>

static sigjmp_buf env;
static volatile sig_atomic_t last_code, traps, in_handler_enabled = -1;

static void on_fpe(int sig, siginfo_t *si, void *uc) {
  (void)uc;
  last_code = si->si_code;
  in_handler_enabled = fegetexcept(); /* Linux starts a handler with FPSCR 0 */
  traps++;
  (void)sig;
  siglongjmp(env, 1);
}

static const char *code_name(int c) {
  switch (c) {
  case FPE_INTDIV: return "FPE_INTDIV";
  case FPE_INTOVF: return "FPE_INTOVF";
  case FPE_FLTDIV: return "FPE_FLTDIV";
  case FPE_FLTOVF: return "FPE_FLTOVF";
  case FPE_FLTUND: return "FPE_FLTUND";
  case FPE_FLTRES: return "FPE_FLTRES";
  case FPE_FLTINV: return "FPE_FLTINV";
  default: return "other";
  }
}

static volatile double zero = 0.0, one = 1.0, big = 1e308, neg = -1.0;

/* Each try sets the traps it wants again: siglongjmp out of a handler leaves the FPSCR the kernel
   gave the handler (0), not the one of the trapping code. */
static int wanted;

/* Invalid operations (0/0, sqrt(-1)) are FPE_FLTINV on Linux (parse_fpe reads VE and VX); qemu-user
   reports FPE_FLTDIV and a code of its own instead, so their code is not printed. */
static void try(const char *what, int which) {
  int show_code = which != 1 && which != 3;
  volatile double r = 0;
  feclearexcept(FE_ALL_EXCEPT);
  fedisableexcept(FE_ALL_EXCEPT);
  if (wanted) feenableexcept(wanted);
  if (sigsetjmp(env, 1) == 0) {
    switch (which) {
    case 0: r = one / zero; break;
    case 1: r = zero / zero; break;
    case 2: r = big * big; break;
    case 3: r = sqrt(neg); break;
    case 4: r = one / 3.0; break;
    }
    printf("%-14s no trap, result %g\n", what, r);
  } else {
    printf("%-14s SIGFPE %s\n", what, show_code ? code_name(last_code) : "(invalid)");
  }
}

int main(void) {
  struct sigaction sa;
  memset(&sa, 0, sizeof sa);
  sa.sa_sigaction = on_fpe;
  sa.sa_flags = SA_SIGINFO;
  sigaction(SIGFPE, &sa, NULL);

  printf("enabled at start %#x\n", fegetexcept());
  try("1/0 masked", 0);
  printf("flags after masked 1/0: divbyzero %d\n", fetestexcept(FE_DIVBYZERO) != 0);
  feclearexcept(FE_ALL_EXCEPT);

  int prev = feenableexcept(FE_DIVBYZERO | FE_INVALID | FE_OVERFLOW);
  printf("feenableexcept previous %#x now %#x\n", prev, fegetexcept());
  wanted = FE_DIVBYZERO | FE_INVALID | FE_OVERFLOW;
  try("1/0", 0);
  printf("enabled inside the handler %#x, after siglongjmp %#x\n", (int)in_handler_enabled, fegetexcept());
  try("0/0", 1);
  try("big*big", 2);
  try("sqrt(-1)", 3);
  try("1/3 inexact", 4);

  feenableexcept(wanted);
  prev = fedisableexcept(FE_DIVBYZERO);
  printf("fedisableexcept previous %#x now %#x\n", prev, fegetexcept());
  wanted = FE_INVALID | FE_OVERFLOW;
  try("1/0 again", 0);
  wanted = 0;
  try("0/0 masked", 1);
  printf("traps %d\n", (int)traps);

  /* Raising a flag with an enabled trap through feraiseexcept traps too. */
  feclearexcept(FE_ALL_EXCEPT);
  feenableexcept(FE_OVERFLOW);
  if (sigsetjmp(env, 1) == 0) {
    feraiseexcept(FE_OVERFLOW);
    printf("feraiseexcept overflow: no trap\n");
  } else
    printf("feraiseexcept overflow: SIGFPE %s\n", code_name(last_code));
  fedisableexcept(FE_ALL_EXCEPT);
  feclearexcept(FE_ALL_EXCEPT);

  /* fenv saved with traps enabled and restored. */
  fenv_t e;
  feenableexcept(FE_INVALID);
  fegetenv(&e);
  fedisableexcept(FE_ALL_EXCEPT);
  printf("before fesetenv %#x", fegetexcept());
  fesetenv(&e);
  printf(", after %#x\n", fegetexcept());
  fesetenv(FE_DFL_ENV);
  printf("FE_DFL_ENV %#x\n", fegetexcept());

  volatile int a = 7, b = 0;
  if (sigsetjmp(env, 1) == 0) {
    volatile int q = a / b;
    (void)q;
    printf("int 7/0: no trap\n");
  } else
    printf("int 7/0: SIGFPE %s\n", code_name(last_code));
  return 0;
}
