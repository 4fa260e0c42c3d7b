// sscanf: integers in every base and width, floats (incl. inf/nan/hex), strings, %c, scansets %[...]
// and %[^...], %n, assignment suppression %*d, the return value on partial matches and EOF.
// SPDX-License-Identifier: MIT
#include <stdio.h>
#include <string.h>

int main(void) {
  int a, b, c, n; unsigned u; long l; long long ll; short h; char ch;
  int r = sscanf("12 -34 0x1f", "%d %i %i", &a, &b, &c);
  printf("r=%d %d %d %d\n", r, a, b, c);
  r = sscanf("0777 0x10 010 -0", "%i %i %o %i", &a, &b, &c, &n);
  printf("r=%d %d %d %d %d\n", r, a, b, c, n);
  r = sscanf("ff FF 1010", "%x %X %u", &a, &u, &c);
  printf("r=%d %d %u %d\n", r, a, u, c);
  r = sscanf("123456789", "%3d%2d%d", &a, &b, &c);
  printf("widths r=%d %d %d %d\n", r, a, b, c);
  r = sscanf("-9223372036854775808 4294967295 70000", "%lld %ld %hd", &ll, &l, &h);
  printf("r=%d %lld %ld %hd\n", r, ll, l, h);
  double d1, d2, d3, d4, d5; float f;
  r = sscanf("3.25 -1e-3 inf nan 0x1.8p1 2.5e", "%lf %lf %lf %lf %lf %f", &d1, &d2, &d3, &d4, &d5, &f);
  printf("floats r=%d %g %g %g %g %g %g\n", r, d1, d2, d3, d4, d5, (double)f);
  r = sscanf("1e400 1e-400", "%lf %lf", &d1, &d2);
  printf("range r=%d %g %g\n", r, d1, d2);
  char s1[32], s2[32], s3[32];
  r = sscanf("  hello   world!  ", "%s %s", s1, s2);
  printf("r=%d [%s] [%s]\n", r, s1, s2);
  r = sscanf("key=value;rest", "%[^=]=%[^;];%s", s1, s2, s3);
  printf("r=%d [%s] [%s] [%s]\n", r, s1, s2, s3);
  r = sscanf("abc123def", "%[a-z]%[0-9]%n", s1, s2, &n);
  printf("r=%d [%s] [%s] n=%d\n", r, s1, s2, n);
  r = sscanf("]]]x", "%[]]%c", s1, &ch);
  printf("r=%d [%s] %c\n", r, s1, ch);
  r = sscanf("10 20 30", "%*d %d %n%d", &a, &n, &b);
  printf("suppress r=%d %d n=%d %d\n", r, a, n, b);
  r = sscanf("abc", "%d", &a);
  printf("nomatch r=%d\n", r);
  r = sscanf("", "%d", &a);
  printf("empty r=%d\n", r);
  r = sscanf("   ", "%d", &a);
  printf("spaces r=%d\n", r);
  r = sscanf("42abc", "%d%c%5c", &a, &ch, s1);
  s1[5] = 0;
  printf("r=%d %d %c [%.3s]\n", r, a, ch, s1);
  r = sscanf("2024-03-15 07:08:09", "%4d-%2d-%2d %d:%d:%d", &a, &b, &c, &n, (int *)&u, (int *)&l);
  printf("date r=%d %d %d %d %d\n", r, a, b, c, n);
  r = sscanf("x:  y", "x: %c", &ch);
  printf("space skip %d %c\n", r, ch);
  r = sscanf("100%", "%d%%", &a);
  printf("percent r=%d %d\n", r, a);
  char word[8];
  r = sscanf("truncated_long_word", "%7s", word);
  printf("r=%d [%s]\n", r, word);
  return 0;
}
