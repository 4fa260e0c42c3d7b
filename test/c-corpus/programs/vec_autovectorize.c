// Loops that GCC vectorizes at -O2 with VSX/VMX (more so with -mcpu=power9/power10): integer sums and
// min/max reductions, saxpy in float and double, byte transforms, dot products, element-wise
// conversions, and unaligned starts and odd lengths that need peeling and epilogues.
// SPDX-License-Identifier: MIT
#include <stdio.h>
#include <stdint.h>

enum { N = 1027 };
static float xf[N], yf[N];
static double xd[N], yd[N];
static int32_t xi[N], yi[N];
static uint8_t bytes[N], out8[N];
static int16_t s16[N];
static int64_t l64[N];

int main(void) {
  for (int i = 0; i < N; i++) {
    xf[i] = (float)i * 0.25f - 100; yf[i] = (float)(N - i) * 0.5f;
    xd[i] = i * 0.001 - 0.3; yd[i] = 1.0 / (i + 1);
    xi[i] = (i * 7919) % 1000 - 500; yi[i] = i % 13;
    bytes[i] = (uint8_t)(i * 37); s16[i] = (int16_t)(i * 300 - 30000); l64[i] = (int64_t)i * i * i - 500000000;
  }
  for (int off = 0; off < 3; off++) {
    int n = N - off;
    long long isum = 0; int imin = 1 << 30, imax = -(1 << 30);
    for (int i = 0; i < n; i++) { isum += xi[i + off]; imin = xi[i + off] < imin ? xi[i + off] : imin; imax = xi[i + off] > imax ? xi[i + off] : imax; }
    int dot = 0; for (int i = 0; i < n; i++) dot += xi[i + off] * yi[i];
    printf("off %d: isum %lld min %d max %d dot %d\n", off, isum, imin, imax, dot);
  }
  for (int i = 0; i < N; i++) yf[i] = 2.5f * xf[i] + yf[i];
  for (int i = 0; i < N; i++) yd[i] = -0.75 * xd[i] + yd[i];
  float fs = 0; double ds = 0;
  for (int i = 0; i < N; i++) { fs += yf[i]; ds += yd[i]; }
  printf("saxpy sums %.9g %.17g  samples %.9g %.17g\n", (double)fs, ds, (double)yf[N / 3], yd[N - 1]);
  for (int i = 0; i < N; i++) out8[i] = (uint8_t)((bytes[i] ^ 0x5a) + (bytes[i] >> 3));
  unsigned bsum = 0; for (int i = 0; i < N; i++) bsum = bsum * 3 + out8[i];
  for (int i = 1; i < N; i++) out8[i] = bytes[i] > bytes[i - 1] ? bytes[i] : bytes[i - 1];
  unsigned msum = 0; for (int i = 0; i < N; i++) msum += out8[i];
  printf("bytes %08x max-pairs %u\n", bsum, msum);
  long long s16sum = 0; for (int i = 0; i < N; i++) s16sum += s16[i] * (int)s16[N - 1 - i];
  int64_t lmax = INT64_MIN; for (int i = 0; i < N; i++) if (l64[i] > lmax) lmax = l64[i];
  printf("s16 dot %lld l64 max %lld\n", s16sum, (long long)lmax);
  for (int i = 0; i < N; i++) { xi[i] = (int32_t)yf[i]; xd[i] = (double)xi[i] + yd[i]; }
  long long cs = 0; for (int i = 0; i < N; i++) cs += xi[i];
  double cd = 0; for (int i = 0; i < N; i++) cd += xd[i] * 0.5;
  printf("conversions %lld %.17g\n", cs, cd);
  float mx = -1e30f; for (int i = 0; i < N; i++) mx = yf[i] > mx ? yf[i] : mx;
  printf("float max %.9g\n", (double)mx);
  return 0;
}
