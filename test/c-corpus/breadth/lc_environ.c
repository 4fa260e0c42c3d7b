/* The environment: starts empty under both runners; setenv/getenv/unsetenv/putenv/clearenv and environ.
   SPDX-License-Identifier: MIT */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
extern char **environ;

static void dump(const char *when) {
  int n = 0; for (char **e = environ; e && *e; e++) n++;
  printf("%s: %d vars:", when, n);
  for (char **e = environ; e && *e; e++) printf(" [%s]", *e);
  printf("\n");
}

int main(int argc, char **argv, char **envp) {
  printf("envp==environ %d, envp[0]=%s\n", envp == environ, envp[0] ? "set" : "null");
  dump("start");
  printf("HOME=%s PATH=%s\n", getenv("HOME") ? "set" : "unset", getenv("PATH") ? "set" : "unset");
  setenv("ALPHA", "1", 0); setenv("BETA", "two", 1); setenv("ALPHA", "changed", 0);
  dump("after setenv");
  setenv("ALPHA", "replaced", 1); printf("ALPHA=%s\n", getenv("ALPHA"));
  static char pe[] = "GAMMA=from putenv"; putenv(pe);
  printf("GAMMA=%s\n", getenv("GAMMA"));
  pe[6] = 'F'; printf("GAMMA after edit=%s\n", getenv("GAMMA"));
  unsetenv("BETA"); dump("after unsetenv");
  printf("setenv bad name=%d\n", setenv("A=B", "x", 1));
  printf("secure_getenv=%s\n", secure_getenv("ALPHA") ? secure_getenv("ALPHA") : "(null)");
  clearenv(); dump("after clearenv");
  setenv("LAST", "one", 1); dump("end");
  (void)argc; (void)argv;
  return 0;
}
