/* strtod/strtof/strtol/strtoul/strtoull/strtoimax edge cases: bases, overflow with ERANGE, endptr, hex floats.
   SPDX-License-Identifier: MIT */
#include <stdio.h>
#include <stdlib.h>
#include <errno.h>
#include <inttypes.h>
#include <string.h>

static void d(const char *s) {
  char *end; errno = 0; double v = strtod(s, &end);
  printf("strtod(\"%s\") = %.17g %a errno=%d used=%td\n", s, v, v, errno, end - s);
}
static void fl(const char *s) {
  char *end; errno = 0; float v = strtof(s, &end);
  printf("strtof(\"%s\") = %.9g errno=%d used=%td\n", s, v, errno, end - s);
}
static void l(const char *s, int base) {
  char *end; errno = 0; long v = strtol(s, &end, base);
  printf("strtol(\"%s\",%d) = %ld errno=%d used=%td\n", s, base, v, errno, end - s);
}
static void ul(const char *s, int base) {
  char *end; errno = 0; unsigned long v = strtoul(s, &end, base);
  printf("strtoul(\"%s\",%d) = %lu errno=%d used=%td\n", s, base, v, errno, end - s);
}
static void ull(const char *s, int base) {
  char *end; errno = 0; unsigned long long v = strtoull(s, &end, base);
  printf("strtoull(\"%s\",%d) = %llu errno=%d used=%td\n", s, base, v, errno, end - s);
}

int main(void) {
  const char *ds[] = {"0", "-0", "1e308", "1e309", "-1e309", "1e-320", "1e-400", "2.2250738585072011e-308",
    "0x1p-1074", "0x1.fffffffffffffp1023", "0X1P+4", "0x.8", "  +3.5e+2xyz", "inf", "-Infinity", "INFINITYx",
    "nan", "NAN(123)", "nan(", ".5", "5.", ".", "e5", "1e", "1e+", "0x", "9007199254740993",
    "179769313486231580793728971405301e276", "4.9406564584124654e-324", "2.4703282292062328e-324",
    "2.4703282292062327e-324", "0.1000000000000000055511151231257827021181583404541015625", "1,5"};
  for (unsigned i = 0; i < sizeof ds / sizeof *ds; i++) d(ds[i]);
  fl("3.4028235e38"); fl("3.4028236e38"); fl("1e-46"); fl("1.17549435e-38"); fl("0x1.fffffep127"); fl("16777217");
  l("2147483648", 10); l("9223372036854775807", 10); l("9223372036854775808", 10); l("-9223372036854775809", 10);
  l("  -0x7f", 0); l("0777", 0); l("089", 0); l("z", 36); l("ZZzz", 36); l("12", 1); l("12", 37); l("", 10);
  l("-", 10); l("+0x", 16); l("0x", 0); l("101012", 2); l("  \t\n42", 10);
  ul("-1", 10); ul("18446744073709551615", 10); ul("18446744073709551616", 10); ul("-18446744073709551615", 10);
  ull("0xffffffffffffffff", 16); ull("0x1ffffffffffffffff", 0); ull("-0", 10); ull("1777777777777777777777", 8);
  errno = 0; intmax_t im = strtoimax("-9223372036854775808", 0, 10);
  printf("strtoimax %" PRIdMAX " errno=%d\n", im, errno);
  errno = 0; uintmax_t um = strtoumax("18446744073709551615", 0, 10);
  printf("strtoumax %" PRIuMAX " errno=%d\n", um, errno);
  printf("atoi %d %d %d atol %ld atof %g\n", atoi("  -12abc"), atoi("abc"), atoi("2147483647"), atol("-99"), atof("1.5e2"));
  char *end; errno = 0; long double ld = strtold("1e5000", &end);
  printf("strtold overflow %Lg errno=%d\n", ld, errno);
  return 0;
}
