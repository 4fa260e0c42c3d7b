// errno, strerror and perror (to stderr) for failing library calls: fopen of missing files, strtol
// range errors, math domain errors, a write to a closed descriptor, and the messages of errno 0..40.
// SPDX-License-Identifier: MIT
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include <math.h>
#include <unistd.h>
#include <fcntl.h>

int main(void) {
  errno = 0;
  FILE *f = fopen("no/such/dir/file.txt", "r");
  printf("fopen missing: %s errno %d (%s)\n", f ? "opened" : "NULL", errno, strerror(errno));
  perror("fopen");
  errno = 0;
  long v = strtol("99999999999999999999", NULL, 10);
  printf("strtol overflow %ld errno %s\n", v, errno == ERANGE ? "ERANGE" : "other");
  errno = 0;
  double d = log(-1.0);
  printf("log(-1) %f errno %s\n", d, errno == EDOM ? "EDOM" : "other");
  errno = 0;
  d = exp(1e6);
  printf("exp(1e6) %f errno %s\n", d, errno == ERANGE ? "ERANGE" : "other");
  errno = 0;
  ssize_t w = write(57, "x", 1);
  printf("write to fd 57: %zd errno %d %s\n", w, errno, strerror(errno));
  errno = 0;
  int fd = open("missing-file", O_RDONLY);
  printf("open: %d %s\n", fd, strerror(errno));
  errno = EACCES;
  perror("explicit EACCES");
  perror(NULL);
  errno = 0;
  perror("no error");
  for (int e = 0; e <= 40; e++) printf("%d: %s\n", e, strerror(e));
  printf("unknown: %s\n", strerror(12345));
  char buf[64];
  int r = strerror_r(ENOENT, buf, sizeof buf) == 0 ? 0 : -1;
  (void)r;
  fprintf(stderr, "done with errors\n");
  return 0;
}
