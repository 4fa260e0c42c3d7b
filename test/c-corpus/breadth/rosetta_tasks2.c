/* Rosetta Code style tasks: 100 doors, Luhn, Roman numerals both ways, look-and-say, happy numbers,
   Towers of Hanoi moves, Collatz longest, perfect numbers, N-queens count, Pascal's triangle, FizzBuzz.
   SPDX-License-Identifier: MIT */
#include <stdio.h>
#include <string.h>
#include <stdlib.h>

static int luhn(const char *s) { int sum = 0, alt = 0; for (int i = (int)strlen(s) - 1; i >= 0; i--, alt ^= 1) { int d = s[i] - '0'; if (alt) { d *= 2; if (d > 9) d -= 9; } sum += d; } return sum % 10 == 0; }
static void roman(int n, char *out) {
  const int v[] = {1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1}; const char *r[] = {"M", "CM", "D", "CD", "C", "XC", "L", "XL", "X", "IX", "V", "IV", "I"};
  *out = 0; for (int i = 0; i < 13; i++) while (n >= v[i]) { strcat(out, r[i]); n -= v[i]; }
}
static int unroman(const char *s) {
  int val[256] = {0}; val['I'] = 1; val['V'] = 5; val['X'] = 10; val['L'] = 50; val['C'] = 100; val['D'] = 500; val['M'] = 1000;
  int t = 0; for (; *s; s++) t += val[(int)s[0]] < val[(int)s[1]] ? -val[(int)s[0]] : val[(int)s[0]]; return t;
}
static int happy(int n) { int seen[1000] = {0}; while (n != 1 && !seen[n]) { seen[n] = 1; int s = 0; while (n) { s += (n % 10) * (n % 10); n /= 10; } n = s; } return n == 1; }
static long moves; static void hanoi(int n, int a, int b, int c) { if (!n) return; hanoi(n - 1, a, c, b); moves++; if (n >= 9) printf("move disk %d %d->%d\n", n, a, b); hanoi(n - 1, c, b, a); }
static int queens(int n, int row, unsigned cols, unsigned d1, unsigned d2) {
  if (row == n) return 1; int c = 0;
  for (int i = 0; i < n; i++) if (!(cols >> i & 1) && !(d1 >> (row + i) & 1) && !(d2 >> (row - i + n) & 1)) c += queens(n, row + 1, cols | 1u << i, d1 | 1u << (row + i), d2 | 1u << (row - i + n));
  return c;
}

int main(void) {
  int doors[101] = {0}; for (int p = 1; p <= 100; p++) for (int d = p; d <= 100; d += p) doors[d] ^= 1;
  printf("open doors:"); for (int d = 1; d <= 100; d++) if (doors[d]) printf(" %d", d); printf("\n");
  const char *cards[] = {"49927398716", "49927398717", "1234567812345678", "1234567812345670"};
  for (int i = 0; i < 4; i++) printf("luhn %s %s\n", cards[i], luhn(cards[i]) ? "valid" : "invalid");
  int years[] = {1990, 2008, 1666, 3999, 4, 944}; char buf[64];
  for (int i = 0; i < 6; i++) { roman(years[i], buf); printf("%d=%s=%d\n", years[i], buf, unroman(buf)); }
  char las[4096] = "1", nxt[4096];
  for (int i = 0; i < 12; i++) {
    printf("%s\n", strlen(las) < 60 ? las : "(long)");
    char *o = nxt; for (char *p = las; *p;) { char c = *p; int n = 0; while (*p == c) { p++; n++; } o += sprintf(o, "%d%c", n, c); }
    strcpy(las, nxt);
  }
  printf("happy:"); for (int n = 1, k = 0; k < 8; n++) if (happy(n)) { printf(" %d", n); k++; } printf("\n");
  hanoi(10, 1, 2, 3); printf("hanoi moves=%ld\n", moves);
  long best = 0, arg = 0; for (long n = 1; n < 30000; n++) { long x = n, s = 1; while (x != 1) { x = x & 1 ? 3 * x + 1 : x / 2; s++; } if (s > best) { best = s; arg = n; } }
  printf("collatz longest under 30000: %ld (%ld steps)\n", arg, best);
  printf("perfect:"); for (int n = 2; n < 10000; n++) { int s = 1; for (int d = 2; d * d <= n; d++) if (n % d == 0) { s += d; if (d * d != n) s += n / d; } if (s == n) printf(" %d", n); } printf("\n");
  for (int n = 4; n <= 9; n++) printf("queens(%d)=%d\n", n, queens(n, 0, 0, 0, 0));
  long row[16] = {1}; for (int r = 0; r < 12; r++) { for (int i = r; i > 0; i--) row[i] += row[i - 1]; for (int i = 0; i <= r; i++) printf("%ld ", row[i]); printf("\n"); }
  for (int i = 1; i <= 20; i++) printf(i % 15 == 0 ? "FizzBuzz " : i % 3 == 0 ? "Fizz " : i % 5 == 0 ? "Buzz " : "%d ", i);
  printf("\n");
  return 0;
}
