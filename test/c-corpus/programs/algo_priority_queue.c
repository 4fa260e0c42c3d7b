// A binary min-heap priority queue of (priority, sequence) pairs: heap sort through it, top-k of a
// stream, merging sorted runs (k-way merge), and an event simulation that schedules and pops events.
// SPDX-License-Identifier: MIT
#include <stdio.h>
#include <stdlib.h>

struct item { long prio; int seq; };
struct heap { struct item *a; int n, cap; };
static int before(struct item x, struct item y) { return x.prio < y.prio || (x.prio == y.prio && x.seq < y.seq); }
static void push(struct heap *h, long prio, int seq) {
  if (h->n == h->cap) { h->cap = h->cap ? h->cap * 2 : 4; h->a = realloc(h->a, sizeof *h->a * (size_t)h->cap); }
  int i = h->n++; h->a[i] = (struct item){prio, seq};
  while (i && before(h->a[i], h->a[(i - 1) / 2])) { struct item t = h->a[i]; h->a[i] = h->a[(i - 1) / 2]; h->a[(i - 1) / 2] = t; i = (i - 1) / 2; }
}
static struct item pop(struct heap *h) {
  struct item top = h->a[0]; h->a[0] = h->a[--h->n];
  for (int i = 0;;) { int l = 2 * i + 1, r = l + 1, m = i; if (l < h->n && before(h->a[l], h->a[m])) m = l; if (r < h->n && before(h->a[r], h->a[m])) m = r; if (m == i) break; struct item t = h->a[i]; h->a[i] = h->a[m]; h->a[m] = t; i = m; }
  return top;
}

int main(void) {
  struct heap h = {0};
  unsigned x = 7;
  for (int i = 0; i < 20; i++) { x = x * 1103515245u + 12345u; push(&h, (long)(x >> 20) % 50, i); }
  printf("heap order:"); while (h.n) { struct item it = pop(&h); printf(" %ld/%d", it.prio, it.seq); } printf("\n");
  for (int i = 0; i < 10000; i++) {
    x = x * 1103515245u + 12345u; long v = (long)(x >> 8);
    if (h.n < 5) push(&h, v, i); else if (v > h.a[0].prio) { pop(&h); push(&h, v, i); }
  }
  printf("top 5 of 10000:"); while (h.n) printf(" %ld", pop(&h).prio); printf("\n");
  long runs[4][6] = {{1, 4, 9, 16, 25, 36}, {2, 3, 5, 7, 11, 13}, {0, 10, 20, 30, 40, 50}, {6, 6, 6, 8, 8, 100}};
  int pos[4] = {0};
  for (int r = 0; r < 4; r++) push(&h, runs[r][0], r);
  printf("k-way merge:");
  while (h.n) { struct item it = pop(&h); printf(" %ld", it.prio); if (++pos[it.seq] < 6) push(&h, runs[it.seq][pos[it.seq]], it.seq); }
  printf("\n");
  long now = 0; int handled = 0, seq = 0;
  push(&h, 0, seq++);
  while (h.n && handled < 40) {
    struct item ev = pop(&h); now = ev.prio; handled++;
    if (ev.seq % 3 == 0) push(&h, now + 7, seq++);
    if (ev.seq % 2 == 0) push(&h, now + 3 + ev.seq % 5, seq++);
    if (handled % 8 == 0) printf("t=%ld handled %d pending %d\n", now, handled, h.n);
  }
  free(h.a);
  return 0;
}
