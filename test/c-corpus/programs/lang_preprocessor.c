// The C preprocessor: object and function-like macros, stringification (#) and token pasting (##),
// variadic macros with __VA_ARGS__, X-macros generating enums and tables, conditional compilation,
// __LINE__ and __func__, and macro pitfalls (parenthesization, double evaluation).
// SPDX-License-Identifier: MIT
#include <stdio.h>

#define SQUARE_BAD(x) x * x
#define SQUARE(x) ((x) * (x))
#define MAX(a, b) ((a) > (b) ? (a) : (b))
#define STR(x) #x
#define XSTR(x) STR(x)
#define CAT(a, b) a##b
#define VERSION 3
#define LOG(fmt, ...) printf("[%s:%d] " fmt "\n", __func__, __LINE__, ##__VA_ARGS__)
#define COUNT_ARGS(...) COUNT_IMPL(__VA_ARGS__, 5, 4, 3, 2, 1)
#define COUNT_IMPL(a, b, c, d, e, n, ...) n
#define COLORS X(RED, 0xff0000) X(GREEN, 0x00ff00) X(BLUE, 0x0000ff)
#define X(name, value) name,
enum color { COLORS NCOLORS };
#undef X
#define X(name, value) {#name, value},
static const struct { const char *name; int value; } color_table[] = {COLORS};
#undef X

static int calls;
static int next(void) { return ++calls; }

int main(void) {
  int CAT(var, 1) = 10, CAT(var, 2) = 20;
  printf("SQUARE_BAD(1+2)=%d SQUARE(1+2)=%d MAX=%d\n", SQUARE_BAD(1 + 2), SQUARE(1 + 2), MAX(var1, var2));
  int m = MAX(next(), 0);
  printf("double evaluation: result %d after %d calls\n", m, calls);
  printf("STR(VERSION)=%s XSTR(VERSION)=%s STR(a + b)=%s\n", STR(VERSION), XSTR(VERSION), STR(a   +   b));
  LOG("no args");
  LOG("two args %d %s", 1, "x");
  printf("count %d %d %d\n", COUNT_ARGS(a), COUNT_ARGS(a, b, c), COUNT_ARGS(1, 2, 3, 4, 5));
  for (int i = 0; i < NCOLORS; i++) printf("%s=%06x ", color_table[i].name, color_table[i].value);
  printf("(%d colors)\n", NCOLORS);
#if VERSION >= 3 && defined(SQUARE)
  printf("version >= 3\n");
#elif VERSION == 2
  printf("version 2\n");
#else
  printf("old\n");
#endif
#ifdef __powerpc64__
  printf("__powerpc64__ defined, little endian %d\n", __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__);
#endif
#ifndef UNDEFINED_THING
  printf("UNDEFINED_THING is not defined\n");
#endif
  printf("__STDC__ %d __STDC_VERSION__ %ld, sizeof long double %zu, __LONG_DOUBLE_IBM128__ %d\n", __STDC__, __STDC_VERSION__, sizeof(long double),
#ifdef __LONG_DOUBLE_IBM128__
         1
#else
         0
#endif
  );
  return 0;
}
