/* Bit tricks: __builtin_popcount/clz/ctz/clrsb/parity/ffs/bswap on 32/64 bits, rotates, bit reversal,
   next power of two, Gray codes, __builtin_*_overflow, __int128 multiplication high parts.
   SPDX-License-Identifier: MIT */
#include <stdio.h>
#include <stdint.h>

static uint32_t rotl32(uint32_t x, int r) { return (x << r) | (x >> ((32 - r) & 31)); }
static uint64_t rotr64(uint64_t x, int r) { return (x >> r) | (x << ((64 - r) & 63)); }
static uint32_t rev32(uint32_t x) {
  x = ((x >> 1) & 0x55555555u) | ((x & 0x55555555u) << 1);
  x = ((x >> 2) & 0x33333333u) | ((x & 0x33333333u) << 2);
  x = ((x >> 4) & 0x0f0f0f0fu) | ((x & 0x0f0f0f0fu) << 4);
  return __builtin_bswap32(x);
}

int main(void) {
  uint64_t seeds[] = {0, 1, 0x80000000u, 0xffffffffu, 0x8000000000000000ull, 0x0123456789abcdefull, 0xf0f0f0f0f0f0f0f0ull, 12345};
  for (int i = 0; i < 8; i++) {
    uint64_t v = seeds[i]; uint32_t w = (uint32_t)v;
    printf("%016llx pop=%d/%d clz=%d/%d ctz=%d/%d clrsb=%d/%d parity=%d/%d ffs=%d/%d\n", (unsigned long long)v,
           __builtin_popcount(w), __builtin_popcountll(v), w ? __builtin_clz(w) : 32, v ? __builtin_clzll(v) : 64,
           w ? __builtin_ctz(w) : 32, v ? __builtin_ctzll(v) : 64, __builtin_clrsb((int)w), __builtin_clrsbll((long long)v),
           __builtin_parity(w), __builtin_parityll(v), __builtin_ffs((int)w), __builtin_ffsll((long long)v));
    printf("  bswap16=%04x bswap32=%08x bswap64=%016llx rotl=%08x rotr=%016llx rev=%08x\n", __builtin_bswap16((uint16_t)v),
           __builtin_bswap32(w), (unsigned long long)__builtin_bswap64(v), rotl32(w, 7), (unsigned long long)rotr64(v, 13), rev32(w));
  }
  for (uint32_t x = 1; x < 2000; x = x * 3 + 1) { uint32_t p = x - 1; p |= p >> 1; p |= p >> 2; p |= p >> 4; p |= p >> 8; p |= p >> 16; printf("%u->%u ", x, p + 1); }
  printf("\n");
  for (unsigned g = 0; g < 16; g++) printf("%u ", g ^ (g >> 1));
  printf("\n");
  int r; long long rl; unsigned u;
  printf("add_ovf=%d ", __builtin_add_overflow(2147483647, 1, &r));
  printf("sub_ovf=%d ", __builtin_sub_overflow(0u, 1u, &u));
  printf("mul_ovf=%d %lld ", __builtin_mul_overflow(3037000500LL, 3037000500LL, &rl), rl);
  printf("mul_ok=%d %d\n", __builtin_mul_overflow(46340, 46340, &r), r);
  uint64_t a = 0xfedcba9876543210ull, b = 0x0f1e2d3c4b5a6978ull;
  unsigned __int128 p = (unsigned __int128)a * b;
  printf("mulhi=%016llx mullo=%016llx\n", (unsigned long long)(p >> 64), (unsigned long long)p);
  __int128 sp = (__int128)(int64_t)a * (int64_t)b;
  printf("smulhi=%016llx\n", (unsigned long long)(sp >> 64));
  uint32_t x = 0xdeadbeef;
  printf("lowest set=%x clear lowest=%x isolate0=%x sign-extend12=%d\n", x & -x, x & (x - 1), ~x & (x + 1), (int32_t)(0xabc << 20) >> 20);
  uint8_t bytes[8] = {1, 2, 3, 4, 5, 6, 7, 8}; uint64_t le; __builtin_memcpy(&le, bytes, 8);
  printf("load le=%016llx\n", (unsigned long long)le);
  return 0;
}
