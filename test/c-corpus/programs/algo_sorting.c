// Sorting algorithms on the same pseudo-random data: bubble, insertion, selection, shell, merge (top
// down), quicksort (Lomuto and Hoare), heapsort and counting sort; each checked and summarised.
// SPDX-License-Identifier: MIT
#include <stdio.h>
#include <string.h>

enum { N = 300 };
static int data[N], work[N], tmp[N];
static unsigned long long comparisons;

static int less(int a, int b) { comparisons++; return a < b; }
static void swap(int *a, int *b) { int t = *a; *a = *b; *b = t; }
static void bubble(int *a, int n) { for (int i = 0; i < n; i++) for (int j = 0; j + 1 < n - i; j++) if (less(a[j + 1], a[j])) swap(&a[j], &a[j + 1]); }
static void insertion(int *a, int n) { for (int i = 1; i < n; i++) { int x = a[i], j = i - 1; while (j >= 0 && less(x, a[j])) { a[j + 1] = a[j]; j--; } a[j + 1] = x; } }
static void selection(int *a, int n) { for (int i = 0; i < n; i++) { int m = i; for (int j = i + 1; j < n; j++) if (less(a[j], a[m])) m = j; swap(&a[i], &a[m]); } }
static void shell(int *a, int n) { for (int gap = n / 2; gap > 0; gap /= 2) for (int i = gap; i < n; i++) for (int j = i - gap; j >= 0 && less(a[j + gap], a[j]); j -= gap) swap(&a[j], &a[j + gap]); }
static void merge_sort(int *a, int lo, int hi) {
  if (hi - lo < 2) return;
  int mid = (lo + hi) / 2;
  merge_sort(a, lo, mid); merge_sort(a, mid, hi);
  int i = lo, j = mid, k = lo;
  while (i < mid && j < hi) tmp[k++] = less(a[j], a[i]) ? a[j++] : a[i++];
  while (i < mid) tmp[k++] = a[i++];
  while (j < hi) tmp[k++] = a[j++];
  memcpy(a + lo, tmp + lo, sizeof(int) * (size_t)(hi - lo));
}
static void quick_lomuto(int *a, int lo, int hi) {
  if (lo >= hi) return;
  int p = a[hi], i = lo;
  for (int j = lo; j < hi; j++) if (less(a[j], p)) swap(&a[i++], &a[j]);
  swap(&a[i], &a[hi]);
  quick_lomuto(a, lo, i - 1); quick_lomuto(a, i + 1, hi);
}
static void quick_hoare(int *a, int lo, int hi) {
  if (lo >= hi) return;
  int p = a[lo + (hi - lo) / 2], i = lo - 1, j = hi + 1;
  for (;;) {
    do i++; while (less(a[i], p));
    do j--; while (less(p, a[j]));
    if (i >= j) break;
    swap(&a[i], &a[j]);
  }
  quick_hoare(a, lo, j); quick_hoare(a, j + 1, hi);
}
static void sift(int *a, int start, int end) {
  int root = start;
  while (2 * root + 1 <= end) {
    int child = 2 * root + 1, s = root;
    if (less(a[s], a[child])) s = child;
    if (child + 1 <= end && less(a[s], a[child + 1])) s = child + 1;
    if (s == root) return;
    swap(&a[root], &a[s]); root = s;
  }
}
static void heapsort(int *a, int n) { for (int s = (n - 2) / 2; s >= 0; s--) sift(a, s, n - 1); for (int e = n - 1; e > 0; e--) { swap(&a[e], &a[0]); sift(a, 0, e - 1); } }
static void counting(int *a, int n) { static int cnt[1000]; memset(cnt, 0, sizeof cnt); for (int i = 0; i < n; i++) cnt[a[i]]++; int k = 0; for (int v = 0; v < 1000; v++) while (cnt[v]--) a[k++] = v; }

static void report(const char *name) {
  int ok = 1; unsigned long long h = 0;
  for (int i = 0; i < N; i++) { if (i && work[i - 1] > work[i]) ok = 0; h = h * 1000003 + (unsigned)work[i]; }
  printf("%-10s sorted %d comparisons %7llu hash %016llx first %d last %d\n", name, ok, comparisons, h, work[0], work[N - 1]);
}
#define RUN(name, call) do { memcpy(work, data, sizeof data); comparisons = 0; call; report(name); } while (0)

int main(void) {
  unsigned x = 2463534242u;
  for (int i = 0; i < N; i++) { x ^= x << 13; x ^= x >> 17; x ^= x << 5; data[i] = (int)(x % 1000); }
  RUN("bubble", bubble(work, N));
  RUN("insertion", insertion(work, N));
  RUN("selection", selection(work, N));
  RUN("shell", shell(work, N));
  RUN("merge", merge_sort(work, 0, N));
  RUN("lomuto", quick_lomuto(work, 0, N - 1));
  RUN("hoare", quick_hoare(work, 0, N - 1));
  RUN("heap", heapsort(work, N));
  RUN("counting", counting(work, N));
  return 0;
}
