// __float128 (IEEE binary128) arithmetic, conversions and compares in the four rounding modes, with
// the exception flags they raise; round to odd (emulated where the CPU has no such instruction);
// difftime. On POWER9/10 GCC and libgcc use the quad-precision instructions (xsaddqp, xsmaddqp,
// xscvsdqp, xscvqpdp, xsrqpi...), on POWER8 libgcc's software routines. Values are printed as their
// 128 bits and through double (no libquadmath).
// SPDX-License-Identifier: MIT
#include <fenv.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#pragma STDC FENV_ACCESS ON

typedef __float128 q;

static const struct { int mode; const char *name; } modes[] = {
  {FE_TONEAREST, "nearest"}, {FE_UPWARD, "upward"}, {FE_DOWNWARD, "downward"}, {FE_TOWARDZERO, "towardzero"}};

static uint64_t hi(q x) { uint64_t w[2]; memcpy(w, &x, 16); return w[1]; }
static uint64_t lo(q x) { uint64_t w[2]; memcpy(w, &x, 16); return w[0]; }
static q fromBits(uint64_t h, uint64_t l) { uint64_t w[2] = {l, h}; q x; memcpy(&x, w, 16); return x; }
static void show(const char *name, q x) {
  printf("%-14s %016llx %016llx %.17g\n", name, (unsigned long long)hi(x), (unsigned long long)lo(x), (double)x);
}
static void flags(const char *what) {
  int f = fetestexcept(FE_ALL_EXCEPT);
  printf("  flags after %-10s %s%s%s%s%s\n", what, f & FE_INEXACT ? " inexact" : "", f & FE_UNDERFLOW ? " underflow" : "",
         f & FE_OVERFLOW ? " overflow" : "", f & FE_DIVBYZERO ? " divbyzero" : "", f & FE_INVALID ? " invalid" : "");
  feclearexcept(FE_ALL_EXCEPT);
}

/* volatile operands: computed at run time, in the current rounding mode */
static volatile q one = 1, three = 3, seven = 7, tenth = 0.1, big = 1e300, tiny = 1e-300;
static volatile double d_third = 1.0 / 3.0, d_big = 1.7976931348623157e308, d_sub = 4.9406564584124654e-324;
static volatile long long ll[] = {0, 1, -1, 9007199254740993LL, -9223372036854775807LL - 1, 9223372036854775807LL, 123456789012345LL};
static volatile unsigned long long ull[] = {0, 18446744073709551615ULL, 9223372036854775808ULL, 12345678901234567890ULL};

/* a + b rounded to odd: the hardware's xsaddqpo where there is one, else truncation with the inexact flag */
static q add_odd(q a, q b) {
#ifdef _ARCH_PWR9
  return __builtin_addf128_round_to_odd(a, b);
#else
  int m = fegetround();
  feclearexcept(FE_INEXACT);
  fesetround(FE_TOWARDZERO);
  q r = a + b;
  int inexact = fetestexcept(FE_INEXACT);
  fesetround(m);
  return inexact ? fromBits(hi(r), lo(r) | 1) : r;
#endif
}

int main(void) {
  feclearexcept(FE_ALL_EXCEPT);
  for (unsigned long m = 0; m < 4; m++) {
    fesetround(modes[m].mode);
    printf("== %s\n", modes[m].name);
    q third = one / three;
    show("1/3", third);
    show("2/3-1/3", (one + one) / three - third);
    show("-1/7", -one / seven);
    show("0.1*3", tenth * three);
    show("sqrt(2)", __builtin_sqrtf128(one + one));
    show("fma", __builtin_fmaf128(third, three, -one));
    show("1e300^17", (q)big * big * big * big * big * big * big * big * big * big * big * big * big * big * big * big * big);
    flags("overflow");
    show("1e-300^17", (q)tiny * tiny * tiny * tiny * tiny * tiny * tiny * tiny * tiny * tiny * tiny * tiny * tiny * tiny * tiny * tiny * tiny);
    flags("underflow");
    show("1/0", one / (one - one));
    flags("divide");
    show("odd 1+1e-40", add_odd(one, (q)1e-40));
    show("odd 1/3+1/3", add_odd(third, third));
    show("(q)d 1/3", (q)d_third);
    show("(q)dmax", (q)d_big);
    show("(q)dsub", (q)d_sub);
    printf("  (double) 1/3 %.17g, 1+2^-60 %.17g, 2^1024 %g, 2^-1080 %g\n", (double)third, (double)(one + fromBits(0x3fc3000000000000ULL, 0)),
           (double)fromBits(0x43ff000000000000ULL, 0), (double)fromBits(0x3bc7000000000000ULL, 0));
    flags("to double");
    for (unsigned long i = 0; i < 7; i++) {
      q x = (q)ll[i];
      printf("  ll %lld -> %016llx %016llx -> %lld, x/3 -> %lld\n", (long long)ll[i], (unsigned long long)hi(x), (unsigned long long)lo(x), (long long)x, (long long)(x / 3));
    }
    for (unsigned long i = 0; i < 4; i++) {
      q x = (q)ull[i];
      printf("  ull %llu -> %016llx %016llx -> %llu, (int) x/2^40 %d, (unsigned) %u\n", (unsigned long long)ull[i], (unsigned long long)hi(x), (unsigned long long)lo(x),
             (unsigned long long)x, (int)(x / (q)1099511627776.0), (unsigned)(x / (q)4294967296.0));
    }
    __int128 big128 = ((__int128)0x7fffffffffffffffLL << 64) | 0xfffffffffffff000ULL;
    q b128 = (q)big128, u128 = (q)(unsigned __int128)-1;
    show("(q)i128", b128);
    show("(q)u128", u128);
    __int128 back = (__int128)(b128 / 3);
    printf("  i128 back %016llx %016llx\n", (unsigned long long)(back >> 64), (unsigned long long)back);
    flags("integers");
    volatile q nan = __builtin_nanf128(""), inf = __builtin_inff128();
    printf("  compares: %d %d %d %d %d %d | nan: %d %d %d %d\n", third < one, third > one, third == third, one <= one, -inf < one, inf >= big,
           nan < one, nan == nan, nan != nan, nan >= inf);
    feclearexcept(FE_ALL_EXCEPT); /* (an ordered compare of a NaN: invalid in libgcc's software routines, not with xscmpuqp) */
    show("fabs", __builtin_fabsf128(-third));
    show("copysign", __builtin_copysignf128(three, -one));
  }
  fesetround(FE_TONEAREST);
  /* a long sum: 1/k for k = 1..2000 in quad, and the Leibniz series for pi/4 */
  q h = 0, pi4 = 0;
  for (int k = 1; k <= 2000; k++) {
    h += one / k;
    pi4 += (k & 1 ? one : -one) / (2 * k - 1);
  }
  show("harmonic", h);
  show("leibniz", pi4);
  printf("difftime %.1f %.1f %.1f\n", difftime((time_t)1700000000, (time_t)1600000000), difftime((time_t)0, (time_t)86400 * 365),
         difftime((time_t)0x7fffffffffffffffLL, (time_t)1));
  return 0;
}
