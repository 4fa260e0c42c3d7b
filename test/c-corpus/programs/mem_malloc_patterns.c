// malloc/calloc/realloc/free patterns: many sizes (tiny to > 128 KiB, which glibc serves with mmap),
// realloc growth and shrink keeping contents, calloc zeroing, posix_memalign and aligned_alloc
// alignment, malloc_usable_size bounds, and fragmentation by freeing every other block.
// SPDX-License-Identifier: MIT
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <stdint.h>
#include <malloc.h>

/* samples 64 bytes spread over the block and its last byte */
static uint32_t sum(const unsigned char *p, size_t n) { uint32_t s = 0; for (size_t i = 0; i < n; i += 1 + n / 64) s = s * 31 + p[i]; return n ? s * 31 + p[n - 1] : s; }

int main(void) {
  size_t sizes[] = {0, 1, 7, 8, 15, 16, 24, 100, 1000, 4096, 65536, 131072, 200000, 1 << 20, 5 << 20};
  for (unsigned i = 0; i < sizeof sizes / sizeof sizes[0]; i++) {
    unsigned char *p = malloc(sizes[i]);
    if (!p) { printf("malloc %zu failed\n", sizes[i]); continue; }
    memset(p, (int)(i + 1), sizes[i]);
    size_t us = malloc_usable_size(p);
    printf("malloc %7zu ok, aligned16 %d, usable>=size %d, sum %08x\n", sizes[i], ((uintptr_t)p & 15) == 0, us >= sizes[i], sum(p, sizes[i]));
    free(p);
  }
  unsigned char *c = calloc(300000, 1);
  size_t nz = 0;
  for (size_t i = 0; i < 300000; i += 97) nz += c[i] != 0;
  nz += c[299999] != 0;
  printf("calloc 300000: nonzero %zu\n", nz);
  free(c);
  int *small = calloc(10, sizeof(int));
  printf("calloc small zero %d\n", small[0] + small[9]);
  free(small);
  printf("calloc overflow %d\n", calloc(SIZE_MAX / 2, 4) == NULL);
  char *r = malloc(10);
  strcpy(r, "grow me");
  for (size_t n = 16; n <= (1u << 19); n *= 4) {
    r = realloc(r, n);
    memset(r + 8, 'g', n - 9);
    r[n - 1] = 0;
    printf("realloc up %8zu: [%.7s] len %zu\n", n, r, strlen(r));
  }
  for (size_t n = 1u << 18; n >= 16; n /= 16) {
    r = realloc(r, n);
    r[n - 1] = 0;
    printf("realloc down %8zu: [%.7s] len %zu\n", n, r, strlen(r));
  }
  free(r);
  char *rz = realloc(NULL, 5);
  strcpy(rz, "abcd");
  printf("realloc(NULL) [%s]\n", rz);
  free(rz);
  size_t aligns[] = {16, 32, 64, 256, 4096, 65536};
  for (unsigned i = 0; i < 6; i++) {
    void *p = NULL;
    int rc = posix_memalign(&p, aligns[i], 1000);
    void *q = aligned_alloc(aligns[i], aligns[i] * 3);
    void *m = memalign(aligns[i], 77);
    printf("align %6zu: posix_memalign rc %d ok %d, aligned_alloc ok %d, memalign ok %d\n", aligns[i], rc, ((uintptr_t)p % aligns[i]) == 0,
           q && ((uintptr_t)q % aligns[i]) == 0, m && ((uintptr_t)m % aligns[i]) == 0);
    free(p); free(q); free(m);
  }
  void *bad = NULL;
  printf("posix_memalign bad alignment rc %d\n", posix_memalign(&bad, 24, 8));
  enum { N = 2000 };
  static unsigned char *blocks[N];
  for (int i = 0; i < N; i++) { blocks[i] = malloc((size_t)(i % 97) * 8 + 1); blocks[i][0] = (unsigned char)i; }
  for (int i = 0; i < N; i += 2) { free(blocks[i]); blocks[i] = NULL; }
  for (int i = 0; i < N; i += 2) { blocks[i] = malloc((size_t)(i % 13) * 24 + 3); blocks[i][0] = (unsigned char)(i ^ 0x5a); }
  uint32_t s = 0;
  for (int i = 0; i < N; i++) { s = s * 33 + blocks[i][0]; free(blocks[i]); }
  printf("fragmentation checksum %08x\n", s);
  return 0;
}
