// Conversions between integers and floating point both ways, including values out of range (whose
// result the ISA defines: saturation on POWER), negative to unsigned, rounding toward zero, float<->double.
// SPDX-License-Identifier: MIT
#include <stdio.h>
#include <stdint.h>

static volatile double ds[] = {0.0, -0.0, 0.4, 0.5, 0.6, 1.5, 2.5, -1.5, -2.5, 1e9, 2147483647.0, 2147483647.9, 2147483648.0, -2147483648.9,
                               -2147483649.0, 4294967295.0, 4294967296.0, 9.2e18, 9.3e18, 1.8e19, 1.9e19, -1.0, -1e19, 1e300, -1e300};
static volatile int64_t is[] = {0, 1, -1, 16777217, -16777217, 9007199254740993LL, INT64_MAX, INT64_MIN, 123456789};
static volatile uint64_t us[] = {0, 1, 0xffffffffu, 0x8000000000000000ULL, 0xffffffffffffffffULL, 0x8000000000000801ULL, 9007199254740993ULL};

int main(void) {
  for (unsigned i = 0; i < sizeof ds / sizeof ds[0]; i++) {
    double d = ds[i];
    printf("%-24.17g i32=%d u32=%u i64=%lld u64=%llu i16=%d f=%.9g\n", d, (int32_t)d, (uint32_t)d, (long long)(int64_t)d,
           (unsigned long long)(uint64_t)d, (int16_t)(int32_t)d, (double)(float)d);
  }
  for (unsigned i = 0; i < sizeof is / sizeof is[0]; i++)
    printf("%lld -> d %.17g f %.9g\n", (long long)is[i], (double)is[i], (double)(float)is[i]);
  for (unsigned i = 0; i < sizeof us / sizeof us[0]; i++)
    printf("%llu -> d %.17g f %.9g\n", (unsigned long long)us[i], (double)us[i], (double)(float)us[i]);
  volatile float f = 3.99f, g = -3.99f, big = 3e9f, nbig = -3e9f;
  printf("float->int: %d %d %d %d %u %u\n", (int)f, (int)g, (int)big, (int)nbig, (unsigned)big, (unsigned)f);
  volatile unsigned u = 4000000000u;
  volatile int si = -7;
  printf("u->d %.1f, i->f %.1f, u->f %.1f\n", (double)u, (double)(float)si, (double)(float)u);
  volatile double dd = 0.1;
  float ff = (float)dd;
  double back = ff;
  printf("0.1 -> float -> double: %.17g, equal %d\n", back, back == dd);
  printf("char conv: %d %d\n", (signed char)(int)127.9, (unsigned char)(int)255.9);
  return 0;
}
