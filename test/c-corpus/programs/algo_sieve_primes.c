// Prime numbers: sieve of Eratosthenes up to 100000 (byte and bit versions), prime counting at powers
// of ten, twin primes, Goldbach partitions, trial-division factorisation and a Miller-Rabin test on
// 64-bit numbers.
// SPDX-License-Identifier: MIT
#include <stdio.h>
#include <stdint.h>
#include <string.h>

enum { LIMIT = 100000 };
static unsigned char composite[LIMIT + 1];
static uint32_t bits[LIMIT / 32 + 1];

static uint64_t mulmod(uint64_t a, uint64_t b, uint64_t m) { return (uint64_t)((unsigned __int128)a * b % m); }
static uint64_t powmod(uint64_t b, uint64_t e, uint64_t m) { uint64_t r = 1; b %= m; while (e) { if (e & 1) r = mulmod(r, b, m); b = mulmod(b, b, m); e >>= 1; } return r; }
static int miller_rabin(uint64_t n) {
  if (n < 2) return 0;
  static const uint64_t bases[] = {2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37};
  for (int i = 0; i < 12; i++) if (n % bases[i] == 0) return n == bases[i];
  uint64_t d = n - 1; int s = 0;
  while (!(d & 1)) { d >>= 1; s++; }
  for (int i = 0; i < 12; i++) {
    uint64_t x = powmod(bases[i], d, n);
    if (x == 1 || x == n - 1) continue;
    int comp = 1;
    for (int r = 1; r < s; r++) { x = mulmod(x, x, n); if (x == n - 1) { comp = 0; break; } }
    if (comp) return 0;
  }
  return 1;
}

int main(void) {
  for (int i = 2; (long)i * i <= LIMIT; i++) if (!composite[i]) for (int j = i * i; j <= LIMIT; j += i) composite[j] = 1;
  memset(bits, 0xff, sizeof bits); bits[0] &= ~3u;
  for (int i = 2; (long)i * i <= LIMIT; i++) if (bits[i >> 5] >> (i & 31) & 1) for (int j = i * i; j <= LIMIT; j += i) bits[j >> 5] &= ~(1u << (j & 31));
  int count = 0, twins = 0, mismatch = 0, last = 0;
  for (int i = 2; i <= LIMIT; i++) {
    int p = !composite[i];
    if (p != (int)(bits[i >> 5] >> (i & 31) & 1)) mismatch++;
    if (p) { count++; if (i - last == 2) twins++; last = i; }
    if (i == 10 || i == 100 || i == 1000 || i == 10000 || i == 100000) printf("pi(%d) = %d\n", i, count);
  }
  printf("primes <= %d: %d, twins %d, largest %d, mismatches %d\n", LIMIT, count, twins, last, mismatch);
  for (int n = 4; n <= 40; n += 6) {
    int parts = 0; for (int p = 2; p <= n / 2; p++) if (!composite[p] && !composite[n - p]) parts++;
    printf("goldbach %d: %d partitions\n", n, parts);
  }
  uint64_t nums[] = {600851475143ULL, 9999999967ULL, 1234567890123ULL, 18446744073709551557ULL, 4294967297ULL};
  for (int i = 0; i < 5; i++) {
    uint64_t n = nums[i];
    printf("%llu: prime %d factors", (unsigned long long)n, miller_rabin(n));
    for (uint64_t f = 2; f * f <= n && f < 20000; f++) while (n % f == 0) { printf(" %llu", (unsigned long long)f); n /= f; }
    if (n > 1) printf(" %llu", (unsigned long long)n);
    printf("\n");
  }
  return 0;
}
