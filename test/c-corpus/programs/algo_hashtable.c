// A chained hash table of strings (djb2 and FNV-1a hashes) counting word frequencies in a generated
// text, with resizing; prints the top words sorted by count then name, and table statistics.
// SPDX-License-Identifier: MIT
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <stdint.h>

struct entry { char *key; int count; struct entry *next; };
struct table { struct entry **buckets; size_t size, used; };

static uint32_t fnv1a(const char *s) { uint32_t h = 2166136261u; while (*s) { h ^= (unsigned char)*s++; h *= 16777619u; } return h; }
static unsigned long djb2(const char *s) { unsigned long h = 5381; int c; while ((c = (unsigned char)*s++)) h = h * 33 + (unsigned long)c; return h; }

static void resize(struct table *t, size_t nsize) {
  struct entry **nb = calloc(nsize, sizeof *nb);
  for (size_t i = 0; i < t->size; i++)
    for (struct entry *e = t->buckets[i], *next; e; e = next) { next = e->next; size_t b = fnv1a(e->key) % nsize; e->next = nb[b]; nb[b] = e; }
  free(t->buckets); t->buckets = nb; t->size = nsize;
}
static void add(struct table *t, const char *w) {
  size_t b = fnv1a(w) % t->size;
  for (struct entry *e = t->buckets[b]; e; e = e->next) if (!strcmp(e->key, w)) { e->count++; return; }
  struct entry *e = malloc(sizeof *e);
  e->key = strdup(w); e->count = 1; e->next = t->buckets[b]; t->buckets[b] = e;
  if (++t->used > t->size * 3 / 4) resize(t, t->size * 2 + 1);
}
static int by_count(const void *a, const void *b) {
  const struct entry *x = *(const struct entry *const *)a, *y = *(const struct entry *const *)b;
  return x->count != y->count ? y->count - x->count : strcmp(x->key, y->key);
}

int main(void) {
  const char *syll[] = {"ka", "lo", "mi", "ne", "po", "ru", "sa", "te", "vi", "zo"};
  struct table t = {calloc(7, sizeof(struct entry *)), 7, 0};
  uint32_t x = 1;
  long words = 0;
  for (int i = 0; i < 8000; i++) {
    x = x * 1664525u + 1013904223u;
    char w[16] = "";
    int len = 1 + (int)((x >> 28) % 3);
    uint32_t y = x;
    for (int k = 0; k < len; k++) { strcat(w, syll[(y >> 8) % 10 < 6 ? (y >> 8) % 4 : (y >> 8) % 10]); y = y * 69069u + 1; }
    add(&t, w); words++;
  }
  struct entry **all = malloc(t.used * sizeof *all);
  size_t n = 0, longest = 0, empty = 0;
  for (size_t i = 0; i < t.size; i++) {
    size_t chain = 0;
    for (struct entry *e = t.buckets[i]; e; e = e->next) { all[n++] = e; chain++; }
    if (chain > longest) longest = chain;
    if (!chain) empty++;
  }
  qsort(all, n, sizeof *all, by_count);
  printf("words %ld distinct %zu table size %zu longest chain %zu empty buckets %zu\n", words, n, t.size, longest, empty);
  for (size_t i = 0; i < 15 && i < n; i++) printf("%2zu %-12s %5d djb2 %016lx fnv %08x\n", i + 1, all[i]->key, all[i]->count, djb2(all[i]->key), fnv1a(all[i]->key));
  for (size_t i = 0; i < n; i++) { free(all[i]->key); free(all[i]); }
  free(all); free(t.buckets);
  return 0;
}
