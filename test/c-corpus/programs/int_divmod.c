// Division and modulo of negative and positive operands at 32 and 64 bits, signed and unsigned,
// by constants (strength-reduced by the compiler) and by run-time values; div/ldiv/lldiv.
// SPDX-License-Identifier: MIT
#include <stdio.h>
#include <stdlib.h>
#include <stdint.h>

static volatile int vals[] = {7, -7, 13, -13, 100, -100, 2147483647, -2147483647 - 1, 1, -1, 0};
static volatile int divs[] = {1, -1, 2, -2, 3, -3, 7, -7, 10, 16, -16, 2147483647};

int main(void) {
  int n = sizeof vals / sizeof vals[0], m = sizeof divs / sizeof divs[0];
  for (int i = 0; i < n; i++) {
    for (int j = 0; j < m; j++) {
      int a = vals[i], b = divs[j];
      if (a == -2147483647 - 1 && b == -1) continue;
      printf("%d/%d=%d %%=%d ", a, b, a / b, a % b);
    }
    printf("\n");
  }
  for (int i = 0; i < n; i++) {
    unsigned a = (unsigned)vals[i];
    printf("u %u: /3=%u %%3=%u /10=%u %%10=%u /7=%u /16=%u\n", a, a / 3, a % 3, a / 10, a % 10, a / 7, a / 16);
    int s = vals[i];
    printf("s %d: /3=%d %%3=%d /10=%d %%10=%d /8=%d %%8=%d\n", s, s / 3, s % 3, s / 10, s % 10, s / 8, s % 8);
  }
  volatile int64_t big[] = {INT64_MAX, INT64_MIN + 1, -123456789012345LL, 987654321098765LL};
  volatile int64_t bd[] = {3, -3, 1000000007LL, -65536, 0x100000000LL};
  for (int i = 0; i < 4; i++)
    for (int j = 0; j < 5; j++)
      printf("%lld/%lld=%lld r=%lld\n", (long long)big[i], (long long)bd[j], (long long)(big[i] / bd[j]), (long long)(big[i] % bd[j]));
  volatile uint64_t ub = 0xfedcba9876543210ULL;
  printf("u64: %llu %llu %llu %llu\n", (unsigned long long)(ub / 10), (unsigned long long)(ub % 10),
         (unsigned long long)(ub / 0xffffffffULL), (unsigned long long)(ub % 0x12345ULL));
  div_t d = div(-17, 5);
  ldiv_t ld = ldiv(-17000000000L, 7L);
  lldiv_t lld = lldiv(123456789012345LL, -1000LL);
  printf("div %d %d, ldiv %ld %ld, lldiv %lld %lld\n", d.quot, d.rem, ld.quot, ld.rem, lld.quot, lld.rem);
  printf("abs %d labs %ld llabs %lld\n", abs(-5), labs(-6L), llabs(-7LL));
  return 0;
}
