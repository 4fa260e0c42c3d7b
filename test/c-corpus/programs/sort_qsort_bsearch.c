// qsort and bsearch with several comparators: ints ascending/descending, doubles, strings via
// pointers, structs by two keys, and a large array (glibc's qsort merges through a temporary buffer).
// SPDX-License-Identifier: MIT
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int cmp_int(const void *a, const void *b) { int x = *(const int *)a, y = *(const int *)b; return (x > y) - (x < y); }
static int cmp_int_desc(const void *a, const void *b) { return cmp_int(b, a); }
static int cmp_dbl(const void *a, const void *b) { double x = *(const double *)a, y = *(const double *)b; return (x > y) - (x < y); }
static int cmp_str(const void *a, const void *b) { return strcmp(*(const char *const *)a, *(const char *const *)b); }
struct person { char name[12]; int age; double score; };
static int cmp_person(const void *a, const void *b) {
  const struct person *p = a, *q = b;
  if (p->age != q->age) return p->age - q->age;
  return strcmp(p->name, q->name);
}
static int cmp_mod10(const void *a, const void *b) { return (*(const int *)a % 10) - (*(const int *)b % 10); }

int main(void) {
  int a[] = {42, -7, 19, 0, 3, 3, 100, -50, 8, 77, 1, 64};
  int n = sizeof a / sizeof a[0];
  qsort(a, n, sizeof a[0], cmp_int);
  for (int i = 0; i < n; i++) printf("%d ", a[i]);
  printf("\n");
  int keys[] = {19, 4, -50, 100, 101};
  for (int i = 0; i < 5; i++) {
    int *p = bsearch(&keys[i], a, n, sizeof a[0], cmp_int);
    printf("bsearch %d: %s at %td\n", keys[i], p ? "found" : "missing", p ? p - a : -1);
  }
  qsort(a, n, sizeof a[0], cmp_int_desc);
  for (int i = 0; i < n; i++) printf("%d ", a[i]);
  printf("\n");
  double d[] = {3.5, -1.25, 1e10, 0.0, -0.0, 2.75, -1e-5, 100.0};
  qsort(d, 8, sizeof d[0], cmp_dbl);
  for (int i = 0; i < 8; i++) printf("%g ", d[i]);
  printf("\n");
  const char *words[] = {"pear", "apple", "fig", "banana", "cherry", "date", "apple", "Zebra", "kiwi"};
  qsort(words, 9, sizeof words[0], cmp_str);
  for (int i = 0; i < 9; i++) printf("%s ", words[i]);
  printf("\n");
  const char *key = "date";
  const char **w = bsearch(&key, words, 9, sizeof words[0], cmp_str);
  printf("found date at %td\n", w - words);
  struct person ps[] = {{"ann", 30, 1.5}, {"bob", 25, 2.5}, {"cid", 30, 0.5}, {"abe", 25, 3.0}, {"dan", 41, 9.0}, {"eve", 19, 7.0}};
  qsort(ps, 6, sizeof ps[0], cmp_person);
  for (int i = 0; i < 6; i++) printf("%s/%d/%.1f ", ps[i].name, ps[i].age, ps[i].score);
  printf("\n");
  int st[20];
  for (int i = 0; i < 20; i++) st[i] = i * 7 % 20 * 10 + i % 10;
  qsort(st, 20, sizeof st[0], cmp_mod10);
  for (int i = 0; i < 20; i++) printf("%d ", st[i]);
  printf("(merge sort keeps equal keys in order)\n");
  enum { BIG = 20000 };
  static int big[BIG];
  unsigned x = 12345;
  for (int i = 0; i < BIG; i++) { x = x * 1103515245u + 12345u; big[i] = (int)(x >> 8) % 100000; }
  qsort(big, BIG, sizeof big[0], cmp_int);
  int ok = 1;
  long long s = 0;
  for (int i = 1; i < BIG; i++) { if (big[i - 1] > big[i]) ok = 0; s += (long long)big[i] * (i % 7); }
  printf("big sorted %d min %d max %d median %d weighted %lld\n", ok, big[0], big[BIG - 1], big[BIG / 2], s);
  return 0;
}
