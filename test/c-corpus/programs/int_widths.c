// Integer arithmetic at every width, signed and unsigned: wrap-around, promotions, casts.
// SPDX-License-Identifier: MIT
#include <stdio.h>
#include <stdint.h>
#include <limits.h>

static volatile int8_t s8 = 127;
static volatile uint8_t u8 = 250;
static volatile int16_t s16 = 32767;
static volatile uint16_t u16 = 65530;
static volatile int32_t s32 = INT32_MAX;
static volatile uint32_t u32 = 4294967290u;
static volatile int64_t s64 = INT64_MAX;
static volatile uint64_t u64 = 18446744073709551610ull;

int main(void) {
  int8_t a8 = (int8_t)(s8 + 1);
  uint8_t b8 = (uint8_t)(u8 + 10);
  int16_t a16 = (int16_t)(s16 + 1);
  uint16_t b16 = (uint16_t)(u16 + 10);
  uint32_t b32 = u32 + 10;
  uint64_t b64 = u64 + 10;
  printf("s8 wrap %d, u8 wrap %u\n", a8, b8);
  printf("s16 wrap %d, u16 wrap %u\n", a16, b16);
  printf("u32 wrap %u, u64 wrap %llu\n", b32, (unsigned long long)b64);
  printf("s32 max %d min %d, s64 max %lld min %lld\n", s32, INT32_MIN, (long long)s64, (long long)INT64_MIN);
  printf("int8 promotion: %d %d\n", s8 * s8, (int8_t)(s8 * s8));
  printf("uint8 * uint8 = %d (int)\n", u8 * u8);
  printf("mixed signed/unsigned compare: %d %d\n", -1 < 1u, (long long)-1 < 1u);
  printf("casts: %d %u %d %u\n", (int8_t)200, (uint8_t)-56, (int16_t)40000, (uint16_t)-1);
  printf("trunc 64->32: %d %u\n", (int32_t)0x123456789abcdefLL, (uint32_t)0xfedcba9876543210ULL);
  printf("sign extend: %lld %lld\n", (long long)(int32_t)0x80000000u, (long long)(int8_t)0x80);
  printf("zero extend: %llu %llu\n", (unsigned long long)(uint32_t)-1, (unsigned long long)(uint16_t)-2);
  uint64_t acc = 1;
  for (int i = 1; i <= 25; i++) acc *= (uint64_t)i; // 25! mod 2^64
  printf("25!%%2^64 = %llu\n", (unsigned long long)acc);
  uint32_t h = 2166136261u;
  for (int i = 0; i < 1000; i++) { h ^= (uint32_t)i; h *= 16777619u; }
  printf("fnv-ish = %08x\n", h);
  int64_t neg = -1;
  printf("neg as unsigned: %llu %llx\n", (unsigned long long)neg, (unsigned long long)neg);
  printf("sizeof: char %zu short %zu int %zu long %zu llong %zu ptr %zu size_t %zu\n",
         sizeof(char), sizeof(short), sizeof(int), sizeof(long), sizeof(long long), sizeof(void *), sizeof(size_t));
  printf("char signedness: %d\n", (char)200 < 0);
  printf("INT_MIN/-1 guarded: %d\n", s32 == INT_MAX ? -INT_MAX : 0);
  unsigned short us = 0xffff; us++;
  printf("ushort ++ wrap: %u\n", us);
  return 0;
}
