/* sscanf: every conversion, widths, %n, %[ ] sets, %*, %i bases, %a, %ms, return counts and EOF.
   SPDX-License-Identifier: MIT */
#include <stdio.h>
#include <stdlib.h>
#include <wchar.h>

int main(void) {
  int a = 0, b = 0, c = 0, n = 0; unsigned u = 0; long l = 0; long long ll = 0; short h = 0; signed char hh = 0;
  double d = 0; float f = 0; long double ld = 0; char s1[32] = "", s2[32] = "", ch = 0; char *ms = 0;
  int r = sscanf("12 -34 0x1f", "%d %d %i", &a, &b, &c);
  printf("r=%d %d %d %d\n", r, a, b, c);
  r = sscanf("0777 0x10 -010 +5", "%i %i %i %i", &a, &b, &c, &n);
  printf("r=%d %d %d %d %d\n", r, a, b, c, n);
  r = sscanf("ff 777 1010", "%x %o %u", &a, &b, &u);
  printf("r=%d %d %d %u\n", r, a, b, u);
  r = sscanf("123456789012 70000 300", "%lld %hd %hhd", &ll, &h, &hh);
  printf("r=%d %lld %d %d\n", r, ll, h, hh);
  r = sscanf("3.25 -1e-3 0x1.8p3 inf", "%lf %f %Lf %lf", &d, &f, &ld, &d);
  printf("r=%d %g %g %Lg\n", r, d, f, ld);
  r = sscanf("nan 1e500 -0", "%lf %f %lf", &d, &f, &d);
  printf("r=%d %g %g\n", r, f, d);
  r = sscanf("hello world", "%5s%s", s1, s2);
  printf("r=%d [%s] [%s]\n", r, s1, s2);
  r = sscanf("key=value;rest", "%[^=]=%[a-z];%n", s1, s2, &n);
  printf("r=%d [%s] [%s] n=%d\n", r, s1, s2, n);
  r = sscanf("abc123def", "%[a-c]%d%[]d-f]", s1, &a, s2);
  printf("r=%d [%s] %d [%s]\n", r, s1, a, s2);
  r = sscanf("  x", "%c", &ch); printf("r=%d [%c]\n", r, ch);
  r = sscanf("  x", " %c", &ch); printf("r=%d [%c]\n", r, ch);
  r = sscanf("1 2 3", "%*d %d %*d%n", &a, &n); printf("r=%d %d n=%d\n", r, a, n);
  r = sscanf("", "%d", &a); printf("empty r=%d\n", r);
  r = sscanf("   ", "%d", &a); printf("blank r=%d\n", r);
  r = sscanf("x1", "%d", &a); printf("mismatch r=%d\n", r);
  r = sscanf("12abc", "%d%n", &a, &n); printf("r=%d %d n=%d\n", r, a, n);
  r = sscanf("100%", "%d%%", &a); printf("r=%d %d\n", r, a);
  r = sscanf("dynamic-string here", "%ms", &ms); printf("r=%d [%s]\n", r, ms); free(ms);
  r = sscanf("2024-03-15T10:20:30", "%4d-%2d-%2dT%d:%d:%d", &a, &b, &c, &n, &n, &n);
  printf("r=%d %d %d %d %d\n", r, a, b, c, n);
  r = sscanf("99999999999999999999", "%ld", &l); printf("r=%d %ld\n", r, l);
  r = sscanf("-1", "%u", &u); printf("r=%d %u\n", r, u);
  wchar_t w[16]; r = sscanf("wide!", "%ls", w); printf("r=%d [%ls]\n", r, w);
  r = sscanf("0x", "%x%n", &a, &n); printf("0x r=%d %d n=%d\n", r, a, n);
  r = sscanf("1e", "%lf%n", &d, &n); printf("1e r=%d %g n=%d\n", r, d, n);
  r = sscanf("  42  ", "%3d", &a); printf("r=%d %d\n", r, a);
  r = sscanf("12345", "%2d%3d", &a, &b); printf("r=%d %d %d\n", r, a, b);
  return 0;
}
