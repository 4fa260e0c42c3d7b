/* snprintf truncation and return values, asprintf, vsnprintf with va_copy, dprintf, fprintf to stderr,
   ctype classification of all 256 bytes in the C locale, localeconv, nl_langinfo, toupper/tolower.
   SPDX-License-Identifier: MIT */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <stdarg.h>
#include <ctype.h>
#include <locale.h>
#include <langinfo.h>
#include <string.h>

static int both(char *buf, size_t n, const char *fmt, ...) {
  va_list ap, ap2; va_start(ap, fmt); va_copy(ap2, ap);
  int r1 = vsnprintf(buf, n, fmt, ap); int r2 = vsnprintf(NULL, 0, fmt, ap2);
  va_end(ap2); va_end(ap); return r1 == r2 ? r1 : -999;
}

int main(void) {
  char buf[16];
  for (size_t n = 0; n <= 12; n += 3) { memset(buf, '#', sizeof buf); int r = snprintf(buf, n, "%s-%d", "truncate", 12345);
    printf("n=%zu r=%d buf=[%.*s] byte_after=%c\n", n, r, (int)(n ? n - 1 : 0), buf, n < sizeof buf ? buf[n] : '-'); }
  printf("both=%d [%s]\n", both(buf, sizeof buf, "%08.3f|%x", -3.14159, 48879), buf);
  char *s = NULL; int r = asprintf(&s, "%s %d %.2e", "asprintf", -7, 123456.0); printf("asprintf=%d [%s]\n", r, s); free(s);
  dprintf(1, "dprintf goes straight to fd 1\n");
  fflush(stdout);
  fprintf(stderr, "to stderr: %d%%\n", 50);
  printf("setlocale=%s\n", setlocale(LC_ALL, NULL));
  struct lconv *lc = localeconv();
  printf("decimal=[%s] thousands=[%s] grouping_len=%zu currency=[%s]\n", lc->decimal_point, lc->thousands_sep, strlen(lc->grouping), lc->currency_symbol);
  printf("codeset=%s d_fmt=%s t_fmt=%s day1=%s mon1=%s yes=%s\n", nl_langinfo(CODESET), nl_langinfo(D_FMT), nl_langinfo(T_FMT),
         nl_langinfo(DAY_1), nl_langinfo(MON_1), nl_langinfo(YESEXPR));
  const char *cls = "alnum alpha blank cntrl digit graph lower print punct space upper xdigit";
  int (*fns[])(int) = {isalnum, isalpha, isblank, iscntrl, isdigit, isgraph, islower, isprint, ispunct, isspace, isupper, isxdigit};
  printf("%s\n", cls);
  for (int f = 0; f < 12; f++) {
    unsigned long h = 0; int cnt = 0;
    for (int c = -1; c < 256; c++) { int v = fns[f](c) != 0; cnt += v; h = h * 3 + v; }
    printf("%d:%d:%lx ", f, cnt, h);
  }
  printf("\n");
  int up = 0; for (int c = 0; c < 256; c++) up += toupper(c) != c; printf("toupper changes %d, tolower(EOF)=%d\n", up, tolower(EOF));
  printf("isascii=%d toascii=%d\n", isascii(200), toascii(200));
  return 0;
}
