// CRC-32 (IEEE, reflected) computed bitwise, with a 256-entry table and slicing-by-4 tables, plus
// CRC-16/CCITT and Adler-32, over standard check strings and a generated buffer.
// SPDX-License-Identifier: MIT
#include <stdio.h>
#include <stdint.h>
#include <string.h>

static uint32_t T[4][256];
static uint32_t crc_bitwise(const unsigned char *p, size_t n) { uint32_t c = ~0u; while (n--) { c ^= *p++; for (int k = 0; k < 8; k++) c = (c >> 1) ^ (0xedb88320u & -(c & 1)); } return ~c; }
static uint32_t crc_table(const unsigned char *p, size_t n) { uint32_t c = ~0u; while (n--) c = T[0][(c ^ *p++) & 0xff] ^ (c >> 8); return ~c; }
static uint32_t crc_slice4(const unsigned char *p, size_t n) {
  uint32_t c = ~0u;
  while (n >= 4) { c ^= (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24; c = T[3][c & 0xff] ^ T[2][(c >> 8) & 0xff] ^ T[1][(c >> 16) & 0xff] ^ T[0][c >> 24]; p += 4; n -= 4; }
  while (n--) c = T[0][(c ^ *p++) & 0xff] ^ (c >> 8);
  return ~c;
}
static uint16_t crc16_ccitt(const unsigned char *p, size_t n) { uint16_t c = 0xffff; while (n--) { c ^= (uint16_t)(*p++ << 8); for (int k = 0; k < 8; k++) c = c & 0x8000 ? (uint16_t)(c << 1 ^ 0x1021) : (uint16_t)(c << 1); } return c; }
static uint32_t adler32(const unsigned char *p, size_t n) { uint32_t a = 1, b = 0; while (n--) { a = (a + *p++) % 65521; b = (b + a) % 65521; } return b << 16 | a; }

int main(void) {
  for (uint32_t i = 0; i < 256; i++) { uint32_t c = i; for (int k = 0; k < 8; k++) c = c & 1 ? 0xedb88320u ^ (c >> 1) : c >> 1; T[0][i] = c; }
  for (int t = 1; t < 4; t++) for (int i = 0; i < 256; i++) T[t][i] = (T[t - 1][i] >> 8) ^ T[0][T[t - 1][i] & 0xff];
  const char *tests[] = {"", "a", "abc", "123456789", "message digest", "The quick brown fox jumps over the lazy dog", "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"};
  for (int i = 0; i < 7; i++) {
    const unsigned char *s = (const unsigned char *)tests[i]; size_t n = strlen(tests[i]);
    printf("%08x %08x %08x crc16 %04x adler %08x \"%s\"\n", crc_bitwise(s, n), crc_table(s, n), crc_slice4(s, n), crc16_ccitt(s, n), adler32(s, n), tests[i]);
  }
  static unsigned char buf[20000];
  for (size_t i = 0; i < sizeof buf; i++) buf[i] = (unsigned char)(i * 2654435761u >> 13);
  for (size_t off = 0; off < 4; off++) printf("buffer+%zu: %08x %08x adler %08x\n", off, crc_table(buf + off, sizeof buf - off - 3), crc_slice4(buf + off, sizeof buf - off - 3), adler32(buf + off, 2000));
  return 0;
}
