// GNU extensions strangers' command-line tools lean on: argp option parsing (short, long, optional
// arguments, --help output), err/warn/warnx/error with the program name, obstack growth and
// freeing, argz/envz vectors, program_invocation_short_name.
// args: -v --count=3 -o out.txt --level alpha beta -- --not-an-option
// SPDX-License-Identifier: MIT
#define _GNU_SOURCE
#include <argp.h>
#include <argz.h>
#include <envz.h>
#include <err.h>
#include <errno.h>
#include <error.h>
#include <obstack.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct args {
  int verbose, count;
  const char *output, *level;
  char *rest[8];
  int nrest;
};

static struct argp_option options[] = {
    {"verbose", 'v', 0, 0, "Say more", 0},
    {"count", 'c', "N", 0, "Repeat N times", 0},
    {"output", 'o', "FILE", 0, "Write to FILE", 0},
    {"level", 'l', "LVL", OPTION_ARG_OPTIONAL, "Optional level", 0},
    {0}};

static error_t parse(int key, char *arg, struct argp_state *st) {
  struct args *a = st->input;
  switch (key) {
  case 'v': a->verbose++; break;
  case 'c': a->count = atoi(arg); break;
  case 'o': a->output = arg; break;
  case 'l': a->level = arg ? arg : "(default)"; break;
  case ARGP_KEY_ARG:
    if (a->nrest < 8) a->rest[a->nrest++] = arg;
    break;
  case ARGP_KEY_END: printf("argp end after %d args\n", st->arg_num); break;
  default: return ARGP_ERR_UNKNOWN;
  }
  return 0;
}

static struct argp argp = {options, parse, "ARG...", "A test of argp.", 0, 0, 0};

#define obstack_chunk_alloc malloc
#define obstack_chunk_free free

int main(int argc, char **argv) {
  setvbuf(stdout, NULL, _IONBF, 0); /* stdout and stderr interleave in a fixed order per stream */
  struct args a = {0};
  error_t e = argp_parse(&argp, argc, argv, 0, 0, &a);
  printf("argp %d verbose %d count %d output %s level %s\n", e, a.verbose, a.count, a.output, a.level);
  for (int i = 0; i < a.nrest; i++) printf("  rest[%d] %s\n", i, a.rest[i]);
  printf("short name %s\n", program_invocation_short_name);

  /* An argp run over a second vector that fails: its error goes to stderr, no exit. */
  char *bad[] = {"prog", "--count", NULL};
  struct args b = {0};
  e = argp_parse(&argp, 2, bad, ARGP_NO_EXIT | ARGP_NO_HELP, 0, &b);
  printf("argp missing argument -> %s\n", strerror(e));
  char *help[] = {"prog", "--help", NULL};
  fflush(stdout);
  e = argp_parse(&argp, 2, help, ARGP_NO_EXIT, 0, &b);
  printf("help returned %d\n", e);

  errno = ENOENT;
  warn("warn with errno %d", 7);
  warnx("warnx plain %s", "text");
  error(0, EACCES, "error() without exit, count %d", 1);
  error_at_line(0, 0, "file.c", 42, "at a line");
  printf("error_message_count %u\n", error_message_count);

  struct obstack ob;
  obstack_init(&ob);
  for (int i = 0; i < 1000; i++) obstack_printf(&ob, "%d,", i);
  obstack_1grow(&ob, 0);
  char *s = obstack_finish(&ob);
  printf("obstack string %zu bytes, ends %s\n", strlen(s), s + strlen(s) - 8);
  int *nums = obstack_alloc(&ob, 100 * sizeof(int));
  for (int i = 0; i < 100; i++) nums[i] = i * i;
  char *mark = obstack_alloc(&ob, 1);
  long sum = 0;
  for (int i = 0; i < 100; i++) sum += nums[i];
  printf("obstack ints sum %ld, object size %d\n", sum, obstack_object_size(&ob));
  obstack_free(&ob, mark);
  obstack_free(&ob, NULL);

  char *az = NULL;
  size_t azlen = 0;
  argz_create_sep("one:two::three", ':', &az, &azlen);
  argz_add(&az, &azlen, "four");
  printf("argz count %zu len %zu:", argz_count(az, azlen), azlen);
  for (char *p = az; p; p = argz_next(az, azlen, p)) printf(" [%s]", p);
  printf("\n");
  argz_stringify(az, azlen, '|');
  printf("stringified %s\n", az);
  free(az);
  char *env = NULL;
  size_t envlen = 0;
  envz_add(&env, &envlen, "HOME", "/root");
  envz_add(&env, &envlen, "LANG", "C");
  envz_add(&env, &envlen, "HOME", "/home/x");
  printf("envz HOME=%s LANG=%s missing=%p\n", envz_get(env, envlen, "HOME"), envz_get(env, envlen, "LANG"),
         (void *)envz_get(env, envlen, "NOPE"));
  free(env);
  errno = EPERM;
  err(3, "fatal %s", "exit");
}
