// Reads its standard input line by line with fgets (long lines split across calls), counts lines,
// words and characters like wc, and prints the longest line and a per-letter histogram.
// SPDX-License-Identifier: MIT
#include <stdio.h>
#include <string.h>
#include <ctype.h>

int main(void) {
  char buf[32], longest[256] = "", cur[256] = "";
  long lines = 0, words = 0, chars = 0, hist[26] = {0};
  int inword = 0, pieces = 0;
  while (fgets(buf, sizeof buf, stdin)) {
    pieces++;
    size_t n = strlen(buf);
    chars += (long)n;
    if (strlen(cur) + n < sizeof cur) strcat(cur, buf);
    for (size_t i = 0; i < n; i++) {
      unsigned char c = (unsigned char)buf[i];
      if (isalpha(c)) hist[tolower(c) - 'a']++;
      if (isspace(c)) inword = 0; else if (!inword) { inword = 1; words++; }
    }
    if (n && buf[n - 1] == '\n') {
      lines++;
      if (strlen(cur) > strlen(longest)) strcpy(longest, cur);
      cur[0] = 0;
    }
  }
  printf("lines %ld words %ld chars %ld fgets calls %d\n", lines, words, chars, pieces);
  printf("longest: %s", longest);
  for (int i = 0; i < 26; i++) if (hist[i]) printf("%c:%ld ", 'a' + i, hist[i]);
  printf("\nunterminated last line: [%s]\n", cur);
  return 0;
}
