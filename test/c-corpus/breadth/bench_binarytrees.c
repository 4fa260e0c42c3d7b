/* The binary-trees benchmark (Computer Language Benchmarks Game style): allocate and check many
   short-lived trees and one long-lived tree; malloc/free heavy.
   args: 12
   SPDX-License-Identifier: MIT */
#include <stdio.h>
#include <stdlib.h>

typedef struct node { struct node *l, *r; } node;
static node *make(int d) {
  node *n = malloc(sizeof *n);
  if (d > 0) { n->l = make(d - 1); n->r = make(d - 1); } else n->l = n->r = NULL;
  return n;
}
static long check(const node *n) { return 1 + (n->l ? check(n->l) + check(n->r) : 0); }
static void drop(node *n) { if (n->l) { drop(n->l); drop(n->r); } free(n); }

int main(int argc, char **argv) {
  int max = argc > 1 ? atoi(argv[1]) : 10, min = 4;
  if (max < min + 2) max = min + 2;
  node *s = make(max + 1); printf("stretch tree of depth %d\t check: %ld\n", max + 1, check(s)); drop(s);
  node *longlived = make(max);
  for (int d = min; d <= max; d += 2) {
    long iters = 1L << (max - d + min), c = 0;
    for (long i = 0; i < iters; i++) { node *t = make(d); c += check(t); drop(t); }
    printf("%ld\t trees of depth %d\t check: %ld\n", iters, d, c);
  }
  printf("long lived tree of depth %d\t check: %ld\n", max, check(longlived));
  drop(longlived);
  return 0;
}
