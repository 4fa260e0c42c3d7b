/* atexit and on_exit run in reverse order of registration, with the exit status; stdio is flushed after them.
   SPDX-License-Identifier: MIT */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>

static void a1(void) { printf("atexit 1\n"); }
static void a2(void) { printf("atexit 2\n"); fflush(stdout); }
static void oe(int status, void *arg) { printf("on_exit status=%d arg=%s\n", status, (const char *)arg); }
static void late(void) { printf("registered from a handler\n"); }
static void registers(void) { printf("handler registering another\n"); atexit(late); }

int main(void) {
  atexit(a1);
  on_exit(oe, "first");
  atexit(registers);
  atexit(a2);
  on_exit(oe, "second");
  printf("main done, buffered (no newline flush yet)...");
  exit(77);
}
