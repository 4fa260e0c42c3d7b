/* regex.h: POSIX basic and extended regular expressions, submatches, REG_ICASE/REG_NEWLINE/REG_NOSUB,
   REG_NOTBOL, regerror messages for bad patterns, a global-match loop.
   SPDX-License-Identifier: MIT */
#include <stdio.h>
#include <string.h>
#include <regex.h>

static void try(const char *pat, int cflags, const char *subject) {
  regex_t re; char err[128];
  int rc = regcomp(&re, pat, cflags);
  if (rc) { regerror(rc, &re, err, sizeof err); printf("regcomp(%s) error %d: %s\n", pat, rc, err); return; }
  regmatch_t m[10];
  rc = regexec(&re, subject, 10, m, 0);
  printf("/%s/ on \"%s\": %s nsub=%zu", pat, subject, rc == 0 ? "match" : "no match", re.re_nsub);
  if (rc == 0 && !(cflags & REG_NOSUB))
    for (size_t i = 0; i <= re.re_nsub && i < 10; i++)
      if (m[i].rm_so >= 0) printf(" [%zu]=%.*s@%d", i, (int)(m[i].rm_eo - m[i].rm_so), subject + m[i].rm_so, (int)m[i].rm_so);
  printf("\n");
  regfree(&re);
}

int main(void) {
  try("^([a-z]+)@([a-z]+)\\.(com|org)$", REG_EXTENDED, "alice@example.org");
  try("([0-9]{3})-([0-9]{4})", REG_EXTENDED, "call 555-1234 now");
  try("\\(ab\\)*c", 0, "xxababcyy");
  try("a.c", 0, "a\nc");
  try("colou?r", REG_EXTENDED | REG_ICASE, "COLOR and Colour");
  try("^line2", REG_EXTENDED | REG_NEWLINE, "line1\nline2\n");
  try("^line2", REG_EXTENDED, "line1\nline2\n");
  try("[[:digit:]]+[[:space:]]*[[:alpha:]]+", REG_EXTENDED, "  42   apples");
  try("(a|ab)(c|bcd)(d*)", REG_EXTENDED, "abcd");
  try("x*", REG_EXTENDED | REG_NOSUB, "yyy");
  try("[[:upper:]][^[:upper:]]*", REG_EXTENDED, "camelCaseWords");
  try("\\<the\\>", 0, "other the end");
  try("(", REG_EXTENDED, "x");
  try("a{2,1}", REG_EXTENDED, "aa");
  try("[z-a]", REG_EXTENDED, "q");
  try("\\", 0, "x");
  regex_t re; regcomp(&re, "[0-9]+", REG_EXTENDED);
  const char *s = "a1 b22 c333 d4444"; regmatch_t m;
  int eflags = 0, count = 0;
  while (regexec(&re, s, 1, &m, eflags) == 0) {
    printf("num %.*s ", (int)(m.rm_eo - m.rm_so), s + m.rm_so); s += m.rm_eo; eflags = REG_NOTBOL; count++;
  }
  printf("(%d)\n", count);
  regfree(&re);
  return 0;
}
