// Binary output to stdout: fwrite of every byte 0..255 (NUL, invalid UTF-8 and all), then putchar of
// the same bytes in reverse and a block of 0xff/0x00; the output is compared as bytes.
// SPDX-License-Identifier: MIT
#include <stdio.h>

int main(void) {
  unsigned char all[256];
  for (int i = 0; i < 256; i++) all[i] = (unsigned char)i;
  size_t n = fwrite(all, 1, sizeof all, stdout);
  for (int i = 255; i >= 0; i--) putchar(i);
  unsigned char block[1000];
  for (int i = 0; i < 1000; i++) block[i] = (i / 7) % 2 ? 0xff : 0x00;
  fwrite(block, 10, 100, stdout);
  fprintf(stderr, "wrote %zu + 256 + 1000 bytes\n", n);
  return 0;
}
