/* An interactive calculator on stdin: prompts, fgets lines, sscanf operands, getline for a long line,
   getchar/ungetc for a peeked token, and a clean EOF. The prompt goes to stdout before each read.
   SPDX-License-Identifier: MIT */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <ctype.h>

int main(void) {
  char line[256]; double acc = 0; int n = 0;
  printf("calc> "); fflush(stdout);
  while (fgets(line, sizeof line, stdin)) {
    line[strcspn(line, "\n")] = 0;
    if (strcmp(line, "long") == 0) break;
    char op; double v;
    if (sscanf(line, " %c %lf", &op, &v) == 2) {
      switch (op) {
      case '+': acc += v; break; case '-': acc -= v; break; case '*': acc *= v; break;
      case '/': if (v == 0) { printf("division by zero\n"); break; } acc /= v; break;
      default: printf("bad op '%c'\n", op);
      }
      printf("= %.6g\n", acc);
    } else if (line[0]) printf("cannot parse [%s]\n", line);
    n++; printf("calc> "); fflush(stdout);
  }
  printf("\nafter %d lines acc=%g\n", n, acc);
  char *big = NULL; size_t cap = 0; ssize_t len = getline(&big, &cap, stdin);
  printf("getline len=%zd first=%c last=%c\n", len, big[0], big[len - 2]);
  int c, words = 0, digits = 0;
  while ((c = getchar()) != EOF) {
    if (isdigit(c)) { ungetc(c, stdin); int x; scanf("%d", &x); digits += x; }
    else if (isalpha(c)) { words++; while ((c = getchar()) != EOF && isalpha(c)); if (c != EOF) ungetc(c, stdin); }
  }
  printf("words=%d digitsum=%d eof=%d\n", words, digits, feof(stdin) != 0);
  free(big);
  return 0;
}
