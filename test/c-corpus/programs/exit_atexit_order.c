// Exit path: atexit handlers run in reverse order of registration after exit(3), an on_exit handler
// sees the status, stdout written before and inside handlers is flushed, stderr unbuffered.
// SPDX-License-Identifier: MIT
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>

static void first(void) { printf("atexit: first registered, runs last\n"); }
static void second(void) { printf("atexit: second\n"); fprintf(stderr, "stderr from a handler\n"); }
static void third(void) { printf("atexit: third registered, runs first\n"); }
static void status_handler(int status, void *arg) { printf("on_exit: status %d arg %s\n", status, (const char *)arg); }

static void helper(int depth) {
  if (depth == 3) { printf("calling exit(7) from depth %d\n", depth); exit(7); }
  helper(depth + 1);
}

int main(void) {
  atexit(first);
  atexit(second);
  on_exit(status_handler, "ctx");
  atexit(third);
  printf("main body (buffered, no newline yet)... ");
  fprintf(stderr, "stderr before exit\n");
  helper(0);
  return 0;
}
