// Exit path: a NULL pointer dereference kills the process with SIGSEGV (status 139).
// SPDX-License-Identifier: MIT
#include <stdio.h>

struct node { int value; struct node *next; };

static int sum(struct node *start) {
  struct node *volatile n = start; /* volatile: the compiler may not reason the NULL load away */
  int s = 0;
  for (;;) { s += n->value; if (s > 1000) break; n = n->next; }
  return s;
}

int main(void) {
  struct node c = {3, NULL}, b = {2, &c}, a = {1, &b};
  printf("walking a list that does not check for NULL\n");
  fflush(stdout);
  return sum(&a);
}
