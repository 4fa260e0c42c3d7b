/* Exit statuses are taken modulo 256; return from main after stdio writes to stderr and stdout.
   args: 300
   SPDX-License-Identifier: MIT */
#include <stdio.h>
#include <stdlib.h>

int main(int argc, char **argv) {
  int code = argc > 1 ? atoi(argv[1]) : 0;
  fprintf(stderr, "stderr line before exit\n");
  printf("exiting with %d (status %d)\n", code, code & 255);
  fputs("no newline at end", stdout);
  return code;
}
