// Textbook (K&R style) exercises: Fahrenheit-Celsius table in float, character/word/line counting of a
// string, itoa/atoi/htoi with bases, a reverse in place, binary search, shell sort, squeeze/any,
// getbits/setbits/invert/rightrot bit operations, and a getline-style copy of the longest line.
// SPDX-License-Identifier: MIT
#include <stdio.h>
#include <string.h>
#include <ctype.h>
#include <limits.h>

static void reverse(char *s) { for (int i = 0, j = (int)strlen(s) - 1; i < j; i++, j--) { char c = s[i]; s[i] = s[j]; s[j] = c; } }
static void itob(long n, char *s, int b) { unsigned long u = n < 0 ? -(unsigned long)n : (unsigned long)n; int i = 0; do { int d = (int)(u % (unsigned)b); s[i++] = (char)(d < 10 ? '0' + d : 'a' + d - 10); } while ((u /= (unsigned)b) > 0); if (n < 0) s[i++] = '-'; s[i] = 0; reverse(s); }
static int my_atoi(const char *s) { int i = 0, sign, n = 0; while (isspace((unsigned char)s[i])) i++; sign = s[i] == '-' ? -1 : 1; if (s[i] == '+' || s[i] == '-') i++; while (isdigit((unsigned char)s[i])) n = 10 * n + (s[i++] - '0'); return sign * n; }
static long htoi(const char *s) { long n = 0; if (s[0] == '0' && tolower((unsigned char)s[1]) == 'x') s += 2; for (; isxdigit((unsigned char)*s); s++) n = 16 * n + (isdigit((unsigned char)*s) ? *s - '0' : tolower((unsigned char)*s) - 'a' + 10); return n; }
static int binsearch(int x, const int *v, int n) { int lo = 0, hi = n - 1; while (lo <= hi) { int mid = (lo + hi) / 2; if (x < v[mid]) hi = mid - 1; else if (x > v[mid]) lo = mid + 1; else return mid; } return -1; }
static void shellsort(int *v, int n) { for (int gap = n / 2; gap > 0; gap /= 2) for (int i = gap; i < n; i++) for (int j = i - gap; j >= 0 && v[j] > v[j + gap]; j -= gap) { int t = v[j]; v[j] = v[j + gap]; v[j + gap] = t; } }
static void squeeze(char *s1, const char *s2) { int k = 0; for (int i = 0; s1[i]; i++) if (!strchr(s2, s1[i])) s1[k++] = s1[i]; s1[k] = 0; }
static unsigned getbits(unsigned x, int p, int n) { return (x >> (p + 1 - n)) & ~(~0u << n); }
static unsigned setbits(unsigned x, int p, int n, unsigned y) { unsigned m = ~(~0u << n) << (p + 1 - n); return (x & ~m) | ((y << (p + 1 - n)) & m); }
static unsigned rightrot(unsigned x, int n) { while (n--) x = (x >> 1) | ((x & 1) << 31); return x; }

int main(void) {
  for (float f = 0; f <= 300; f += 20) printf("%3.0f %6.1f\n", f, (5.0f / 9.0f) * (f - 32));
  const char *text = "Now is the time\nfor all good men\nto come to the aid\n  of their party.\n";
  int nc = 0, nl = 0, nw = 0, in = 0, ndigit[10] = {0}, nwhite = 0;
  for (const char *p = text; *p; p++) { nc++; if (*p == '\n') nl++; if (*p == ' ' || *p == '\n' || *p == '\t') { in = 0; nwhite++; } else if (!in) { in = 1; nw++; } if (isdigit((unsigned char)*p)) ndigit[*p - '0']++; }
  printf("lines %d words %d chars %d white %d\n", nl, nw, nc, nwhite);
  char longest[100] = "", line[100]; int max = 0;
  for (const char *p = text; *p;) { int len = 0; while (*p && *p != '\n') line[len++] = *p++; if (*p) p++; line[len] = 0; if (len > max) { max = len; strcpy(longest, line); } }
  printf("longest (%d): %s\n", max, longest);
  long nums[] = {0, 255, -255, 1234567, LONG_MIN + 1, 35};
  for (int i = 0; i < 6; i++) { char b2[80], b16[40], b36[40]; itob(nums[i], b2, 2); itob(nums[i], b16, 16); itob(nums[i], b36, 36); printf("%ld: %s %s %s\n", nums[i], b2, b16, b36); }
  printf("atoi %d %d %d htoi %ld %ld\n", my_atoi("  -1234"), my_atoi("+56x"), my_atoi("x"), htoi("0x1Fa"), htoi("ffff"));
  int v[] = {37, 2, 99, -4, 18, 0, 55, 23, 7, 81, 64, 12};
  shellsort(v, 12);
  printf("sorted:"); for (int i = 0; i < 12; i++) printf(" %d", v[i]);
  printf("; find 55 -> %d, find 56 -> %d\n", binsearch(55, v, 12), binsearch(56, v, 12));
  char s[] = "hello, world of squeezing";
  squeeze(s, "aeiou ");
  printf("squeeze: %s, any: %td\n", s, strpbrk("hello", "xyl") - "hello");
  printf("getbits %x setbits %x invert %x rightrot %x %x\n", getbits(0xabcd, 7, 4), setbits(0xffff, 7, 4, 0x5), 0xf0f0 ^ (~(~0u << 8) << 4), rightrot(0x12345678, 4), rightrot(1, 1));
  return 0;
}
