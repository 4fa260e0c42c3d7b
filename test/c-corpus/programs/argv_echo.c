// Program arguments: argc, every argv string with its length, the argv[argc] NULL terminator, and
// numbers parsed from the arguments.
// args: one two 3 -4.5 0x1f "quoted" last_arg
// SPDX-License-Identifier: MIT
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int main(int argc, char **argv) {
  printf("argc = %d\n", argc);
  for (int i = 0; i < argc; i++) printf("argv[%d] = [%s] (len %zu)\n", i, argv[i], strlen(argv[i]));
  printf("argv[argc] is NULL: %d\n", argv[argc] == NULL);
  double sum = 0; int numbers = 0;
  for (int i = 1; i < argc; i++) {
    char *end;
    double v = strtod(argv[i], &end);
    if (*end == 0 && end != argv[i]) { sum += v; numbers++; }
  }
  printf("%d numeric arguments, sum %g\n", numbers, sum);
  return argc;
}
