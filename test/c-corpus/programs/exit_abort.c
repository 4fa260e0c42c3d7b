// Exit path: abort() kills the process with SIGABRT (status 134); what was written to stdout with
// fflush survives, the unflushed tail does not; stderr is unbuffered.
// SPDX-License-Identifier: MIT
#include <stdio.h>
#include <stdlib.h>

int main(void) {
  printf("flushed line\n");
  fflush(stdout);
  fprintf(stderr, "about to abort\n");
  printf("this buffered text is lost");
  abort();
}
