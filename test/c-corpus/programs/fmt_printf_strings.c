// printf and friends with strings: %s with width/precision, %.*s cutting, %ls, snprintf truncation and
// its return value, sprintf into buffers, vsnprintf sizing, asprintf, fprintf to stderr, puts/fputs.
// SPDX-License-Identifier: MIT
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>
#include <stdarg.h>

static char *fmt_alloc(const char *fmt, ...) {
  va_list ap, ap2;
  va_start(ap, fmt);
  va_copy(ap2, ap);
  int n = vsnprintf(NULL, 0, fmt, ap);
  va_end(ap);
  char *p = malloc((size_t)n + 1);
  vsnprintf(p, (size_t)n + 1, fmt, ap2);
  va_end(ap2);
  return p;
}

int main(void) {
  const char *s = "Hello, PowerPC";
  printf("[%s] [%20s] [%-20s] [%.5s] [%20.5s] [%-20.5s] [%.0s] [%.*s]\n", s, s, s, s, s, s, s, 3, s);
  printf("[%s]\n", "");
  char buf[16];
  for (int size = 0; size <= 16; size += 4) {
    memset(buf, '#', sizeof buf);
    int r = snprintf(buf, (size_t)size, "value=%d,%s", 123456, "abcdef");
    printf("snprintf size %2d -> ret %d buf [%.*s] byte after nul: %d\n", size, r, size ? (int)strlen(buf) : 0, buf, size && size < 16 ? buf[size - 1] : -1);
  }
  char big[200];
  int n = sprintf(big, "%s|%08.3f|%-6d|%c%c%c", "sprintf", 3.14159, -42, 'x', 'y', 'z');
  printf("sprintf wrote %d: %s\n", n, big);
  n = sprintf(big + n, " and %x more", 0xdead);
  printf("appended %d: %s\n", n, big);
  char *p = fmt_alloc("%s-%05d-%.2e-%s", "alloc", 77, 12345.678, s);
  printf("vsnprintf: %s (%zu)\n", p, strlen(p));
  free(p);
  char *q = NULL;
  int qn = asprintf(&q, "asprintf %d %s", 99, "bottles");
  printf("%d [%s]\n", qn, q);
  free(q);
  wchar_t ws[] = L"wide";
  printf("[%ls] [%8ls] [%.2ls] [%lc]\n", ws, ws, ws, (wint_t)L'W');
  puts("puts adds a newline");
  fputs("fputs does not\n", stdout);
  fprintf(stderr, "to stderr: %d %s\n", 5, "errs");
  fflush(stdout);
  putchar('A'); putc('B', stdout); fputc('C', stdout); putchar('\n');
  char longbuf[1200];
  memset(longbuf, 'x', sizeof longbuf - 1); longbuf[sizeof longbuf - 1] = 0;
  int ln = printf("%s\n", longbuf);
  printf("long line printed %d bytes\n", ln);
  printf("%5.1s|%-5.1s|%s\n", "abc", "abc", "(tab)\t(end)");
  dprintf(1, "dprintf straight to fd 1 after flush? ");
  printf("(printed via stdio)\n");
  return 0;
}
