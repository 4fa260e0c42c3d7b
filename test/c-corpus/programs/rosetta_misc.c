// Rosetta-code style small tasks: FizzBuzz, 100 doors, Roman numerals both ways, Collatz longest chain
// below 3000, GCD/LCM, perfect and Armstrong numbers, happy numbers, look-and-say, Luhn check,
// Pascal's triangle and a Sierpinski triangle.
// SPDX-License-Identifier: MIT
#include <stdio.h>
#include <string.h>

static void to_roman(int n, char *out) {
  static const int v[] = {1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1};
  static const char *s[] = {"M", "CM", "D", "CD", "C", "XC", "L", "XL", "X", "IX", "V", "IV", "I"};
  out[0] = 0; for (int i = 0; i < 13; i++) while (n >= v[i]) { strcat(out, s[i]); n -= v[i]; }
}
static int from_roman(const char *r) {
  int total = 0;
  for (; *r; r++) { const char *k = "IVXLCDM"; static const int v[] = {1, 5, 10, 50, 100, 500, 1000}; int a = v[strchr(k, r[0]) - k], b = r[1] ? v[strchr(k, r[1]) - k] : 0; total += a < b ? -a : a; }
  return total;
}
static long gcd(long a, long b) { while (b) { long t = a % b; a = b; b = t; } return a; }
static int happy(int n) { int seen[1000] = {0}; while (n != 1 && !seen[n]) { seen[n] = 1; int s = 0; while (n) { s += (n % 10) * (n % 10); n /= 10; } n = s; } return n == 1; }
static int luhn(const char *s) { int sum = 0, n = (int)strlen(s); for (int i = 0; i < n; i++) { int d = s[n - 1 - i] - '0'; if (i % 2) { d *= 2; if (d > 9) d -= 9; } sum += d; } return sum % 10 == 0; }

int main(void) {
  for (int i = 1; i <= 30; i++) printf("%s%s", i % 15 == 0 ? "FizzBuzz" : i % 3 == 0 ? "Fizz" : i % 5 == 0 ? "Buzz" : "", i % 10 ? " " : "\n");
  for (int i = 1; i <= 30; i++) if (i % 3 && i % 5) { printf("(%d)", i); } printf("\n");
  int doors[101] = {0};
  for (int pass = 1; pass <= 100; pass++) for (int d = pass; d <= 100; d += pass) doors[d] ^= 1;
  printf("open doors:"); for (int d = 1; d <= 100; d++) if (doors[d]) printf(" %d", d); printf("\n");
  int years[] = {1990, 2008, 1666, 3999, 4, 944};
  for (int i = 0; i < 6; i++) { char r[32]; to_roman(years[i], r); printf("%d = %s = %d\n", years[i], r, from_roman(r)); }
  int best = 0, bestlen = 0;
  for (int s = 1; s < 3000; s++) { long n = s; int len = 1; while (n != 1) { n = n % 2 ? 3 * n + 1 : n / 2; len++; } if (len > bestlen) { bestlen = len; best = s; } }
  printf("collatz: %d has %d terms\n", best, bestlen);
  printf("gcd(1071,462)=%ld lcm(21,6)=%ld gcd(2^40,6^20)=%ld\n", gcd(1071, 462), 21 / gcd(21, 6) * 6, gcd(1L << 40, 3656158440062976L));
  printf("perfect:"); for (int n = 2; n < 1000; n++) { int s = 1; for (int d = 2; d * d <= n; d++) if (n % d == 0) s += d + (d * d != n ? n / d : 0); if (s == n) printf(" %d", n); } printf("\n");
  printf("armstrong:"); for (int n = 1; n < 10000; n++) { int digits = 0, s = 0; for (int m = n; m; m /= 10) digits++; for (int m = n; m; m /= 10) { int p = 1; for (int k = 0; k < digits; k++) p *= m % 10; s += p; } if (s == n) printf(" %d", n); } printf("\n");
  printf("happy:"); for (int n = 1, c = 0; c < 12; n++) if (happy(n)) { printf(" %d", n); c++; } printf("\n");
  char a[128] = "1", b[128];
  for (int i = 0; i < 10; i++) { printf("%s\n", a); int o = 0; for (char *p = a; *p;) { char c = *p; int n = 0; while (*p == c) { p++; n++; } o += sprintf(b + o, "%d%c", n, c); } strcpy(a, b); }
  const char *cards[] = {"49927398716", "49927398717", "1234567812345678", "1234567812345670"};
  for (int i = 0; i < 4; i++) printf("luhn %s %s\n", cards[i], luhn(cards[i]) ? "valid" : "invalid");
  long row[16] = {1};
  for (int r = 0; r < 12; r++) { printf("%*s", 2 * (11 - r), ""); for (int k = 0; k <= r; k++) printf("%4ld", row[k]); printf("\n"); for (int k = r + 1; k > 0; k--) row[k] += row[k - 1]; }
  for (int y = 15; y >= 0; y--) { printf("%*s", y, ""); for (int x = 0; x + y < 16; x++) printf((x & y) ? "  " : "* "); printf("\n"); }
  return 0;
}
