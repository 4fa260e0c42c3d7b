// C language: pointer arithmetic and comparisons within arrays, arrays of arrays and arrays of
// pointers, pointers to arrays, string literals vs char arrays, const and restrict, void* casts,
// pointer differences, and negative indexing from the middle of an array.
// SPDX-License-Identifier: MIT
#include <stdio.h>
#include <stddef.h>
#include <string.h>

static int sum(const int *restrict a, size_t n) { int s = 0; for (const int *p = a; p < a + n; p++) s += *p; return s; }
static void fill(void *buf, size_t n, int v) { unsigned char *p = buf; while (n--) *p++ = (unsigned char)v; }
static int (*pick(int (*m)[4], int row))[4] { return m + row; }

int main(void) {
  int a[10]; for (int i = 0; i < 10; i++) a[i] = i * i;
  int *p = a + 5, *q = &a[9];
  printf("p[-2]=%d *(p+3)=%d q-p=%td p<q=%d 2[a]=%d sum=%d\n", p[-2], *(p + 3), q - p, p < q, 2[a], sum(a, 10));
  int m[3][4] = {{1, 2, 3, 4}, {5, 6, 7, 8}, {9, 10, 11, 12}};
  int (*row)[4] = pick(m, 1);
  printf("row[0][2]=%d (*row)[3]=%d m[2]-m[0]=%td sizeof m %zu m[0] %zu\n", row[0][2], (*row)[3], m[2] - m[0], sizeof m, sizeof m[0]);
  int *flat = &m[0][0];
  printf("flat[7]=%d flat[11]=%d\n", flat[7], flat[11]);
  const char *names[] = {"alpha", "beta", "gamma"};
  const char **np = names;
  printf("%s %c %s %c\n", *++np, **np, np[1], *(np[-1] + 2));
  char arr[] = "mutable";
  const char *lit = "literal";
  arr[0] = 'M';
  printf("%s %s sizeof arr %zu sizeof lit %zu strlen %zu\n", arr, lit, sizeof arr, sizeof lit, strlen(lit));
  double d[4] = {1.5, 2.5};
  void *v = d;
  fill((char *)v + 16, 16, 0);
  printf("void* %g %g %g\n", ((double *)v)[1], d[2], d[3]);
  char buf[8]; fill(buf, sizeof buf, 'z'); buf[7] = 0;
  printf("%s\n", buf);
  struct { int x; char name[8]; } s[2] = {{1, "one"}, {2, "two"}}, *sp = s;
  sp++;
  printf("%d %s %td\n", sp->x, (sp - 1)->name, (char *)sp - (char *)s);
  int *ptrs[3] = {&a[1], &m[2][3], &sp->x};
  for (int i = 0; i < 3; i++) printf("*ptrs[%d]=%d ", i, *ptrs[i]);
  printf("\n");
  int **pp = ptrs; **pp = 100;
  printf("a[1]=%d\n", a[1]);
  char *end = arr + sizeof arr - 1;
  while (end > arr) putchar(*--end);
  putchar('\n');
  return 0;
}
