// SPDX-License-Identifier: MIT
// The compute-heavy C program of `npm run bench` (built -O2): integer kernels of the kind small
// benchmarks run (a sieve, a hash over a buffer, a sort, an integer matrix product, a CRC), with a
// checksum printed at the end so that a wrong result is seen, not just timed.
#include <stdio.h>
#include <stdint.h>
#include <string.h>

#define N 200000
static uint8_t composite[N];
static uint32_t data[4096];
static int32_t a[48][48], b[48][48], c[48][48];

static uint32_t sieve(void) {
  memset(composite, 0, sizeof composite);
  uint32_t count = 0;
  for (uint32_t i = 2; i < N; i++) {
    if (composite[i]) continue;
    count++;
    for (uint32_t j = i * 2; j < N; j += i) composite[j] = 1;
  }
  return count;
}

static uint64_t fnv(const uint8_t *p, size_t n, uint64_t h) {
  for (size_t i = 0; i < n; i++) { h ^= p[i]; h *= 1099511628211ULL; }
  return h;
}

static void isort(uint32_t *v, int n) {
  for (int i = 1; i < n; i++) {
    uint32_t x = v[i];
    int j = i - 1;
    while (j >= 0 && v[j] > x) { v[j + 1] = v[j]; j--; }
    v[j + 1] = x;
  }
}

static uint32_t crc32(const uint8_t *p, size_t n) {
  uint32_t crc = 0xffffffffu;
  for (size_t i = 0; i < n; i++) {
    crc ^= p[i];
    for (int k = 0; k < 8; k++) crc = (crc >> 1) ^ (0xedb88320u & -(crc & 1));
  }
  return ~crc;
}

int main(void) {
  uint64_t sum = 0;
  uint32_t x = 12345;
  for (int round = 0; round < 16; round++) {
    sum += sieve();
    for (int i = 0; i < 4096; i++) { x = x * 1103515245u + 12345u; data[i] = x >> 8; }
    sum ^= fnv((const uint8_t *)data, sizeof data, 1469598103934665603ULL);
    isort(data, 1024);
    sum += data[0] + data[1023];
    for (int i = 0; i < 48; i++)
      for (int j = 0; j < 48; j++) { a[i][j] = (i * 7 + j + round) % 13 - 6; b[i][j] = (i + j * 5) % 11 - 5; }
    for (int i = 0; i < 48; i++)
      for (int j = 0; j < 48; j++) {
        int32_t s = 0;
        for (int k = 0; k < 48; k++) s += a[i][k] * b[k][j];
        c[i][j] = s;
      }
    sum += (uint32_t)c[round][47 - round];
    sum += crc32((const uint8_t *)data, sizeof data);
  }
  printf("checksum %llu\n", (unsigned long long)sum);
  return 0;
}
