// time.h on fixed values (never the current time): gmtime, strftime with many conversions, timegm
// round trips and normalisation, difftime, asctime, strptime, leap years and the epoch edges. Nothing
// here uses local time (localtime, mktime, ctime): under qemu-user glibc would read the host's
// /etc/localtime.
// SPDX-License-Identifier: MIT
#define _GNU_SOURCE
#include <stdio.h>
#include <time.h>
#include <string.h>

int main(void) {
  time_t ts[] = {0, 1, 86399, 86400, 951782400, 951868800, 1000000000, 1234567890, 1700000000, 2147483647, 2147483648LL, 4102444800LL, -1, -86401, 253402300799LL};
  char buf[256];
  for (unsigned i = 0; i < sizeof ts / sizeof ts[0]; i++) {
    struct tm tm;
    gmtime_r(&ts[i], &tm);
    strftime(buf, sizeof buf, "%Y-%m-%d %H:%M:%S %a %A %b %B %j %U %W %u %w %y %C %e %D %F %T %p %I %G %V %g %%", &tm); // not %s: it is mktime, local time
    printf("%lld: %s yday %d wday %d isdst %d\n", (long long)ts[i], buf, tm.tm_yday, tm.tm_wday, tm.tm_isdst);
    time_t back = timegm(&tm);
    printf("   timegm back %lld, asctime %s", (long long)back, asctime(&tm));
  }
  struct tm t = {0};
  t.tm_year = 2024 - 1900; t.tm_mon = 1; t.tm_mday = 29; t.tm_hour = 12; t.tm_min = 30; t.tm_sec = 15; t.tm_isdst = 0;
  time_t m = timegm(&t);
  printf("timegm 2024-02-29 12:30:15 = %lld wday %d yday %d\n", (long long)m, t.tm_wday, t.tm_yday);
  t.tm_mday += 1; t.tm_hour += 36; t.tm_min -= 90; t.tm_sec = 75;
  m = timegm(&t);
  strftime(buf, sizeof buf, "%c | %x | %X | %Z %z", &t);
  printf("normalized %lld: %s\n", (long long)m, buf);
  time_t fixed = 1600000000;
  struct tm *gt = gmtime(&fixed);
  strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%S%z %Z", gt);
  printf("gmtime (static buffer): %s\n", buf);
  printf("difftime %.1f\n", difftime((time_t)1700000000, (time_t)1600000000));
  for (int y = 1896; y <= 2104; y += 4) {
    struct tm f = {0}; f.tm_year = y - 1900; f.tm_mon = 1; f.tm_mday = 29; f.tm_hour = 12;
    time_t x = timegm(&f);
    struct tm g; gmtime_r(&x, &g);
    if (g.tm_mon != 1) printf("%d is not a leap year (Feb 29 -> %d-%02d)\n", y, g.tm_mon + 1, g.tm_mday);
  }
  memset(&t, 0, sizeof t);
  char *rest = strptime("2023-07-04 09:08:07", "%Y-%m-%d %H:%M:%S", &t);
  printf("strptime rest [%s] %d-%d-%d %d:%d:%d -> %lld\n", rest ? rest : "(null)", t.tm_year + 1900, t.tm_mon + 1, t.tm_mday, t.tm_hour, t.tm_min, t.tm_sec, (long long)timegm(&t));
  return 0;
}
