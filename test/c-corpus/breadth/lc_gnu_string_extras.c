// The string and number helpers of glibc that portable-ish code still calls: strfmon in the C locale,
// ecvt/fcvt/gcvt and their _r and long double forms, a64l/l64a, strverscmp, memmem, memrchr, rawmemchr,
// strcasestr, strsep, strchrnul, stpncpy, mempcpy, swab, ffsl/ffsll, getsubopt, strsignal and
// sigabbrev_np, strerrorname_np and strerrordesc_np, basename vs __xpg_basename, versionsort order.
// SPDX-License-Identifier: MIT
#define _GNU_SOURCE
#include <errno.h>
#include <libgen.h>
#include <monetary.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

static int cmpver(const void *a, const void *b) { return strverscmp(*(char *const *)a, *(char *const *)b); }

int main(void) {
  char buf[128];
  double amounts[] = {0, 1234.5, -98765.4321, 1e9};
  for (unsigned i = 0; i < 4; i++) {
    ssize_t n = strfmon(buf, sizeof buf, "[%n] [%i] [%=*#10.2n] [%-14#5.0n]", amounts[i], amounts[i], amounts[i],
                        amounts[i]);
    printf("strfmon %zd %s\n", n, buf);
  }
  int dec, sign;
  printf("ecvt %s dec %d sign %d\n", ecvt(3.14159265, 5, &dec, &sign), dec, sign);
  printf("fcvt %s dec %d sign %d\n", fcvt(-1234.5678, 2, &dec, &sign), dec, sign);
  printf("ecvt small %s dec %d\n", ecvt(0.000123456, 3, &dec, &sign), dec);
  printf("gcvt %s | %s | %s\n", gcvt(123456789.0, 5, buf), gcvt(0.0001, 3, buf + 40), gcvt(-2.5, 10, buf + 80));
  char r[64];
  ecvt_r(2.0 / 3.0, 10, &dec, &sign, r, sizeof r);
  printf("ecvt_r %s %d\n", r, dec);
  printf("qecvt %s dec %d\n", qecvt(1.0L / 3.0L, 20, &dec, &sign), dec);
  printf("qfcvt %s dec %d\n", qfcvt(12345.678L, 4, &dec, &sign), dec);
  printf("qgcvt %s\n", qgcvt(1e-10L, 8, buf));

  long vals[] = {0, 1, 63, 64, 12345678, 0x7fffffff};
  for (unsigned i = 0; i < 6; i++) {
    char *s = l64a(vals[i]);
    printf("l64a(%ld)=[%s] a64l->%ld\n", vals[i], s, a64l(s));
  }

  char *names[] = {"file10.txt", "file9.txt", "file009.txt", "file1.0", "file1.10", "file1.9", "file", "file0"};
  qsort(names, 8, sizeof names[0], cmpver);
  printf("strverscmp order:");
  for (int i = 0; i < 8; i++) printf(" %s", names[i]);
  printf("\n");

  const char hay[] = "the quick brown fox jumps over the lazy dog";
  printf("memmem %td memrchr %td rawmemchr %td\n", (char *)memmem(hay, sizeof hay, "the", 3) - hay,
         (char *)memrchr(hay, 'o', sizeof hay) - hay, (char *)rawmemchr(hay, 'z') - hay);
  printf("memmem empty %td, missing %p\n", (char *)memmem(hay, sizeof hay, "", 0) - hay,
         memmem(hay, sizeof hay, "cat", 3));
  printf("strcasestr %s\n", strcasestr(hay, "BROWN"));
  printf("strchrnul end %td\n", strchrnul(hay, '#') - hay);
  char copy[] = "a,b,,c;d";
  char *p = copy, *tok;
  printf("strsep:");
  while ((tok = strsep(&p, ",;")) != NULL) printf(" [%s]", tok);
  printf("\n");
  char d[16];
  memset(d, 'x', sizeof d);
  char *e = stpncpy(d, "abc", 6);
  printf("stpncpy end %td, padded %d%d%d, then %c\n", e - d, d[3], d[4], d[5], d[6]);
  e = mempcpy(d, "12345", 5);
  printf("mempcpy end %td\n", e - d);
  char sw[] = "abcdef";
  char sw2[8] = {0};
  swab(sw, sw2, 6);
  printf("swab %s\n", sw2);
  printf("ffs %d ffsl %d ffsll %d ffs0 %d\n", ffs(0x80), ffsl(1L << 40), ffsll(1LL << 62), ffs(0));

  char opts[] = "ro,size=512,mode=0755,unknown,noexec";
  char *const tokens[] = {"ro", "rw", "size", "mode", "noexec", NULL};
  char *o = opts, *val;
  int idx;
  while (*o) {
    idx = getsubopt(&o, tokens, &val);
    printf("getsubopt %d %s\n", idx, val ? val : "(null)");
  }

  printf("strsignal %s | %s | %s\n", strsignal(SIGSEGV), strsignal(SIGRTMIN + 2), strsignal(99));
  printf("sigabbrev %s %s %s\n", sigabbrev_np(SIGINT), sigabbrev_np(SIGUSR2), sigabbrev_np(SIGSYS));
  printf("strerrorname %s %s %s\n", strerrorname_np(ENOENT), strerrorname_np(EOWNERDEAD), strerrorname_np(EHWPOISON));
  printf("strerrordesc %s\n", strerrordesc_np(ETIMEDOUT));
  printf("strerror unknown: %s\n", strerror(4095));

  char path1[] = "/usr/lib/", path2[] = "/usr/lib/";
  printf("basename(GNU) [%s] dirname [%s]\n", basename("/usr/lib/"), dirname(path1));
  printf("__xpg_basename [%s]\n", __xpg_basename(path2));
  char dots[] = "..";
  printf("dirname(\"..\") [%s] dirname(\"a\") [%s]\n", dirname(dots), dirname((char[]){"a"}));
  return 0;
}
