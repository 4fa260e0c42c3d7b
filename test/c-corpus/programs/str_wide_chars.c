// Wide characters in the C locale: wcslen wcscpy wcscat wcscmp wcschr wcsstr wcstol wcstod, swprintf
// and wprintf-free formatting via %ls, towupper/iswalpha on ASCII, mbstowcs/wcstombs/mbrtowc on ASCII
// text, and MB_CUR_MAX.
// SPDX-License-Identifier: MIT
#include <stdio.h>
#include <stdlib.h>
#include <wchar.h>
#include <wctype.h>
#include <string.h>

int main(void) {
  wchar_t a[64] = L"Hello", b[] = L", wide world";
  wcscat(a, b);
  printf("[%ls] len %zu sizeof(wchar_t) %zu\n", a, wcslen(a), sizeof(wchar_t));
  wchar_t c[64];
  wcscpy(c, a);
  c[0] = L'J';
  printf("wcscmp %d %d, wcschr %td, wcsstr %td, wcsncmp %d\n", wcscmp(a, c) > 0, wcscmp(a, a), wcschr(a, L'w') - a, wcsstr(a, L"world") - a, wcsncmp(a, c, 0));
  wchar_t *end;
  long v = wcstol(L"  -12345xyz", &end, 10);
  double d = wcstod(L"2.5e3 rest", NULL);
  printf("wcstol %ld rest [%ls] wcstod %g\n", v, end, d);
  wchar_t f[64];
  int n = swprintf(f, 64, L"%d-%ls-%.2f", 42, L"wide", 3.14159);
  printf("swprintf %d [%ls]\n", n, f);
  n = swprintf(f, 5, L"%s", "too long for five");
  printf("swprintf overflow returns %d\n", n);
  for (wchar_t *p = a; *p; p++) *p = (wchar_t)towupper((wint_t)*p);
  printf("upper [%ls] alpha %d %d space %d digit %d\n", a, iswalpha(L'q') != 0, iswalpha(L'3') != 0, iswspace(L' ') != 0, iswdigit(L'7') != 0);
  printf("MB_CUR_MAX %zu\n", (size_t)MB_CUR_MAX);
  wchar_t w[32];
  size_t k = mbstowcs(w, "multibyte ascii", 32);
  char back[32];
  size_t m = wcstombs(back, w, sizeof back);
  printf("mbstowcs %zu wcstombs %zu [%s]\n", k, m, back);
  mbstate_t st; memset(&st, 0, sizeof st);
  wchar_t one;
  size_t r = mbrtowc(&one, "Z", 1, &st);
  printf("mbrtowc %zu -> %d, mblen %d, btowc %d wctob %d\n", r, (int)one, mblen("a", 1), (int)btowc('b'), wctob(L'c'));
  size_t bad = mbstowcs(w, "\xff\xfe", 32);
  printf("non-ASCII byte in C locale: %s\n", bad == (size_t)-1 ? "error" : "accepted");
  return 0;
}
