// Reads all of standard input with fread in odd-sized chunks and with getchar, computing a CRC-32 and
// byte statistics; also checks that feof is set and a further read returns 0.
// SPDX-License-Identifier: MIT
#include <stdio.h>
#include <stdint.h>

static uint32_t crc_table[256];
static void crc_init(void) {
  for (uint32_t i = 0; i < 256; i++) { uint32_t c = i; for (int k = 0; k < 8; k++) c = c & 1 ? 0xedb88320u ^ (c >> 1) : c >> 1; crc_table[i] = c; }
}

int main(void) {
  crc_init();
  unsigned char buf[37];
  size_t n, total = 0; uint32_t crc = 0xffffffffu; unsigned counts[256] = {0}; int chunks = 0;
  int first = getchar();
  if (first != EOF) { crc = crc_table[(crc ^ (unsigned)first) & 0xff] ^ (crc >> 8); counts[first]++; total++; }
  while ((n = fread(buf, 1, sizeof buf, stdin)) > 0) {
    chunks++;
    for (size_t i = 0; i < n; i++) { crc = crc_table[(crc ^ buf[i]) & 0xff] ^ (crc >> 8); counts[buf[i]]++; }
    total += n;
  }
  printf("bytes %zu chunks %d crc32 %08x feof %d again %zu\n", total, chunks, crc ^ 0xffffffffu, feof(stdin) != 0, fread(buf, 1, 1, stdin));
  int distinct = 0, maxc = 0;
  for (int i = 0; i < 256; i++) { if (counts[i]) distinct++; if (counts[i] > counts[maxc]) maxc = i; }
  printf("distinct %d most common 0x%02x x%u first 0x%02x\n", distinct, maxc, counts[maxc], first);
  return 0;
}
