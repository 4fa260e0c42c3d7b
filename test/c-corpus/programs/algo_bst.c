// Binary search trees: an unbalanced BST and an AVL tree with insert, search, delete, in/pre/post-order
// and level-order traversal, height, and the k-th smallest; the AVL stays balanced for sorted input.
// SPDX-License-Identifier: MIT
#include <stdio.h>
#include <stdlib.h>

struct tree { int key, height; struct tree *l, *r; };
static int h(struct tree *t) { return t ? t->height : 0; }
static int max(int a, int b) { return a > b ? a : b; }
static void fix(struct tree *t) { t->height = 1 + max(h(t->l), h(t->r)); }
static struct tree *rot_r(struct tree *y) { struct tree *x = y->l; y->l = x->r; x->r = y; fix(y); fix(x); return x; }
static struct tree *rot_l(struct tree *x) { struct tree *y = x->r; x->r = y->l; y->l = x; fix(x); fix(y); return y; }
static struct tree *balance(struct tree *t) {
  fix(t);
  int b = h(t->l) - h(t->r);
  if (b > 1) { if (h(t->l->l) < h(t->l->r)) t->l = rot_l(t->l); return rot_r(t); }
  if (b < -1) { if (h(t->r->r) < h(t->r->l)) t->r = rot_r(t->r); return rot_l(t); }
  return t;
}
static struct tree *insert(struct tree *t, int k, int avl) {
  if (!t) { t = calloc(1, sizeof *t); t->key = k; t->height = 1; return t; }
  if (k < t->key) t->l = insert(t->l, k, avl); else if (k > t->key) t->r = insert(t->r, k, avl); else return t;
  if (avl) return balance(t);
  fix(t); return t;
}
static struct tree *remove_key(struct tree *t, int k, int avl) {
  if (!t) return NULL;
  if (k < t->key) t->l = remove_key(t->l, k, avl);
  else if (k > t->key) t->r = remove_key(t->r, k, avl);
  else {
    if (!t->l || !t->r) { struct tree *c = t->l ? t->l : t->r; free(t); return c; }
    struct tree *m = t->r; while (m->l) m = m->l;
    t->key = m->key; t->r = remove_key(t->r, m->key, avl);
  }
  if (avl) return balance(t);
  fix(t); return t;
}
static int contains(struct tree *t, int k) { while (t) { if (k == t->key) return 1; t = k < t->key ? t->l : t->r; } return 0; }
static void inorder(struct tree *t) { if (!t) return; inorder(t->l); printf(" %d", t->key); inorder(t->r); }
static void preorder(struct tree *t) { if (!t) return; printf(" %d", t->key); preorder(t->l); preorder(t->r); }
static void postorder(struct tree *t) { if (!t) return; postorder(t->l); postorder(t->r); printf(" %d", t->key); }
static void levels(struct tree *t) { struct tree *q[256]; int a = 0, b = 0; if (t) q[b++] = t; while (a < b) { struct tree *n = q[a++]; printf(" %d", n->key); if (n->l) q[b++] = n->l; if (n->r) q[b++] = n->r; } }
static int kth(struct tree *t, int *k) { if (!t) return -1; int r = kth(t->l, k); if (*k == 0) return r; if (--*k == 0) return t->key; return kth(t->r, k); }
static void release(struct tree *t) { if (!t) return; release(t->l); release(t->r); free(t); }

int main(void) {
  int keys[] = {50, 30, 70, 20, 40, 60, 80, 35, 45, 65, 10, 5, 1};
  for (int avl = 0; avl <= 1; avl++) {
    struct tree *t = NULL;
    for (int i = 0; i < 13; i++) t = insert(t, keys[i], avl);
    printf("%s height %d\n in:", avl ? "AVL" : "BST", h(t)); inorder(t);
    printf("\n pre:"); preorder(t); printf("\n post:"); postorder(t); printf("\n level:"); levels(t); printf("\n");
    int k = 4; printf(" 4th smallest %d, contains 45 %d 46 %d\n", kth(t, &k), contains(t, 45), contains(t, 46));
    t = remove_key(t, 30, avl); t = remove_key(t, 50, avl); t = remove_key(t, 1, avl);
    printf(" after deletes height %d:", h(t)); levels(t); printf("\n");
    release(t);
    t = NULL;
    for (int i = 0; i < 200; i++) t = insert(t, i, avl);
    printf(" 200 sorted keys: height %d\n", h(t));
    release(t);
  }
  return 0;
}
