// C language: designated initializers for arrays and structs, nested and partial initialization
// (zero fill), compound literals, static local initialization, enum values and arithmetic, typedef'd
// function types, string concatenation, the comma and conditional operators, and sizeof of expressions.
// SPDX-License-Identifier: MIT
#include <stdio.h>
#include <string.h>

struct point { int x, y; };
struct shape { const char *name; struct point pts[4]; int n; double scale; };
enum level { LOW = -1, MID = 5, HIGH, TOP = HIGH * 10 };
typedef int op_fn(int, int);
static int add(int a, int b) { return a + b; }

int main(void) {
  int sparse[10] = {[2] = 20, [7] = 70, [3] = 30, 31};
  for (int i = 0; i < 10; i++) printf("%d ", sparse[i]);
  printf("\n");
  struct shape sq = {.name = "square", .n = 4, .pts = {{0, 0}, [2] = {.x = 1, .y = 1}, {0, 1}, [1] = {1, 0}}};
  printf("%s n=%d scale=%g:", sq.name, sq.n, sq.scale);
  for (int i = 0; i < 4; i++) printf(" (%d,%d)", sq.pts[i].x, sq.pts[i].y);
  printf("\n");
  struct shape tri = {"tri", {{0, 0}, {2, 0}}, 3};
  printf("%s pts[2]=(%d,%d) pts[3].y=%d\n", tri.name, tri.pts[2].x, tri.pts[2].y, tri.pts[3].y);
  struct point *cp = &(struct point){.y = 9};
  cp->x += 3;
  printf("compound literal %d %d, array literal %d\n", cp->x, cp->y, ((int[]){5, 6, 7})[2]);
  int grid[3][3] = {{1}, {0, 2}, [2][2] = 3};
  for (int i = 0; i < 3; i++) for (int j = 0; j < 3; j++) printf("%d%s", grid[i][j], j == 2 ? "\n" : " ");
  printf("enum %d %d %d %d\n", LOW, MID, HIGH, TOP);
  op_fn *f = add;
  printf("typedef fn %d\n", f(2, 3));
  const char *cat = "con" "cat" "enated" " strings";
  printf("%s (%zu)\n", cat, strlen(cat));
  int i = 0, j = (i++, i++, i * 10);
  printf("comma %d %d, conditional %s, nested %d\n", i, j, i > 1 ? "yes" : "no", i == 0 ? 0 : i == 1 ? 1 : i == 2 ? 2 : 3);
  long long ll = 0;
  printf("sizeof expr %zu %zu %zu %zu (no evaluation: %lld)\n", sizeof ll++, sizeof(char) * 3, sizeof 'a', sizeof(1 ? 1.0f : 1), ll);
  char s[8] = "ab";
  printf("char array tail zero: %d %d %d\n", s[2], s[5], s[7]);
  static int counter = 5;
  counter *= 2;
  union { int i; float f; } u = {.f = 2.0f};
  printf("static %d, union designated %08x\n", counter, u.i);
  _Static_assert(sizeof(struct point) == 8, "point is two ints");
  printf("_Alignof(double) %zu, _Generic: %s %s %s\n", _Alignof(double), _Generic(1.0f, float: "float", double: "double", default: "other"),
         _Generic(1L, long: "long", default: "other"), _Generic("s", char *: "char*", default: "other"));
  return 0;
}
