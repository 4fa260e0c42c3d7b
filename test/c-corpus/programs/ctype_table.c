// ctype.h in the C locale: every classification function for every byte 0..255 and EOF, toupper and
// tolower, printed as a compact table.
// SPDX-License-Identifier: MIT
#include <stdio.h>
#include <ctype.h>

int main(void) {
  const char *names = "alnum alpha blank cntrl digit graph lower print punct space upper xdigit";
  printf("%s\n", names);
  for (int c = -1; c < 256; c++) {
    int bits = (isalnum(c) != 0) | (isalpha(c) != 0) << 1 | (isblank(c) != 0) << 2 | (iscntrl(c) != 0) << 3 | (isdigit(c) != 0) << 4 |
               (isgraph(c) != 0) << 5 | (islower(c) != 0) << 6 | (isprint(c) != 0) << 7 | (ispunct(c) != 0) << 8 | (isspace(c) != 0) << 9 |
               (isupper(c) != 0) << 10 | (isxdigit(c) != 0) << 11;
    printf("%4d %03x %4d %4d%c", c, bits, toupper(c), tolower(c), (c + 2) % 6 == 0 ? '\n' : ' ');
  }
  printf("\n");
  char s[] = "Mixed CASE text, with 123 Digits!";
  for (char *p = s; *p; p++) *p = (char)(isupper((unsigned char)*p) ? tolower((unsigned char)*p) : toupper((unsigned char)*p));
  printf("%s\n", s);
  printf("isascii %d %d toascii %d\n", isascii(65), isascii(200), toascii(200));
  return 0;
}
