// c-testsuite style: many small language checks, each one silent when it passes; the exit status is
// the number of failed checks (0 expected) and a summary line is printed.
// SPDX-License-Identifier: MIT
#include <stdio.h>
#include <string.h>
#include <stdint.h>
#include <limits.h>

static int failures, checks;
#define CHECK(cond) do { checks++; if (!(cond)) { failures++; printf("FAIL line %d: %s\n", __LINE__, #cond); } } while (0)

struct s1 { char c; long l; };
union u1 { char c[3]; int i; };
static int fact(int n) { return n <= 1 ? 1 : n * fact(n - 1); }
static int side;
static int effect(int v) { side++; return v; }

int main(void) {
  CHECK(sizeof(struct s1) == 16);
  CHECK(sizeof(union u1) == 4);
  CHECK((-7) / 2 == -3 && (-7) % 2 == -1);
  CHECK((unsigned char)257 == 1);
  CHECK((signed char)128 == -128);
  CHECK((int)(1u << 31) == INT_MIN);
  CHECK((0 || effect(1)) && side == 1);
  CHECK(!(0 && effect(1)) && side == 1);
  CHECK(fact(10) == 3628800);
  int a[5] = {1, 2, 3};
  CHECK(a[3] == 0 && a[4] == 0);
  CHECK(&a[4] - &a[1] == 3);
  char s[] = "abc";
  CHECK(sizeof s == 4 && s[3] == 0);
  CHECK(strcmp("abc", "abd") < 0);
  int x = 5;
  x = x++ + 1; /* unsequenced in C: only that it ends 6 or 7 is checked */
  CHECK(x == 6 || x == 7);
  int y = 10; y -= 3; y *= 2; y /= 3; y %= 3; y <<= 4; y >>= 1; y |= 1; y ^= 3; y &= 0xe;
  CHECK(y == 10);
  uint32_t u = 0xffffffffu;
  CHECK(u + 1 == 0);
  CHECK((int64_t)u == 4294967295LL);
  CHECK(-1 < 0u ? 0 : 1);
  double d = 0.1 * 3;
  CHECK(d != 0.3 && (float)d == 0.3f);
  CHECK((int)-3.9 == -3 && (int)3.9 == 3);
  int i = 0, sum = 0;
  while (1) { if (++i > 10) break; if (i % 2) continue; sum += i; }
  CHECK(sum == 30);
  do { sum--; } while (sum > 25);
  CHECK(sum == 25);
  for (i = 0; i < 3; i++) { int inner = i; (void)inner; }
  CHECK(i == 3);
  goto skip;
  failures += 100;
skip:
  CHECK(failures < 100);
  enum { A, B = 5, C } e = C;
  CHECK(e == 6);
  struct s1 p = {'a', 123456789012L}, q = p;
  CHECK(q.l == p.l && q.c == 'a');
  union u1 uu; uu.i = 0x41424344;
  CHECK(uu.c[0] == 0x44);
  const char *t = "x" "y";
  CHECK(t[1] == 'y' && t[2] == 0);
  CHECK(sizeof(int) == 4 && sizeof(long) == 8 && sizeof(void *) == 8);
  CHECK(((char)-1) == 255);
  long long big = LLONG_MAX;
  CHECK(big / -1 == -LLONG_MAX);
  CHECK(0x7fffffff + 0LL + 1 == 0x80000000LL);
  printf("%d checks, %d failed\n", checks, failures);
  return failures;
}
