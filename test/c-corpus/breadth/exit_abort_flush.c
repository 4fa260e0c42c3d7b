/* abort() with a SIGABRT handler that returns: the process still dies of SIGABRT; unbuffered stdout shows.
   SPDX-License-Identifier: MIT */
#include <stdio.h>
#include <stdlib.h>
#include <signal.h>
#include <string.h>
#include <unistd.h>

static void on_abrt(int sig) {
  const char *m = "handler saw SIGABRT\n";
  write(1, m, strlen(m));
  (void)sig;
}

int main(void) {
  setvbuf(stdout, NULL, _IONBF, 0);
  signal(SIGABRT, on_abrt);
  printf("before abort\n");
  abort();
  printf("not reached\n");
  return 0;
}
