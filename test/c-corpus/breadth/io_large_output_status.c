// A program that writes a lot and ends with an unusual status: 1.5 MB through printf, fwrite and
// puts with a full buffer, a line-buffered then unbuffered stdout, a big stderr message, and exit(300)
// (the status is 300 & 0xff = 44, as the shell sees it).
// SPDX-License-Identifier: MIT
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int main(void) {
  static char block[65536];
  for (size_t i = 0; i < sizeof block; i++) block[i] = (char)('a' + i % 26);
  block[sizeof block - 1] = '\n';
  unsigned long sum = 0;
  for (int i = 0; i < 10000; i++) {
    int n = printf("%6d %08x %s\n", i, i * 2654435761u, i % 7 ? "seven" : "SEVEN");
    sum += (unsigned)n;
  }
  for (int i = 0; i < 16; i++) sum += fwrite(block, 1, sizeof block, stdout);
  setvbuf(stdout, NULL, _IOLBF, 0);
  for (int i = 0; i < 2000; i++) puts("line-buffered line");
  fflush(stdout);
  setvbuf(stdout, NULL, _IONBF, 0);
  for (int i = 0; i < 300; i++) fputs("unbuffered ", stdout);
  char big[20000];
  memset(big, 'E', sizeof big - 1);
  big[sizeof big - 1] = 0;
  fprintf(stderr, "%s\n", big);
  printf("\nsum %lu\n", sum);
  exit(300);
}
