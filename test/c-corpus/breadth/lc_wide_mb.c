/* Wide characters in the C locale: mbstowcs/wcstombs/mbrtowc/wcrtomb, wcs* functions, swprintf/swscanf, towupper.
   SPDX-License-Identifier: MIT */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>
#include <wctype.h>
#include <locale.h>
#include <limits.h>

int main(void) {
  printf("setlocale C: %s\n", setlocale(LC_ALL, "C"));
  printf("MB_CUR_MAX=%zu MB_LEN_MAX=%d WCHAR_MAX=%ld\n", (size_t)MB_CUR_MAX, MB_LEN_MAX, (long)WCHAR_MAX);
  wchar_t w[64];
  size_t n = mbstowcs(w, "Hello, wide world!", 64);
  printf("mbstowcs=%zu wcslen=%zu\n", n, wcslen(w));
  char back[64]; n = wcstombs(back, w, sizeof back);
  printf("wcstombs=%zu [%s]\n", n, back);
  n = mbstowcs(NULL, "count me", 0); printf("len only=%zu\n", n);
  /* a byte > 0x7f in the C locale */
  mbstate_t st; memset(&st, 0, sizeof st); wchar_t wc = 0;
  size_t r = mbrtowc(&wc, "\xe9", 1, &st);
  printf("mbrtowc(0xe9)=%zd wc=%#lx\n", (ssize_t)r, (unsigned long)wc);
  char mb[MB_LEN_MAX]; memset(&st, 0, sizeof st);
  r = wcrtomb(mb, L'A', &st); printf("wcrtomb(A)=%zd %c\n", (ssize_t)r, mb[0]);
  r = wcrtomb(mb, 0x263a, &st); printf("wcrtomb(U+263A)=%zd\n", (ssize_t)r);
  printf("mblen=%d %d wctomb=%d\n", mblen("a", 1), mblen("", 1), wctomb(mb, L'z'));
  printf("btowc=%ld wctob=%d\n", (long)btowc('x'), wctob(L'y'));
  wchar_t a[] = L"alpha beta gamma", b[32];
  wcscpy(b, L"alpha"); wcscat(b, L"!");
  printf("wcscmp=%d wcsncmp=%d wcschr=%td wcsrchr=%td wcsstr=%td\n", wcscmp(a, b) > 0, wcsncmp(a, b, 5),
         wcschr(a, L'b') - a, wcsrchr(a, L'a') - a, wcsstr(a, L"gam") - a);
  printf("wcsspn=%zu wcscspn=%zu wcspbrk=%td\n", wcsspn(a, L"ahlp"), wcscspn(a, L" "), wcspbrk(a, L"mt") - a);
  wchar_t *save, *tok = wcstok(a, L" ", &save);
  while (tok) { printf("tok[%ls] ", tok); tok = wcstok(NULL, L" ", &save); }
  printf("\n");
  wchar_t buf[80];
  int k = swprintf(buf, 80, L"%d|%5.2f|%ls|%c|%x", 42, 3.14159, L"ws", 'c', 255);
  printf("swprintf=%d [%ls]\n", k, buf);
  int i1; double d1; wchar_t ws[16];
  k = swscanf(L"17 2.5 word", L"%d %lf %ls", &i1, &d1, ws);
  printf("swscanf=%d %d %g [%ls]\n", k, i1, d1, ws);
  wchar_t *e; long v = wcstol(L"  -0x1F rest", &e, 16); printf("wcstol=%ld rest=[%ls]\n", v, e);
  printf("wcstod=%g\n", wcstod(L"6.25e1", NULL));
  for (wint_t c = L'a'; c <= L'e'; c++) printf("%lc", (wint_t)towupper(c));
  printf(" iswalpha=%d iswdigit=%d iswspace=%d iswupper=%d\n", !!iswalpha(L'q'), !!iswdigit(L'7'), !!iswspace(L'\t'),
         !!iswupper(L'q'));
  printf("wmemcmp=%d wcsncpy=[%ls]\n", wmemcmp(L"abc", L"abd", 3) < 0, wcsncpy(buf, L"truncate", 4) ? L"ok" : L"no");
  printf("wcswidth=%d wcwidth=%d\n", wcswidth(L"abc", 3), wcwidth(L'x'));
  return 0;
}
