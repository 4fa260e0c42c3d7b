/* Language corners: unions and type punning, bit-fields (signed, unsigned, packed, zero-width), offsetof and
   _Alignof, flexible array members, anonymous structs, _Generic, variadic macros with __VA_OPT__, X-macros,
   compound literals, designated initialisers, _Static_assert, statement expressions, typeof.
   SPDX-License-Identifier: MIT */
#include <stdio.h>
#include <stdlib.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

union pun { float f; uint32_t u; unsigned char b[4]; double d; };
struct bits { unsigned a : 3; signed b : 4; unsigned : 0; unsigned c : 12; _Bool flag : 1; long long big : 40; };
struct __attribute__((packed)) packed { char c; int i; short s; };
struct flex { int n; double v[]; };
struct anon { int kind; union { int i; double d; struct { short lo, hi; }; }; };
#define TYPENAME(x) _Generic((x), int: "int", unsigned: "unsigned", long: "long", float: "float", double: "double", \
  char *: "char*", const char *: "const char*", default: "other")
#define LOG(fmt, ...) printf("log: " fmt "\n" __VA_OPT__(,) __VA_ARGS__)
#define COUNT(...) (sizeof((int[]){0, ##__VA_ARGS__}) / sizeof(int) - 1)
#define COLORS X(RED, 0xff0000) X(GREEN, 0x00ff00) X(BLUE, 0x0000ff)
enum color {
#define X(n, v) n,
  COLORS
#undef X
};
static const char *names[] = {
#define X(n, v) #n,
  COLORS
#undef X
};
#define MAX(a, b) ({ typeof(a) _a = (a); typeof(b) _b = (b); _a > _b ? _a : _b; })
#define STR2(x) #x
#define STR(x) STR2(x)
#define CAT(a, b) a##b
_Static_assert(sizeof(struct packed) == 7, "packed");

int main(void) {
  union pun p; p.f = -1.5f; printf("float bits %08x bytes %02x %02x %02x %02x\n", p.u, p.b[0], p.b[1], p.b[2], p.b[3]);
  p.d = 1.0; printf("double hi word %08x\n", (unsigned)(*(uint64_t *)&p.d >> 32));
  struct bits b = {0}; b.a = 9; b.b = -3; b.c = 4095; b.flag = 5; b.big = -1099511627775LL;
  printf("bits a=%u b=%d c=%u flag=%d big=%lld size=%zu\n", b.a, b.b, b.c, b.flag, (long long)b.big, sizeof b);
  b.b = 7; b.b++; printf("overflowed signed field=%d\n", b.b);
  printf("offsetof packed i=%zu s=%zu aligned int=%zu double=%zu long double=%zu max_align=%zu\n", offsetof(struct packed, i),
         offsetof(struct packed, s), _Alignof(int), _Alignof(double), _Alignof(long double), _Alignof(max_align_t));
  struct flex *f = malloc(sizeof *f + 4 * sizeof(double)); f->n = 4; for (int i = 0; i < 4; i++) f->v[i] = i / 2.0;
  printf("flex sizeof=%zu last=%g\n", sizeof *f, f->v[3]); free(f);
  struct anon a = {.kind = 2, .lo = 0x1234, .hi = -1}; printf("anon i=%08x lo=%d hi=%d\n", (unsigned)a.i, a.lo, a.hi);
  const char *cs = "x"; char *s = "y";
  printf("%s %s %s %s %s %s %s\n", TYPENAME(1), TYPENAME(1u), TYPENAME(1L), TYPENAME(1.0f), TYPENAME(1.0), TYPENAME(cs), TYPENAME(s));
  printf("%s\n", TYPENAME((short)1));
  LOG("no args"); LOG("two args %d %s", 1, "two");
  printf("COUNT %zu %zu %zu\n", COUNT(), COUNT(1), COUNT(1, 2, 3));
  for (int i = RED; i <= BLUE; i++) printf("%s=%d ", names[i], i); printf("\n");
  printf("MAX %d %g %s\n", MAX(3, 7), MAX(2.5, -1.0), STR(CAT(foo, bar)));
  int *cl = (int[]){5, 4, 3, [6] = 9}; printf("compound %d %d %d\n", cl[0], cl[5], cl[6]);
  struct { int x, y; } pts[] = {[2] = {.y = 5}, [0].x = 1}; printf("designated %d %d %d %zu\n", pts[0].x, pts[2].y, pts[1].x, sizeof pts / sizeof *pts);
  int m[3][4] = {[1] = {[2] = 7}, [2][3] = 8}; int sum = 0; for (int i = 0; i < 3; i++) for (int j = 0; j < 4; j++) sum += m[i][j] * (i * 4 + j);
  printf("matrix sum=%d line=%d file-ends-with-c=%d\n", sum, __LINE__, __FILE__[strlen(__FILE__) - 1] == 'c');
  return 0;
}
