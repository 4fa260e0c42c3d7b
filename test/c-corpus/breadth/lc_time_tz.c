/* time.h on fixed instants: gmtime/timegm, mktime/localtime under POSIX TZ strings (no zoneinfo files),
   strftime conversions, strptime, difftime, asctime.
   SPDX-License-Identifier: MIT */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static void show(const char *label, const struct tm *t) {
  char buf[256];
  strftime(buf, sizeof buf, "%Y-%m-%d %H:%M:%S %a %A %b %B %j %U %W %V %G %g %u %w %y %C %e %D %F %T %R %p %I %h %n%t%%", t);
  printf("%s: %s dst=%d yday=%d\n", label, buf, t->tm_isdst, t->tm_yday);
}

int main(void) {
  time_t instants[] = {0, 951782400 /* 2000-02-29 */, 1234567890, 2147483647, 2147483648LL, -1, -86400 * 365LL,
                       1700000000, 4102444800LL};
  for (unsigned i = 0; i < sizeof instants / sizeof *instants; i++) {
    struct tm t; gmtime_r(&instants[i], &t);
    char lbl[32]; snprintf(lbl, sizeof lbl, "gm %lld", (long long)instants[i]);
    show(lbl, &t);
    printf("  timegm back=%lld\n", (long long)timegm(&t));
  }
  const char *zones[] = {"UTC0", "EST5EDT,M3.2.0,M11.1.0", "CET-1CEST,M3.5.0,M10.5.0/3", "<+0530>-5:30", "NZST-12NZDT,M9.5.0,M4.1.0/3"};
  for (unsigned z = 0; z < 5; z++) {
    setenv("TZ", zones[z], 1); tzset();
    printf("TZ=%s tzname=%s/%s timezone=%ld daylight=%d\n", zones[z], tzname[0], tzname[1], timezone, daylight);
    time_t ts[] = {1700000000, 1690000000, 1711846800, 1711850400};
    for (int i = 0; i < 4; i++) {
      struct tm t; localtime_r(&ts[i], &t);
      char buf[128]; strftime(buf, sizeof buf, "%Y-%m-%d %H:%M:%S %Z %z", &t);
      printf("  %lld -> %s gmtoff=%ld", (long long)ts[i], buf, t.tm_gmtoff);
      t.tm_isdst = -1; printf(" mktime=%lld\n", (long long)mktime(&t));
    }
    struct tm norm = {.tm_year = 123, .tm_mon = 13, .tm_mday = 35, .tm_hour = 25, .tm_min = 61, .tm_sec = 61, .tm_isdst = -1};
    time_t m = mktime(&norm);
    char buf[128]; strftime(buf, sizeof buf, "%c", &norm);
    printf("  normalised %lld %s wday=%d\n", (long long)m, buf, norm.tm_wday);
  }
  struct tm p; memset(&p, 0, sizeof p);
  char *rest = strptime("2021-07-04 13:45:09 extra", "%Y-%m-%d %H:%M:%S", &p);
  printf("strptime rest=[%s] %d %d %d %d %d %d wday=%d yday=%d\n", rest, p.tm_year, p.tm_mon, p.tm_mday, p.tm_hour,
         p.tm_min, p.tm_sec, p.tm_wday, p.tm_yday);
  memset(&p, 0, sizeof p);
  rest = strptime("Tue, 03 Mar 1998", "%a, %d %b %Y", &p);
  printf("strptime2 %s %d %d %d\n", rest ? "ok" : "fail", p.tm_year, p.tm_mon, p.tm_mday);
  printf("difftime=%.1f\n", difftime(1700000000, 1600000000));
  struct tm g; time_t t0 = 1234567890; gmtime_r(&t0, &g);
  printf("asctime=%s", asctime(&g));
  char small[4]; size_t n = strftime(small, sizeof small, "%Y-%m", &g);
  printf("strftime too small=%zu\n", n);
  return 0;
}
