/* -O3 auto-vectorized loops (forced by pragma whatever the corpus flags): integer saxpy, reductions,
   byte transforms, min/max, conversions int<->float, strided and reversed copies, widening multiplies.
   SPDX-License-Identifier: MIT */
#pragma GCC optimize("O3", "tree-vectorize", "unroll-loops")
#include <stdio.h>
#include <stdint.h>
#include <string.h>

#define N 1031
static int32_t a[N], b[N], c[N]; static int16_t s16[N]; static uint8_t u8[N], v8[N]; static float fa[N], fb[N];
static double da[N]; static int64_t l64[N]; static uint32_t u32[N];

__attribute__((noinline)) static void saxpy(int k) { for (int i = 0; i < N; i++) c[i] = k * a[i] + b[i]; }
__attribute__((noinline)) static int64_t dot(void) { int64_t s = 0; for (int i = 0; i < N; i++) s += (int64_t)a[i] * b[i]; return s; }
__attribute__((noinline)) static void bytes(void) { for (int i = 0; i < N; i++) v8[i] = (uint8_t)((u8[i] ^ 0x5a) + (u8[i] >> 3)); }
__attribute__((noinline)) static void clamp(void) { for (int i = 0; i < N; i++) { int x = a[i]; c[i] = x < -500 ? -500 : x > 500 ? 500 : x; } }
__attribute__((noinline)) static void conv(void) { for (int i = 0; i < N; i++) { fa[i] = (float)a[i] * 0.5f; b[i] = (int)fb[i]; } }
__attribute__((noinline)) static void widen(void) { for (int i = 0; i < N; i++) a[i] = (int32_t)s16[i] * s16[N - 1 - i]; }
__attribute__((noinline)) static void rev(void) { for (int i = 0; i < N; i++) c[i] = a[N - 1 - i]; }
__attribute__((noinline)) static void fmul(void) { for (int i = 0; i < N; i++) fb[i] = fa[i] * fa[i] + 1.0f; }
__attribute__((noinline)) static void dconv(void) { for (int i = 0; i < N; i++) { da[i] = (double)l64[i] / 3.0; l64[i] = (int64_t)(da[i] * 2.0); } }
__attribute__((noinline)) static uint32_t umaxr(void) { uint32_t m = 0; for (int i = 0; i < N; i++) m = u32[i] > m ? u32[i] : m; return m; }
__attribute__((noinline)) static void shifts(void) { for (int i = 0; i < N; i++) u32[i] = (u32[i] << (i & 7)) | (u32[i] >> (32 - (i & 7) - 1)); }
__attribute__((noinline)) static int count_eq(void) { int n = 0; for (int i = 0; i < N; i++) n += u8[i] == v8[i]; return n; }

static uint64_t h(const void *p, size_t n) { const uint8_t *q = p; uint64_t x = 1469598103934665603ull; while (n--) x = (x ^ *q++) * 1099511628211ull; return x; }

int main(void) {
  for (int i = 0; i < N; i++) { a[i] = i * 7 - 3000; b[i] = (i * 13) % 101 - 50; s16[i] = (int16_t)(i * 31 - 16000); u8[i] = (uint8_t)(i * 17);
    fb[i] = (float)i * 1.25f - 600.0f; l64[i] = (int64_t)i * 1234567 - 500000000; u32[i] = (uint32_t)i * 2654435761u; }
  saxpy(3); printf("saxpy %016llx\n", (unsigned long long)h(c, sizeof c));
  printf("dot %lld\n", (long long)dot());
  bytes(); printf("bytes %016llx eq=%d\n", (unsigned long long)h(v8, sizeof v8), count_eq());
  clamp(); printf("clamp %016llx\n", (unsigned long long)h(c, sizeof c));
  conv(); printf("conv %016llx %016llx\n", (unsigned long long)h(fa, sizeof fa), (unsigned long long)h(b, sizeof b));
  widen(); printf("widen %016llx\n", (unsigned long long)h(a, sizeof a));
  rev(); printf("rev %016llx\n", (unsigned long long)h(c, sizeof c));
  fmul(); printf("fmul %016llx\n", (unsigned long long)h(fb, sizeof fb));
  dconv(); printf("dconv %016llx %016llx\n", (unsigned long long)h(da, sizeof da), (unsigned long long)h(l64, sizeof l64));
  printf("umax %u\n", umaxr());
  shifts(); printf("shifts %016llx\n", (unsigned long long)h(u32, sizeof u32));
  return 0;
}
