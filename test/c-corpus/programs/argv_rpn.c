// A reverse-Polish calculator over its arguments (numbers and + - x / ^ sqrt dup swap), printing the
// stack after each token; an unknown token is an error with exit status 2.
// args: 3 4 + 2 x 10 swap / 2 ^ sqrt 1.5 dup x +
// SPDX-License-Identifier: MIT
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <math.h>

static double st[64];
static int sp;

static void show(const char *tok) {
  printf("%-6s |", tok);
  for (int i = 0; i < sp; i++) printf(" %g", st[i]);
  printf("\n");
}

int main(int argc, char **argv) {
  for (int i = 1; i < argc; i++) {
    const char *t = argv[i];
    char *end;
    double v = strtod(t, &end);
    if (*end == 0 && end != t) st[sp++] = v;
    else if (strlen(t) == 1 && strchr("+-x/^", t[0]) && sp >= 2) {
      double b = st[--sp], a = st[--sp];
      st[sp++] = t[0] == '+' ? a + b : t[0] == '-' ? a - b : t[0] == 'x' ? a * b : t[0] == '/' ? a / b : pow(a, b);
    } else if (!strcmp(t, "sqrt") && sp >= 1) st[sp - 1] = sqrt(st[sp - 1]);
    else if (!strcmp(t, "dup") && sp >= 1) { st[sp] = st[sp - 1]; sp++; }
    else if (!strcmp(t, "swap") && sp >= 2) { double x = st[sp - 1]; st[sp - 1] = st[sp - 2]; st[sp - 2] = x; }
    else { fprintf(stderr, "rpn: bad token '%s'\n", t); return 2; }
    show(t);
  }
  if (sp != 1) { fprintf(stderr, "rpn: %d values left\n", sp); return 1; }
  printf("result %.10g\n", st[0]);
  return 0;
}
