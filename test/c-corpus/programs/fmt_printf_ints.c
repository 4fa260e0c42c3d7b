// printf integer conversions with every flag, width and precision (literal and from *), length
// modifiers hh h l ll j z t, %c, %%, %n, and positional arguments %1$d.
// SPDX-License-Identifier: MIT
#include <stdio.h>
#include <stdint.h>
#include <inttypes.h>
#include <sys/types.h>
#include <stddef.h>
#include <limits.h>

int main(void) {
  int vals[] = {0, 1, -1, 42, -42, 255, 65535, INT_MAX, INT_MIN};
  const char *fmts[] = {"%d", "%i", "%5d", "%-5d|", "%05d", "%+d", "% d", "%.3d", "%8.3d", "%-8.3d|", "%+08d", "%.0d", "%x", "%X", "%#x", "%#o", "%o", "%u", "%#08x", "%-#10X|", "%hhd", "%hd", "%hhu", "%hx"};
  for (unsigned f = 0; f < sizeof fmts / sizeof fmts[0]; f++) {
    printf("%-8s", fmts[f]);
    for (unsigned i = 0; i < sizeof vals / sizeof vals[0]; i++) { putchar(' '); printf(fmts[f], vals[i]); }
    putchar('\n');
  }
  printf("ll: %lld %llu %llx %#llo\n", LLONG_MIN, ULLONG_MAX, 0x123456789abcdefULL, 0777777777777ULL);
  printf("l: %ld %lu %lx\n", LONG_MAX, (unsigned long)LONG_MIN, -1L);
  printf("j z t: %jd %ju %zu %zd %td\n", INTMAX_MIN, UINTMAX_MAX, (size_t)12345, (ssize_t)-5, (ptrdiff_t)-77);
  for (int w = 0; w < 12; w += 3)
    for (int p = -1; p < 8; p += 4) printf("[%*.*d] [%-*.*x] ", w, p, 1234, w, p, 0xbeef);
  printf("\n");
  printf("[%*d] [%-*d]\n", -6, 7, 4, 8);
  printf("c: [%c] [%3c] [%-3c] [%c]\n", 'A', 'b', 'c', 0x7e);
  printf("percent: 100%% [%5%]\n");
  int n1 = 0, n2 = 0; signed char hn = 0; long long lln = 0;
  printf("abc%ndefgh%n|%hhn%lln\n", &n1, &n2, &hn, &lln);
  printf("n: %d %d %d %lld\n", n1, n2, hn, lln);
  printf("%2$s %1$s %3$d %2$s\n", "world", "hello", 7);
  printf("%1$*2$d| %1$-*2$d|\n", 42, 6);
  printf("%3$.*2$f %1$c\n", 'z', 3, 3.14159265);
  printf("PRI: %" PRId64 " %" PRIu32 " %" PRIx16 " %" PRIo8 "\n", (int64_t)-9, (uint32_t)4000000000u, (uint16_t)0xabc, (uint8_t)8);
  return 0;
}
