// Arbitrary-precision arithmetic on decimal digit arrays (base 10^9 limbs): 200!, 2^1000 and its
// digit sum, Fibonacci(1000), a big multiplication and long division by a small number.
// SPDX-License-Identifier: MIT
#include <stdio.h>
#include <string.h>
#include <stdint.h>

enum { LIMBS = 80, BASE = 1000000000 };
typedef struct { int n; uint32_t d[LIMBS]; } big;

static void set(big *a, uint32_t v) { memset(a, 0, sizeof *a); a->d[0] = v; a->n = 1; }
static void mul_small(big *a, uint32_t m) {
  uint64_t carry = 0;
  for (int i = 0; i < a->n; i++) { uint64_t t = (uint64_t)a->d[i] * m + carry; a->d[i] = (uint32_t)(t % BASE); carry = t / BASE; }
  while (carry) { a->d[a->n++] = (uint32_t)(carry % BASE); carry /= BASE; }
}
static void add(big *r, const big *a, const big *b) {
  uint32_t carry = 0; int n = a->n > b->n ? a->n : b->n; big t; memset(&t, 0, sizeof t);
  for (int i = 0; i < n; i++) { uint32_t s = (i < a->n ? a->d[i] : 0) + (i < b->n ? b->d[i] : 0) + carry; t.d[i] = s % BASE; carry = s / BASE; }
  t.n = n; if (carry) t.d[t.n++] = carry; *r = t;
}
static void mul(big *r, const big *a, const big *b) {
  uint64_t acc[2 * LIMBS] = {0};
  for (int i = 0; i < a->n; i++) for (int j = 0; j < b->n; j++) { acc[i + j] += (uint64_t)a->d[i] * b->d[j]; if (acc[i + j] >= (1ULL << 62)) { acc[i + j + 1] += acc[i + j] / BASE; acc[i + j] %= BASE; } }
  big t; memset(&t, 0, sizeof t);
  uint64_t carry = 0; int n = a->n + b->n;
  for (int i = 0; i < n; i++) { uint64_t v = acc[i] + carry; t.d[i] = (uint32_t)(v % BASE); carry = v / BASE; }
  t.n = n; while (t.n > 1 && !t.d[t.n - 1]) t.n--; *r = t;
}
static uint32_t div_small(big *a, uint32_t m) {
  uint64_t rem = 0;
  for (int i = a->n - 1; i >= 0; i--) { uint64_t cur = a->d[i] + rem * BASE; a->d[i] = (uint32_t)(cur / m); rem = cur % m; }
  while (a->n > 1 && !a->d[a->n - 1]) a->n--;
  return (uint32_t)rem;
}
static int print(const char *label, const big *a) {
  printf("%s = %u", label, a->d[a->n - 1]);
  for (int i = a->n - 2; i >= 0; i--) printf("%09u", a->d[i]);
  char buf[16]; int digits = snprintf(buf, sizeof buf, "%u", a->d[a->n - 1]) + 9 * (a->n - 1);
  printf(" (%d digits)\n", digits);
  return digits;
}
static int digit_sum(const big *a) { int s = 0; for (int i = 0; i < a->n; i++) for (uint32_t v = a->d[i]; v; v /= 10) s += (int)(v % 10); return s; }

int main(void) {
  big f; set(&f, 1);
  for (uint32_t i = 2; i <= 200; i++) mul_small(&f, i);
  print("200!", &f);
  printf("digit sum %d\n", digit_sum(&f));
  big p; set(&p, 1);
  for (int i = 0; i < 1000; i++) mul_small(&p, 2);
  print("2^1000", &p);
  printf("digit sum %d\n", digit_sum(&p));
  big a, b, c; set(&a, 0); set(&b, 1);
  for (int i = 0; i < 999; i++) { add(&c, &a, &b); a = b; b = c; }
  print("fib(1000)", &b);
  big sq; mul(&sq, &b, &b);
  print("fib(1000)^2", &sq);
  big q = f; uint32_t r = div_small(&q, 999999937u);
  printf("200! mod 999999937 = %u\n", r);
  print("200! / 999999937", &q);
  return 0;
}
