/* qsort of structs with several keys, bsearch, lsearch/lfind, tsearch/twalk/tdelete, hsearch, insque.
   SPDX-License-Identifier: MIT */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <search.h>

struct rec { char name[12]; int age; double score; };
static int by_age_name(const void *a, const void *b) {
  const struct rec *x = a, *y = b;
  if (x->age != y->age) return x->age - y->age;
  return strcmp(x->name, y->name);
}
static int by_score_desc(const void *a, const void *b) {
  double x = ((const struct rec *)a)->score, y = ((const struct rec *)b)->score;
  return (x < y) - (x > y);
}
static int cmpint(const void *a, const void *b) { int x = *(const int *)a, y = *(const int *)b; return (x > y) - (x < y); }
static int cmpstr(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }
static void walker(const void *node, VISIT v, int depth) {
  if (v == postorder || v == leaf) printf("%d(%d) ", **(int *const *)node, depth);
}
struct q { struct q *next, *prev; int v; };

int main(void) {
  struct rec rs[] = {{"eve", 30, 8.5}, {"bob", 25, 9.1}, {"amy", 30, 7.2}, {"dan", 25, 9.1}, {"cal", 41, 5.0},
                     {"fay", 19, 9.9}, {"gus", 30, 6.6}, {"hal", 25, 3.3}};
  size_t n = sizeof rs / sizeof *rs;
  qsort(rs, n, sizeof *rs, by_age_name);
  for (size_t i = 0; i < n; i++) printf("%s/%d ", rs[i].name, rs[i].age);
  printf("\n");
  qsort(rs, n, sizeof *rs, by_score_desc);
  for (size_t i = 0; i < n; i++) printf("%s/%.1f ", rs[i].name, rs[i].score);
  printf("\n");
  int arr[200]; unsigned seed = 12345;
  for (int i = 0; i < 200; i++) { seed = seed * 1103515245 + 12345; arr[i] = (seed >> 8) % 1000; }
  qsort(arr, 200, sizeof(int), cmpint);
  int keys[] = {arr[0], arr[199], arr[77], 1000, -1, 500};
  for (int k = 0; k < 6; k++) {
    int *p = bsearch(&keys[k], arr, 200, sizeof(int), cmpint);
    printf("bsearch %d: %s\n", keys[k], p ? "found" : "absent");
  }
  const char *words[] = {"pear", "apple", "fig", "kiwi", "banana", "cherry", "date"};
  char *sorted[7]; for (int i = 0; i < 7; i++) sorted[i] = (char *)words[i];
  qsort(sorted, 7, sizeof(char *), cmpstr);
  for (int i = 0; i < 7; i++) printf("%s ", sorted[i]);
  printf("\n");
  int table[10]; size_t tn = 0;
  int ins[] = {5, 3, 5, 9, 3, 1};
  for (int i = 0; i < 6; i++) lsearch(&ins[i], table, &tn, sizeof(int), cmpint);
  printf("lsearch tn=%zu:", tn); for (size_t i = 0; i < tn; i++) printf(" %d", table[i]); printf("\n");
  int k9 = 9, k7 = 7;
  printf("lfind 9:%d 7:%d\n", lfind(&k9, table, &tn, sizeof(int), cmpint) != NULL, lfind(&k7, table, &tn, sizeof(int), cmpint) != NULL);
  void *root = NULL; int vals[] = {50, 30, 70, 20, 40, 60, 80, 30};
  for (int i = 0; i < 8; i++) tsearch(&vals[i], &root, cmpint);
  twalk(root, walker); printf("\n");
  tdelete(&vals[0], &root, cmpint); twalk(root, walker); printf("\n");
  int k40 = 40; printf("tfind 40: %d\n", tfind(&k40, &root, cmpint) != NULL);
  hcreate(32);
  const char *colors[] = {"red", "green", "blue", "cyan", "magenta"};
  for (long i = 0; i < 5; i++) { ENTRY e = {(char *)colors[i], (void *)(i * 10)}; hsearch(e, ENTER); }
  const char *look[] = {"blue", "black", "red", "magenta"};
  for (int i = 0; i < 4; i++) {
    ENTRY e = {(char *)look[i], 0}; ENTRY *f = hsearch(e, FIND);
    printf("hsearch %s -> %ld\n", look[i], f ? (long)f->data : -1L);
  }
  hdestroy();
  struct q qs[4]; for (int i = 0; i < 4; i++) qs[i].v = i;
  insque(&qs[0], NULL); qs[0].next = qs[0].prev = NULL;
  insque(&qs[1], &qs[0]); insque(&qs[2], &qs[1]); insque(&qs[3], &qs[0]);
  remque(&qs[1]);
  for (struct q *p = &qs[0]; p; p = p->next) printf("q%d ", p->v);
  printf("\n");
  return 0;
}
