// stdout buffering (full, line, none, set with setvbuf and setbuf) interleaved with unbuffered stderr
// and raw write(2); stdout and stderr are compared separately, so only each stream's own order counts.
// SPDX-License-Identifier: MIT
#include <stdio.h>
#include <unistd.h>
#include <string.h>

static char mybuf[64];

int main(void) {
  printf("1 default buffering (a pipe: fully buffered)\n");
  fprintf(stderr, "e1 stderr is unbuffered\n");
  write(1, "2 raw write(1) overtakes buffered stdio\n", 40);
  write(2, "e2 raw write(2)\n", 16);
  fflush(stdout);
  setvbuf(stdout, NULL, _IONBF, 0);
  printf("3 unbuffered ");
  write(1, "4 raw\n", 6);
  printf("5 still unbuffered\n");
  setvbuf(stdout, mybuf, _IOFBF, sizeof mybuf);
  for (int i = 0; i < 10; i++) printf("6.%d fills a 64-byte buffer; ", i);
  write(1, "\n7 raw in the middle\n", 21);
  fflush(stdout);
  setvbuf(stdout, NULL, _IOLBF, 0);
  printf("8 line buffered, no newline... ");
  write(1, "9 raw\n", 6);
  printf("10 newline flushes\n");
  fputs("e3 fputs to stderr\n", stderr);
  setbuf(stderr, NULL);
  fprintf(stderr, "e4 %s\n", "after setbuf");
  printf("11 end");
  return 0;
}
