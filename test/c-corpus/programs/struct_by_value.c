// Structs passed and returned by value: small ones in registers, large ones through memory, and the
// ELFv2 homogeneous aggregates (up to 8 floats or doubles in FPRs), mixed int/float structs, arrays of
// structs copied by assignment, nested structs, and struct comparison by field.
// SPDX-License-Identifier: MIT
#include <stdio.h>
#include <string.h>

struct small { char c; short s; };
struct two { long a, b; };
struct big { int v[20]; char name[16]; };
struct vec2 { double x, y; };
struct vec4f { float x, y, z, w; };
struct hfa8 { double d[8]; };
struct hfa9 { double d[9]; };  /* too many for the FPRs: passed in memory */
struct mixed { int i; float f; double d; char c; };
struct nested { struct vec2 pos; struct small tag; struct vec4f color; };

static struct small mk_small(char c, short s) { struct small r = {c, s}; return r; }
static struct two swap_two(struct two t) { struct two r = {t.b, t.a}; return r; }
static struct big fill_big(int base) { struct big b; for (int i = 0; i < 20; i++) b.v[i] = base + i * i; strcpy(b.name, "big-struct"); return b; }
static long sum_big(struct big b) { long s = 0; for (int i = 0; i < 20; i++) s += b.v[i]; b.v[0] = -1; return s; }
static struct vec2 add2(struct vec2 a, struct vec2 b) { return (struct vec2){a.x + b.x, a.y + b.y}; }
static struct vec4f scale4(struct vec4f v, float k) { return (struct vec4f){v.x * k, v.y * k, v.z * k, v.w * k}; }
static struct hfa8 hfa8_rev(struct hfa8 h) { struct hfa8 r; for (int i = 0; i < 8; i++) r.d[i] = h.d[7 - i] * 2; return r; }
static double hfa9_sum(struct hfa9 h, double extra) { double s = extra; for (int i = 0; i < 9; i++) s += h.d[i]; return s; }
static struct mixed mk_mixed(int i, float f, double d, char c) { struct mixed m = {i, f, d, c}; return m; }
static struct nested move(struct nested n, struct vec2 by) { n.pos = add2(n.pos, by); n.tag.s++; n.color = scale4(n.color, 0.5f); return n; }
static double many_vec2(struct vec2 a, struct vec2 b, struct vec2 c, struct vec2 d, struct vec2 e, struct vec2 f, struct vec2 g) {
  return a.x + b.y + c.x + d.y + e.x + f.y + g.x * g.y;
}

int main(void) {
  struct small s = mk_small('q', -300);
  printf("small %c %d\n", s.c, s.s);
  struct two t = swap_two((struct two){1, -2});
  printf("two %ld %ld\n", t.a, t.b);
  struct big b = fill_big(5), b2;
  b2 = b;
  b2.v[3] = 0;
  printf("big sum %ld %ld first %d name %s equal-after-copy %d\n", sum_big(b), sum_big(b2), b.v[0], b2.name, memcmp(&b, &b2, sizeof b) == 0);
  struct vec2 v = add2((struct vec2){1.5, 2.5}, (struct vec2){0.25, -4});
  printf("vec2 %g %g\n", v.x, v.y);
  struct vec4f f = scale4((struct vec4f){1, 2, 3, 4.5f}, 1.5f);
  printf("vec4f %g %g %g %g\n", f.x, f.y, f.z, f.w);
  struct hfa8 h = {{1, 2, 3, 4, 5, 6, 7, 8}};
  h = hfa8_rev(h);
  printf("hfa8"); for (int i = 0; i < 8; i++) printf(" %g", h.d[i]); printf("\n");
  struct hfa9 h9 = {{1, 2, 3, 4, 5, 6, 7, 8, 9.5}};
  printf("hfa9 sum %g\n", hfa9_sum(h9, 0.5));
  struct mixed m = mk_mixed(7, 2.5f, -1e100, 'm');
  printf("mixed %d %g %g %c size %zu\n", m.i, m.f, m.d, m.c, sizeof m);
  struct nested n = {{1, 1}, {'n', 9}, {2, 4, 6, 8}};
  n = move(n, (struct vec2){10, 20});
  printf("nested %g %g %c %d %g %g %g %g\n", n.pos.x, n.pos.y, n.tag.c, n.tag.s, n.color.x, n.color.y, n.color.z, n.color.w);
  struct vec2 vs[7];
  for (int i = 0; i < 7; i++) vs[i] = (struct vec2){i, i * 0.5};
  printf("many %g\n", many_vec2(vs[0], vs[1], vs[2], vs[3], vs[4], vs[5], vs[6]));
  struct vec2 arr[3] = {{1, 2}, {3, 4}, {5, 6}}, arr2[3];
  memcpy(arr2, arr, sizeof arr);
  struct { struct vec2 a[3]; } wrap = {{{9, 9}}}, wrap2;
  wrap2 = wrap;
  printf("arrays %g %g %g\n", arr2[2].y, wrap2.a[0].x, wrap2.a[2].y);
  return 0;
}
