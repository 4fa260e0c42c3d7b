// Shifts (logical, arithmetic, by variable amounts), rotates, and bit tricks; __builtin_popcount,
// clz, ctz, parity, ffs, bswap at 32 and 64 bits.
// SPDX-License-Identifier: MIT
#include <stdio.h>
#include <stdint.h>

static uint32_t rotl32(uint32_t x, unsigned r) { return (x << (r & 31)) | (x >> ((32 - r) & 31)); }
static uint64_t rotr64(uint64_t x, unsigned r) { return (x >> (r & 63)) | (x << ((64 - r) & 63)); }
static int is_pow2(uint64_t x) { return x && !(x & (x - 1)); }
static uint64_t next_pow2(uint64_t x) { x--; x |= x >> 1; x |= x >> 2; x |= x >> 4; x |= x >> 8; x |= x >> 16; x |= x >> 32; return x + 1; }
static uint32_t rev32(uint32_t x) {
  x = ((x >> 1) & 0x55555555u) | ((x & 0x55555555u) << 1);
  x = ((x >> 2) & 0x33333333u) | ((x & 0x33333333u) << 2);
  x = ((x >> 4) & 0x0f0f0f0fu) | ((x & 0x0f0f0f0fu) << 4);
  return __builtin_bswap32(x);
}

static volatile uint64_t inputs[] = {0, 1, 2, 3, 0x80, 0xff, 0x1234, 0x80000000u, 0xffffffffu, 0x100000000ULL,
                                     0x8000000000000000ULL, 0xffffffffffffffffULL, 0x0123456789abcdefULL, 0xdeadbeefcafebabeULL};

int main(void) {
  for (unsigned i = 0; i < sizeof inputs / sizeof inputs[0]; i++) {
    uint64_t x = inputs[i];
    uint32_t w = (uint32_t)x;
    printf("%016llx pop=%d/%d par=%d/%d ", (unsigned long long)x, __builtin_popcountll(x), __builtin_popcount(w),
           __builtin_parityll(x), __builtin_parity(w));
    if (x) printf("clz=%d ctz=%d ", __builtin_clzll(x), __builtin_ctzll(x));
    if (w) printf("clz32=%d ctz32=%d ", __builtin_clz(w), __builtin_ctz(w));
    printf("ffs=%d ffsll=%d bswap=%016llx/%08x pow2=%d next=%llx rev=%08x\n", __builtin_ffs((int)w), __builtin_ffsll((long long)x),
           (unsigned long long)__builtin_bswap64(x), __builtin_bswap32(w), is_pow2(x), (unsigned long long)next_pow2(x), rev32(w));
  }
  volatile int32_t sn = -123456789;
  volatile int64_t sl = -1234567890123456789LL;
  for (int s = 0; s < 64; s += 7) {
    printf("s=%2d: %08x %08x %d %016llx %016llx %lld rot %08x %016llx\n", s, (uint32_t)sn << (s & 31), (uint32_t)sn >> (s & 31),
           sn >> (s & 31), (unsigned long long)((uint64_t)sl << s), (unsigned long long)((uint64_t)sl >> s), (long long)(sl >> s),
           rotl32((uint32_t)sn, s), (unsigned long long)rotr64((uint64_t)sl, s));
  }
  uint16_t h = 0xbeef;
  printf("bswap16 %04x\n", __builtin_bswap16(h));
  int x = 0x5a;
  printf("lowest set %d, clear lowest %d, isolate zero %d, abs trick %d\n", x & -x, x & (x - 1), ~x & (x + 1), (sn ^ (sn >> 31)) - (sn >> 31));
  unsigned v = 0xf0f0f0f0u, mask = 0x0ff00ff0u;
  printf("merge %08x, swap nibbles %08x\n", v ^ ((v ^ 0x12345678u) & mask), ((v & 0x0f0f0f0fu) << 4) | ((v & 0xf0f0f0f0u) >> 4));
  return 0;
}
