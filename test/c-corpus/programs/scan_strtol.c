// strtol strtoul strtoll strtoull strtod strtof with bases 0 2 8 10 16 36, end pointers, errno
// ERANGE on overflow, negative values for unsigned, leading blanks and signs; atoi atol atof.
// SPDX-License-Identifier: MIT
#include <stdio.h>
#include <stdlib.h>
#include <errno.h>
#include <string.h>

int main(void) {
  const char *ins[] = {"0", "42", "-42", "  +17xyz", "0x1F", "0X1f", "077", "0b101", "zz", "9223372036854775807", "9223372036854775808",
                       "-9223372036854775808", "-9223372036854775809", "18446744073709551615", "18446744073709551616", "-1", "", "   ", "- 5", "0x", "1e5"};
  int bases[] = {0, 10, 16, 8, 2, 36};
  for (unsigned i = 0; i < sizeof ins / sizeof ins[0]; i++) {
    printf("%-24s", ins[i]);
    for (unsigned b = 0; b < sizeof bases / sizeof bases[0]; b++) {
      char *end; errno = 0;
      long v = strtol(ins[i], &end, bases[b]);
      printf(" b%d:%ld/%td%s", bases[b], v, end - ins[i], errno == ERANGE ? "R" : "");
    }
    char *end; errno = 0;
    unsigned long uv = strtoul(ins[i], &end, 0);
    int e1 = errno; errno = 0;
    long long llv = strtoll(ins[i], NULL, 10);
    int e2 = errno; errno = 0;
    unsigned long long ullv = strtoull(ins[i], NULL, 10);
    int e3 = errno;
    printf(" | ul %lu%s ll %lld%s ull %llu%s\n", uv, e1 == ERANGE ? "R" : "", llv, e2 == ERANGE ? "R" : "", ullv, e3 == ERANGE ? "R" : "");
  }
  const char *fins[] = {"3.14", "-0.0", "1e308", "1e309", "-1e309", "1e-320", "1e-400", "0x1p-3", "INF", "-Infinity", "nan", "nan(123)", ".5", "5.", "1.2.3", "  -7.5e+2abc", "0.1e", "123456789012345678901234567890"};
  for (unsigned i = 0; i < sizeof fins / sizeof fins[0]; i++) {
    char *end; errno = 0;
    double d = strtod(fins[i], &end);
    int e = errno; errno = 0;
    float f = strtof(fins[i], NULL);
    int ef = errno;
    printf("strtod %-16s -> %.17g (%a) end %td%s | strtof %.9g%s\n", fins[i], d, d, end - fins[i], e == ERANGE ? " ERANGE" : "", (double)f, ef == ERANGE ? " ERANGE" : "");
  }
  printf("atoi %d %d %d %d atol %ld atoll %lld atof %g %g\n", atoi("123"), atoi("-45abc"), atoi("abc"), atoi("  +9"), atol("-2147483649"), atoll("9999999999"), atof("2.5e3"), atof("x"));
  return 0;
}
