/* A wide-oriented stdout: wprintf with every conversion, putwchar, fputws, wide field widths; the C locale
   writes ASCII and fails (EILSEQ) on a character beyond it.
   SPDX-License-Identifier: MIT */
#include <stdio.h>
#include <wchar.h>
#include <errno.h>
#include <locale.h>

int main(void) {
  setlocale(LC_ALL, "C");
  wprintf(L"wide %d %5.2f %ls %s %c %lc %x %o %e|%-6ls|%6ls|\n", 42, 3.14159, L"wstr", "narrow", 'c', L'w', 255, 8, 12345.678, L"ab", L"cd");
  putwchar(L'A'); putwchar(L'\n');
  fputws(L"fputws line\n", stdout);
  wprintf(L"%*d|%-*d|%.*ls|\n", 6, 7, 6, 8, 3, L"truncate");
  wprintf(L"orientation=%d\n", fwide(stdout, 0));
  errno = 0; int r = wprintf(L"[%lc]\n", (wint_t)0x263a);
  int e = errno;
  wprintf(L"\nresult=%d eilseq=%d\n", r, e == EILSEQ);
  return 0;
}
