// Singly and doubly linked lists on malloc'd nodes: push, append, insert sorted, delete by value,
// reverse (iterative and recursive), merge sort of the list, cycle detection (Floyd), and freeing.
// SPDX-License-Identifier: MIT
#include <stdio.h>
#include <stdlib.h>

struct node { int v; struct node *next; };
struct dnode { int v; struct dnode *prev, *next; };

static struct node *push(struct node *h, int v) { struct node *n = malloc(sizeof *n); n->v = v; n->next = h; return n; }
static void print(const char *label, const struct node *h) { printf("%s:", label); for (; h; h = h->next) printf(" %d", h->v); printf("\n"); }
static struct node *reverse(struct node *h) { struct node *prev = NULL; while (h) { struct node *n = h->next; h->next = prev; prev = h; h = n; } return prev; }
static struct node *reverse_rec(struct node *h) { if (!h || !h->next) return h; struct node *r = reverse_rec(h->next); h->next->next = h; h->next = NULL; return r; }
static struct node *insert_sorted(struct node *h, int v) { struct node **pp = &h; while (*pp && (*pp)->v < v) pp = &(*pp)->next; struct node *n = malloc(sizeof *n); n->v = v; n->next = *pp; *pp = n; return h; }
static struct node *delete_all(struct node *h, int v) { struct node **pp = &h; while (*pp) { if ((*pp)->v == v) { struct node *d = *pp; *pp = d->next; free(d); } else pp = &(*pp)->next; } return h; }
static struct node *merge(struct node *a, struct node *b) { struct node head, *t = &head; while (a && b) { if (a->v <= b->v) { t->next = a; a = a->next; } else { t->next = b; b = b->next; } t = t->next; } t->next = a ? a : b; return head.next; }
static struct node *msort(struct node *h) {
  if (!h || !h->next) return h;
  struct node *slow = h, *fast = h->next;
  while (fast && fast->next) { slow = slow->next; fast = fast->next->next; }
  struct node *second = slow->next; slow->next = NULL;
  return merge(msort(h), msort(second));
}
static int has_cycle(struct node *h) { struct node *s = h, *f = h; while (f && f->next) { s = s->next; f = f->next->next; if (s == f) return 1; } return 0; }
static void release(struct node *h) { while (h) { struct node *n = h->next; free(h); h = n; } }

int main(void) {
  struct node *l = NULL;
  for (int i = 0; i < 15; i++) l = push(l, (i * 37) % 23);
  print("pushed", l);
  l = reverse(l); print("reversed", l);
  l = reverse_rec(l); print("reversed again", l);
  l = msort(l); print("sorted", l);
  l = insert_sorted(l, 11); l = insert_sorted(l, -1); l = insert_sorted(l, 100);
  print("inserted", l);
  l = delete_all(l, 11); l = delete_all(l, 100); l = delete_all(l, 42);
  print("deleted", l);
  printf("cycle %d\n", has_cycle(l));
  struct node *tail = l; while (tail->next) tail = tail->next;
  tail->next = l->next->next;
  printf("cycle after linking tail %d\n", has_cycle(l));
  tail->next = NULL;
  release(l);
  struct dnode *head = NULL, *last = NULL;
  for (int i = 1; i <= 8; i++) { struct dnode *n = malloc(sizeof *n); n->v = i * i; n->prev = last; n->next = NULL; if (last) last->next = n; else head = n; last = n; }
  for (struct dnode *n = head; n; n = n->next) if (n->v % 2 == 0) { if (n->prev) n->prev->next = n->next; else head = n->next; if (n->next) n->next->prev = n->prev; else last = n->prev; }
  printf("doubly forward:"); for (struct dnode *n = head; n; n = n->next) printf(" %d", n->v);
  printf(" backward:"); for (struct dnode *n = last; n; n = n->prev) printf(" %d", n->v);
  printf("\n");
  l = NULL;
  for (int i = 0; i < 5000; i++) l = push(l, (int)((i * 2654435761u) % 100000));
  l = msort(l);
  long s = 0; int ok = 1, n = 0;
  for (struct node *p = l; p; p = p->next, n++) { s += p->v * (long)(n % 5); if (p->next && p->v > p->next->v) ok = 0; }
  printf("5000 nodes sorted %d checksum %ld\n", ok, s);
  release(l);
  return 0;
}
