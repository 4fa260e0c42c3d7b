// Checked arithmetic with __builtin_*_overflow, saturating helpers, and min/max extremes.
// SPDX-License-Identifier: MIT
#include <stdio.h>
#include <stdint.h>
#include <limits.h>

static int32_t sat_add32(int32_t a, int32_t b) {
  int32_t r;
  if (__builtin_add_overflow(a, b, &r)) return a > 0 ? INT32_MAX : INT32_MIN;
  return r;
}

int main(void) {
  volatile int64_t xs[] = {0, 1, -1, INT32_MAX, INT32_MIN, INT64_MAX, INT64_MIN, 1LL << 32, -(1LL << 40), 3037000499LL, 3037000500LL};
  int n = sizeof xs / sizeof xs[0];
  for (int i = 0; i < n; i++) {
    for (int j = 0; j < n; j++) {
      long long r; int ri; unsigned long long ur; unsigned ui;
      int o1 = __builtin_add_overflow(xs[i], xs[j], &r);
      int o2 = __builtin_mul_overflow(xs[i], xs[j], &r);
      long long m = r;
      int o3 = __builtin_sub_overflow((int)xs[i], (int)xs[j], &ri);
      int o4 = __builtin_mul_overflow((unsigned long long)xs[i], (unsigned long long)xs[j], &ur);
      int o5 = __builtin_add_overflow((unsigned)xs[i], (unsigned)xs[j], &ui);
      printf("%d%d%d%d%d", o1, o2, o3, o4, o5);
      if (j == n - 1) printf(" %lld\n", m);
      else printf(" ");
    }
  }
  printf("sat: %d %d %d\n", sat_add32(INT32_MAX, 5), sat_add32(INT32_MIN, -5), sat_add32(100, -50));
  unsigned long long u = ULLONG_MAX;
  printf("ULLONG_MAX %llu, +1 %llu, *3 %llu\n", u, u + 1, u * 3);
  return 0;
}
