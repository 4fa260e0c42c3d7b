/* printf: every conversion, flag, length modifier and * width/precision, %n, %m, %ls/%lc, %a.
   SPDX-License-Identifier: MIT */
#include <stdio.h>
#include <stdint.h>
#include <stddef.h>
#include <errno.h>
#include <wchar.h>
#include <limits.h>
#include <float.h>
#include <math.h>

int main(void) {
  int n1 = 0, n2 = 0;
  signed char hhn = 0; short hn = 0; long ln = 0; long long lln = 0; size_t zn = 0;
  printf("[%d] [%i] [%u] [%o] [%x] [%X] [%c] [%s] [%%]\n", -42, 42, 42u, 42u, 0xbeefu, 0xbeefu, 'q', "str");
  printf("[%+d] [% d] [%-6d] [%06d] [%+06d] [%-+6d] [% 06d]\n", 5, 5, 5, -5, 5, 5, 5);
  printf("[%#o] [%#x] [%#X] [%#o] [%#x] [%#.0o]\n", 8u, 255u, 255u, 0u, 0u, 0u);
  printf("[%.0d] [%.3d] [%8.3d] [%-8.3d|] [%.0x]\n", 0, 7, -7, 7, 0u);
  printf("[%*d] [%-*d] [%*d] [%.*d] [%*.*d]\n", 6, 1, 6, 2, -6, 3, 4, 4, 8, 3, 5);
  printf("[%.*s] [%*s] [%-*s|] [%.0s] [%.10s]\n", 3, "abcdef", 5, "ab", 5, "ab", "zz", "short");
  printf("[%hhd] [%hhu] [%hd] [%hu] [%ld] [%lu] [%lld] [%llu]\n", (signed char)200, (unsigned char)300, (short)70000,
         (unsigned short)70000, LONG_MIN, ULONG_MAX, LLONG_MIN, ULLONG_MAX);
  printf("[%jd] [%ju] [%zd] [%zu] [%td] [%tx] [%zx]\n", INTMAX_MIN, UINTMAX_MAX, (ssize_t)-1, (size_t)-1, (ptrdiff_t)-9,
         (ptrdiff_t)255, (size_t)4096);
  printf("[%e] [%E] [%.3e] [%10.2e] [%-12.1e|] [%+e] [%#.0e]\n", 12345.678, 0.000123, 1.0/3, -5.5, 9.96, 0.0, 3.0);
  printf("[%f] [%F] [%.0f] [%.1f] [%#.0f] [%10.4f] [%-10.2f|] [%+.2f] [% .3f]\n", 3.14159, -2.5, 2.5, 0.05, 7.0,
         M_PI, -1.0/3, 1e-10, 42.0);
  printf("[%g] [%G] [%g] [%g] [%g] [%#g] [%.10g] [%.0g] [%g]\n", 100000.0, 1e-5, 1e6, 123456789.0, 0.0001,
         1.5, 1.0/7, 0.5, 1e-300);
  printf("[%a] [%A] [%.2a] [%a] [%a] [%a] [%.0a] [%#a]\n", 1.0, -0.1, 1.0/3, 0.0, DBL_MIN, DBL_MAX, 1.5, 2.0);
  printf("[%a] [%a] [%.1a]\n", DBL_MIN / 4, 5e-324, 0x1.ffp0);
  printf("[%f] [%e] [%g] [%a] [%F] [%E] [%G] [%A]\n", INFINITY, -INFINITY, NAN, INFINITY, INFINITY, -NAN, NAN, -INFINITY);
  printf("[%5.1f] [%-8f|] [%08.2f] [%+08.2f] [%08f]\n", NAN, INFINITY, -INFINITY, 1.5, -NAN);
  printf("[%c%c%c] [%5c] [%-3c|]\n", 'a', 0x41, '0' + 9, 'x', 'y');
  printf("abc%ndefgh%n|\n", &n1, &n2);
  printf("%hhn%hn%ln%lln%zn.\n", &hhn, &hn, &ln, &lln, &zn);
  printf("n1=%d n2=%d hhn=%d hn=%d ln=%ld lln=%lld zn=%zu\n", n1, n2, hhn, hn, ln, lln, zn);
  wchar_t ws[] = L"wide";
  printf("[%ls] [%5ls] [%-6ls|] [%.2ls] [%lc]\n", ws, ws, ws, ws, (wint_t)L'W');
  errno = ENOENT; printf("[%m]\n");
  errno = EINVAL; printf("[%m]\n");
  printf("[%1$d %2$s %1$d %3$*4$d]\n", 7, "pos", 9, 4);
  printf("[%p]\n", (void *)0);
  printf("[%s]\n", (char *)0);
  printf("[%.3s]\n", (char *)0);
  printf("[%5%] [%-5%]\n");
  int r = printf("%s\n", "");
  printf("ret=%d\n", r);
  r = printf("%0*d|%-*.*f|\n", 12, -123, 10, 3, 2.0005);
  printf("ret=%d\n", r);
  return 0;
}
