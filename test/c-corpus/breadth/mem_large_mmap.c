/* Large allocations: malloc above the mmap threshold, realloc growth by doubling (mremap), calloc zeroing,
   posix_memalign/aligned_alloc/memalign, mmap/munmap/mprotect of anonymous memory, sbrk.
   SPDX-License-Identifier: MIT */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <stdint.h>
#include <malloc.h>
#include <unistd.h>
#include <sys/mman.h>
#include <errno.h>

static unsigned long sum(const unsigned char *p, size_t n) { unsigned long s = 0; for (size_t i = 0; i < n; i += 4093) s += p[i]; return s; }

int main(void) {
  size_t sizes[] = {200000, 1 << 20, 8 << 20, 24 << 20};
  for (int i = 0; i < 4; i++) {
    unsigned char *p = malloc(sizes[i]);
    memset(p, i + 1, sizes[i]);
    p[sizes[i] - 1] = 0xee;
    printf("malloc %zu: sum=%lu last=%x aligned16=%d\n", sizes[i], sum(p, sizes[i]), p[sizes[i] - 1], ((uintptr_t)p & 15) == 0);
    free(p);
  }
  size_t cap = 16, len = 0; char *buf = malloc(cap);
  for (int i = 0; i < 30000; i++) {
    if (len + 8 > cap) { cap *= 2; char *nb = realloc(buf, cap); if (!nb) return 1; buf = nb; }
    len += sprintf(buf + len, "%d,", i % 1000) ;
  }
  unsigned long h = 5381; for (size_t i = 0; i < len; i++) h = h * 33 + (unsigned char)buf[i];
  printf("grown to len=%zu cap=%zu hash=%lu\n", len, cap, h);
  buf = realloc(buf, 10); buf[9] = 0; printf("shrunk: %s\n", buf); free(buf);
  int *z = calloc(3 << 20, sizeof(int)); long zs = 0; for (int i = 0; i < 3 << 20; i += 1000) zs += z[i];
  printf("calloc zeros=%ld\n", zs); free(z);
  void *a = NULL; printf("posix_memalign=%d ", posix_memalign(&a, 4096, 10000)); printf("aligned=%d\n", ((uintptr_t)a & 4095) == 0); free(a);
  a = aligned_alloc(256, 1024); printf("aligned_alloc aligned=%d\n", ((uintptr_t)a & 255) == 0); free(a);
  a = memalign(65536, 100); printf("memalign 64K aligned=%d\n", ((uintptr_t)a & 65535) == 0); free(a);
  printf("posix_memalign bad=%d\n", posix_memalign(&a, 3, 16));
  errno = 0; void *huge = malloc((size_t)1 << 62); printf("huge malloc=%s errno=%d\n", huge ? "non-null" : "NULL", errno);
  size_t ps = 65536;
  char *m = mmap(NULL, 4 * ps, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  printf("mmap ok=%d zero=%d\n", m != MAP_FAILED, m[ps * 3 + 5] == 0);
  strcpy(m, "mapped memory"); printf("%s\n", m);
  printf("mprotect=%d\n", mprotect(m + ps, ps, PROT_READ));
  printf("munmap part=%d\n", munmap(m + 2 * ps, ps));
  errno = 0; void *bad = mremap(m, 2 * ps, 8 * ps, MREMAP_MAYMOVE);
  printf("mremap across two protections: %s errno=%d\n", bad == MAP_FAILED ? "failed" : "ok", errno);
  char *m2 = mmap(NULL, 2 * ps, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  strcpy(m2 + ps, "second page");
  m2 = mremap(m2, 2 * ps, 8 * ps, MREMAP_MAYMOVE);
  if (m2 == MAP_FAILED) { printf("mremap failed errno=%d\n", errno); return 3; }
  m2[8 * ps - 1] = 1; printf("mremap keeps=%s\n", m2 + ps);
  printf("munmap=%d %d\n", munmap(m2, 8 * ps), munmap(m, 4 * ps));
  printf("munmap bad=%d errno=%d\n", munmap((void *)1, 10), errno);
  void *b0 = sbrk(0); void *b1 = sbrk(100000); void *b2 = sbrk(0);
  printf("sbrk grew=%ld\n", (long)((char *)b2 - (char *)b1)); (void)b0;
  char **ptrs = malloc(2000 * sizeof *ptrs);
  for (int r = 0; r < 3; r++) {
    for (int i = 0; i < 2000; i++) ptrs[i] = malloc((i * 7919) % 5000 + 1);
    for (int i = 0; i < 2000; i += 2) free(ptrs[i]);
    for (int i = 0; i < 2000; i += 2) ptrs[i] = malloc((i * 31) % 300000 + 1);
    for (int i = 0; i < 2000; i++) free(ptrs[i]);
  }
  printf("churn done\n");
  free(ptrs);
  struct mallinfo2 mi = mallinfo2(); printf("mallinfo2 ok=%d\n", mi.arena >= 0);
  return 0;
}
