// Variadic functions: summing ints, doubles (passed in FPRs and on the stack), mixed types decoded by
// a format string, many arguments (beyond the registers), va_copy walking twice, and forwarding to
// vprintf/vfprintf/vsprintf.
// SPDX-License-Identifier: MIT
#include <stdio.h>
#include <stdarg.h>
#include <string.h>

static long sum_ints(int n, ...) { va_list ap; va_start(ap, n); long s = 0; for (int i = 0; i < n; i++) s += va_arg(ap, int); va_end(ap); return s; }
static double sum_dbl(int n, ...) { va_list ap; va_start(ap, n); double s = 0; for (int i = 0; i < n; i++) s += va_arg(ap, double); va_end(ap); return s; }

static void mixed(const char *types, ...) {
  va_list ap, again;
  va_start(ap, types);
  va_copy(again, ap);
  for (const char *t = types; *t; t++) {
    switch (*t) {
      case 'i': printf("i:%d ", va_arg(ap, int)); break;
      case 'l': printf("l:%lld ", va_arg(ap, long long)); break;
      case 'd': printf("d:%g ", va_arg(ap, double)); break;
      case 's': printf("s:%s ", va_arg(ap, const char *)); break;
      case 'c': printf("c:%c ", (char)va_arg(ap, int)); break;
      case 'L': printf("L:%.20Lg ", va_arg(ap, long double)); break;
    }
  }
  va_end(ap);
  int count = 0;
  for (const char *t = types; *t; t++) {
    if (*t == 'd') (void)va_arg(again, double);
    else if (*t == 'l') (void)va_arg(again, long long);
    else if (*t == 's') (void)va_arg(again, char *);
    else if (*t == 'L') (void)va_arg(again, long double);
    else (void)va_arg(again, int);
    count++;
  }
  va_end(again);
  printf("(%d args, walked twice)\n", count);
}

static int logf_(FILE *f, const char *prefix, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  int n = fprintf(f, "[%s] ", prefix);
  n += vfprintf(f, fmt, ap);
  va_end(ap);
  return n;
}
static void say(const char *fmt, ...) { va_list ap; va_start(ap, fmt); vprintf(fmt, ap); va_end(ap); }
static char *fmt_into(char *buf, const char *fmt, ...) { va_list ap; va_start(ap, fmt); vsprintf(buf, fmt, ap); va_end(ap); return buf; }

struct pair { int a; double b; };
static double sum_structs(int n, ...) {
  va_list ap; va_start(ap, n); double s = 0;
  for (int i = 0; i < n; i++) { struct pair p = va_arg(ap, struct pair); s += p.a * p.b; }
  va_end(ap); return s;
}

int main(void) {
  printf("sum_ints %ld %ld %ld\n", sum_ints(0), sum_ints(3, 1, 2, 3), sum_ints(12, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, -100));
  printf("sum_dbl %g %.17g\n", sum_dbl(2, 0.5, 0.25), sum_dbl(15, 1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0, 10.0, 11.0, 12.0, 13.0, 14.0, 0.1));
  mixed("idslc", 42, 3.5, "str", -1234567890123LL, 'Z');
  mixed("ddddddddddddddi", 1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0, 10.0, 11.0, 12.0, 13.0, 14.0, 99);
  mixed("iLdL", 1, 1.0L / 3, 2.5, -7.125L);
  int n = logf_(stdout, "log", "%d %s %.2f\n", 7, "items", 1.5);
  printf("logf_ wrote %d\n", n);
  logf_(stderr, "err", "code %d\n", -3);
  say("say: %s=%d, %s=%d\n", "x", 1, "y", 2);
  char buf[64];
  printf("%s\n", fmt_into(buf, "%05.1f|%-4s|%x", 2.25, "ab", 255));
  struct pair p1 = {2, 1.5}, p2 = {3, -0.5}, p3 = {10, 0.1};
  printf("sum_structs %.17g\n", sum_structs(3, p1, p2, p3));
  return 0;
}
