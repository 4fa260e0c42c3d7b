// Benchmark-game style Mandelbrot set: writes a binary PBM image (P4 header, then 1 bit per pixel) of
// size 64x64 to stdout, then the same set as ASCII art on stderr.
// args: 64
// SPDX-License-Identifier: MIT
#include <stdio.h>
#include <stdlib.h>

int main(int argc, char **argv) {
  int w = argc > 1 ? atoi(argv[1]) : 64, h = w;
  printf("P4\n%d %d\n", w, h);
  for (int y = 0; y < h; y++) {
    unsigned char byte = 0; int bit = 0;
    for (int x = 0; x < w; x++) {
      double cr = 2.0 * x / w - 1.5, ci = 2.0 * y / h - 1.0, zr = 0, zi = 0, tr = 0, ti = 0;
      int i;
      for (i = 0; i < 50 && tr + ti <= 4.0; i++) { zi = 2.0 * zr * zi + ci; zr = tr - ti + cr; tr = zr * zr; ti = zi * zi; }
      byte = (unsigned char)(byte << 1 | (tr + ti <= 4.0));
      if (++bit == 8) { putchar(byte); byte = 0; bit = 0; }
      if (y % 4 == 0 && x % 2 == 0) fputc(i >= 50 ? '#' : i > 10 ? '+' : i > 4 ? '.' : ' ', stderr);
    }
    if (bit) putchar(byte << (8 - bit));
    if (y % 4 == 0) fputc('\n', stderr);
  }
  return 0;
}
