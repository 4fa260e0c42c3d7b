/* long double (GCC's ppc64le default: IBM double-double): arithmetic, printf %L, strtold, libm l-functions.
   SPDX-License-Identifier: MIT */
#include <stdio.h>
#include <stdlib.h>
#include <math.h>
#include <float.h>

int main(void) {
  printf("LDBL_MANT_DIG=%d LDBL_DIG=%d LDBL_MAX_EXP=%d sizeof=%zu\n", LDBL_MANT_DIG, LDBL_DIG, LDBL_MAX_EXP,
         sizeof(long double));
  long double a = 1.0L / 3.0L, b = 2.0L / 7.0L;
  printf("%.30Lf\n%.30Lf\n", a, b);
  printf("%.25Le %.25Le %.25Le\n", a + b, a * b, a / b);
  printf("%Lg %Lg %.20Lg\n", a - b, -a, sqrtl(2.0L));
  printf("%La %La\n", 1.0L, 0.1L);
  long double big = 1e300L * 10.0L;
  printf("%Le %Lf\n", big, 1e20L + 1.0L);
  long double x = 1.0L + 1e-25L;
  printf("1+1e-25 > 1: %d, diff %Le\n", x > 1.0L, x - 1.0L);
  const char *ins[] = {"3.14159265358979323846264338327950288", "1e-310", "-0.0", "inf", "nan", "0x1.8p1", "1e400"};
  for (int i = 0; i < 7; i++) {
    char *end; long double v = strtold(ins[i], &end);
    printf("strtold(%s)=%.30Lg rest=[%s]\n", ins[i], v, end);
  }
  printf("expl=%.25Lf logl=%.25Lf sinl=%.25Lf\n", expl(1.0L), logl(10.0L), sinl(1.0L));
  printf("powl=%.25Lg fmodl=%.20Lg floorl=%Lf ceill=%Lf\n", powl(2.0L, 100.5L), fmodl(10.5L, 3.0L), floorl(-2.5L), ceill(2.1L));
  long double s = 0;
  for (int i = 1; i <= 1000; i++) s += 1.0L / ((long double)i * i);
  printf("basel partial=%.28Lf\n", s);
  long long ll = (long long)(a * 1e18L);
  printf("ll=%lld (double)a=%.17g\n", ll, (double)a);
  char buf[80];
  snprintf(buf, sizeof buf, "%.32Le", (long double)M_PI + 1e-20L);
  printf("%s\n", buf);
  return 0;
}
