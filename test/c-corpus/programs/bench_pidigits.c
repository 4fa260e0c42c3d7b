// Digits of pi with a spigot algorithm (Rabinowitz-Wagon) on 32-bit integers: 200 digits in lines of
// 10 with a running count, the pidigits output format.
// args: 200
// SPDX-License-Identifier: MIT
#include <stdio.h>
#include <stdlib.h>

int main(int argc, char **argv) {
  int digits = argc > 1 ? atoi(argv[1]) : 300;
  int len = digits * 10 / 3 + 2;
  int *a = malloc(sizeof(int) * (size_t)len);
  for (int i = 0; i < len; i++) a[i] = 2;
  int nines = 0, predigit = 0, printed = 0, first = 1;
  char out[16]; int outn = 0;
#define EMIT(d) do { if (first) { first = 0; } else { out[outn++] = (char)('0' + (d)); printed++; if (outn == 10) { out[10] = 0; printf("%s\t:%d\n", out, printed); outn = 0; } } } while (0)
  for (int j = 0; j <= digits; j++) {
    int q = 0;
    for (int i = len; i > 0; i--) {
      int x = 10 * a[i - 1] + q * i;
      a[i - 1] = x % (2 * i - 1);
      q = x / (2 * i - 1);
    }
    a[0] = q % 10; q /= 10;
    if (q == 9) nines++;
    else if (q == 10) { EMIT(predigit + 1); for (int k = 0; k < nines; k++) EMIT(0); predigit = 0; nines = 0; }
    else { EMIT(predigit); predigit = q; for (int k = 0; k < nines; k++) EMIT(9); nines = 0; }
  }
  if (outn) { out[outn] = 0; printf("%-10s\t:%d\n", out, printed); }
  free(a);
  return 0;
}
