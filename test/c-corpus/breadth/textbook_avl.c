/* Textbook data structures: an AVL tree with rotations (insert, delete, in-order walk, height check),
   a doubly linked list with sentinel, a binary heap priority queue, and a union-find with path compression.
   SPDX-License-Identifier: MIT */
#include <stdio.h>
#include <stdlib.h>

typedef struct avl { int key, h; struct avl *l, *r; } avl;
static int H(avl *n) { return n ? n->h : 0; }
static int mx(int a, int b) { return a > b ? a : b; }
static void fix(avl *n) { n->h = 1 + mx(H(n->l), H(n->r)); }
static avl *rotr(avl *y) { avl *x = y->l; y->l = x->r; x->r = y; fix(y); fix(x); return x; }
static avl *rotl(avl *x) { avl *y = x->r; x->r = y->l; y->l = x; fix(x); fix(y); return y; }
static int rotations;
static avl *bal(avl *n) {
  fix(n); int b = H(n->l) - H(n->r);
  if (b > 1) { rotations++; if (H(n->l->l) < H(n->l->r)) n->l = rotl(n->l); return rotr(n); }
  if (b < -1) { rotations++; if (H(n->r->r) < H(n->r->l)) n->r = rotr(n->r); return rotl(n); }
  return n;
}
static avl *ins(avl *n, int k) {
  if (!n) { n = calloc(1, sizeof *n); n->key = k; n->h = 1; return n; }
  if (k < n->key) n->l = ins(n->l, k); else if (k > n->key) n->r = ins(n->r, k); else return n;
  return bal(n);
}
static avl *del(avl *n, int k) {
  if (!n) return NULL;
  if (k < n->key) n->l = del(n->l, k); else if (k > n->key) n->r = del(n->r, k);
  else {
    if (!n->l || !n->r) { avl *c = n->l ? n->l : n->r; free(n); return c; }
    avl *m = n->r; while (m->l) m = m->l; n->key = m->key; n->r = del(n->r, m->key);
  }
  return bal(n);
}
static int ok(avl *n, int lo, int hi) { if (!n) return 1; int b = H(n->l) - H(n->r); return n->key > lo && n->key < hi && b >= -1 && b <= 1 && ok(n->l, lo, n->key) && ok(n->r, n->key, hi); }
static long walk(avl *n, long acc) { if (!n) return acc; acc = walk(n->l, acc); acc = acc * 31 + n->key; return walk(n->r, acc); }
typedef struct dl { struct dl *prev, *next; int v; } dl;
static int heap[1024], hn;
static void push(int v) { int i = hn++; heap[i] = v; while (i && heap[(i - 1) / 2] > heap[i]) { int t = heap[i]; heap[i] = heap[(i - 1) / 2]; heap[(i - 1) / 2] = t; i = (i - 1) / 2; } }
static int pop(void) { int r = heap[0], i = 0; heap[0] = heap[--hn]; for (;;) { int s = i, a = 2 * i + 1, b = a + 1; if (a < hn && heap[a] < heap[s]) s = a; if (b < hn && heap[b] < heap[s]) s = b; if (s == i) break; int t = heap[i]; heap[i] = heap[s]; heap[s] = t; i = s; } return r; }
static int parent[1000];
static int find(int x) { return parent[x] == x ? x : (parent[x] = find(parent[x])); }

int main(void) {
  avl *root = NULL; unsigned s = 1;
  for (int i = 0; i < 3000; i++) { s = s * 1664525 + 1013904223; root = ins(root, (int)(s >> 12) % 5000); }
  printf("avl height=%d ok=%d rotations=%d walk=%ld\n", H(root), ok(root, -1, 1 << 30), rotations, walk(root, 0));
  for (int k = 0; k < 5000; k += 3) root = del(root, k);
  printf("after deletes height=%d ok=%d walk=%ld\n", H(root), ok(root, -1, 1 << 30), walk(root, 0));
  dl head = {&head, &head, 0};
  for (int i = 1; i <= 10; i++) { dl *n = malloc(sizeof *n); n->v = i * i; n->prev = head.prev; n->next = &head; head.prev->next = n; head.prev = n; }
  for (dl *n = head.next; n != &head;) { dl *nx = n->next; if (n->v % 2) { n->prev->next = n->next; n->next->prev = n->prev; free(n); } n = nx; }
  for (dl *n = head.prev; n != &head; n = n->prev) printf("%d ", n->v); printf("\n");
  for (int i = 0; i < 100; i++) push((i * 37) % 101);
  for (int i = 0; i < 10; i++) printf("%d ", pop()); printf("... left %d\n", hn);
  for (int i = 0; i < 1000; i++) parent[i] = i;
  for (int i = 0; i < 1000; i += 7) parent[find(i)] = find((i * 13) % 1000);
  int sets = 0; for (int i = 0; i < 1000; i++) sets += find(i) == i; printf("union-find sets=%d\n", sets);
  return 0;
}
