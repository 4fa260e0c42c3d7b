// A small allocator stress: a deterministic pseudo-random sequence of malloc, realloc and free over
// 512 slots with sizes from 1 byte to 300 KiB, each block marked with a pattern (at 64 places) verified
// before it is freed or resized and, for what realloc keeps, after; prints counts and a checksum, never an address.
// SPDX-License-Identifier: MIT
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <stdint.h>

static uint64_t rng = 0x9e3779b97f4a7c15ULL;
static uint32_t next(void) { rng ^= rng << 13; rng ^= rng >> 7; rng ^= rng << 17; return (uint32_t)rng; }

enum { SLOTS = 512, OPS = 3000 };
static unsigned char *ptr[SLOTS];
static size_t len[SLOTS];
static unsigned char tag[SLOTS];

static int verify(int i) {
  for (size_t k = 0; k < len[i]; k += 1 + len[i] / 64)
    if (ptr[i][k] != (unsigned char)(tag[i] + k)) return 0;
  return len[i] == 0 || ptr[i][len[i] - 1] == (unsigned char)(tag[i] + len[i] - 1);
}
/* the pattern is written (and verified) at every (1 + len/64)th byte and the last one: a few dozen stores a block */
static void fill(int i, size_t from) {
  for (size_t k = from; k < len[i]; k += 1 + len[i] / 64) ptr[i][k] = (unsigned char)(tag[i] + k);
  if (len[i]) ptr[i][len[i] - 1] = (unsigned char)(tag[i] + len[i] - 1);
}

static size_t pick_size(void) {
  uint32_t r = next() % 100;
  if (r < 60) return 1 + next() % 64;
  if (r < 90) return 64 + next() % 4000;
  if (r < 98) return 4096 + next() % 60000;
  return 131072 + next() % 180000;
}

int main(void) {
  long mallocs = 0, frees = 0, reallocs = 0, bad = 0;
  uint64_t total = 0;
  for (int op = 0; op < OPS; op++) {
    int i = (int)(next() % SLOTS);
    uint32_t what = next() % 3;
    if (!ptr[i]) {
      len[i] = pick_size(); tag[i] = (unsigned char)next();
      ptr[i] = malloc(len[i]);
      if (!ptr[i]) { bad++; continue; }
      fill(i, 0); mallocs++; total += len[i];
    } else if (what == 0) {
      if (!verify(i)) bad++;
      free(ptr[i]); ptr[i] = NULL; frees++;
    } else {
      if (!verify(i)) bad++;
      size_t old = len[i], n = what == 1 ? old * 2 + 1 : old / 3 + 1;
      if (n > 400000) n = 1000;
      unsigned char *q = realloc(ptr[i], n);
      if (!q) { bad++; continue; }
      size_t keep = n < old ? n : old;
      for (size_t k = 0; k < keep; k += 1 + old / 64) if (q[k] != (unsigned char)(tag[i] + k)) { bad++; break; }
      ptr[i] = q; len[i] = n;
      fill(i, 0);
      reallocs++; total += n;
    }
  }
  uint32_t check = 0;
  for (int i = 0; i < SLOTS; i++)
    if (ptr[i]) { if (!verify(i)) bad++; check = check * 131 + (uint32_t)len[i] + ptr[i][0]; /* a byte fill() wrote: never read uninitialised memory, whose contents depend on the page size (64 KiB on Linux/POWER, 4 KiB under qemu) */ free(ptr[i]); }
  printf("mallocs %ld frees %ld reallocs %ld bytes %llu bad %ld check %08x\n", mallocs, frees, reallocs, (unsigned long long)total, bad, check);
  return bad != 0;
}
