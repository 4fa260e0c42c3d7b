/* string.h and strings.h, nearly every function: mem*, str*, GNU extensions, strerror for many errnos.
   SPDX-License-Identifier: MIT */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <libgen.h>

int main(void) {
  char buf[128], b2[128];
  memset(buf, 'x', sizeof buf); memcpy(buf, "hello world", 12);
  printf("memchr=%td memrchr=%td rawmemchr=%td\n", (char *)memchr(buf, 'o', 12) - buf, (char *)memrchr(buf, 'o', 12) - buf,
         (char *)rawmemchr(buf, 'w') - buf);
  printf("memcmp=%d %d %d\n", memcmp("abc", "abd", 3) < 0, memcmp("abc", "abc", 3), memcmp("\xff", "\x01", 1) > 0);
  printf("memmem=%td mempcpy=%td\n", (char *)memmem(buf, 12, "lo w", 4) - buf, (char *)mempcpy(b2, "12345", 5) - b2);
  char ov[32] = "0123456789abcdefghij";
  memmove(ov + 3, ov, 10); printf("memmove fwd overlap: %s\n", ov);
  memmove(ov, ov + 5, 10); printf("memmove back overlap: %s\n", ov);
  char cc[16]; char *e = memccpy(cc, "stop.here", '.', sizeof cc); *e = 0; printf("memccpy: %s\n", cc);
  printf("strlen=%zu strnlen=%zu %zu\n", strlen(buf), strnlen(buf, 5), strnlen("ab", 10));
  strcpy(b2, "abc"); strcat(b2, "def"); strncat(b2, "ghijkl", 3); printf("cat: %s\n", b2);
  memset(b2, 'Z', 10); strncpy(b2, "ab", 6); printf("strncpy pads: %d %d %c\n", b2[3], b2[5], b2[6]);
  printf("stpcpy=%td stpncpy=%td\n", stpcpy(b2, "four") - b2, stpncpy(b2, "xy", 5) - b2);
  printf("strcmp %d %d strncmp %d strcasecmp %d strncasecmp %d\n", strcmp("a", "b") < 0, strcmp("b", "a") > 0,
         strncmp("abcX", "abcY", 3), strcasecmp("HeLLo", "hello"), strncasecmp("ABCd", "abce", 3));
  printf("strchr=%s strrchr=%s strchrnul=%d\n", strchr("a/b/c", '/'), strrchr("a/b/c", '/'), *strchrnul("abc", 'z'));
  printf("strstr=%s strcasestr=%s\n", strstr("haystack needle", "need"), strcasestr("HayStack", "stack"));
  printf("strspn=%zu strcspn=%zu strpbrk=%s\n", strspn("aabbcx", "abc"), strcspn("hello, world", ",;"), strpbrk("key=val", "=:"));
  char t[] = "  a,b;;c ,d ";
  for (char *tok = strtok(t, " ,;"); tok; tok = strtok(NULL, " ,;")) printf("[%s]", tok);
  printf("\n");
  char t2[] = "x=1&y=2&z", *save;
  for (char *tok = strtok_r(t2, "&", &save); tok; tok = strtok_r(NULL, "&", &save)) printf("<%s>", tok);
  printf("\n");
  char t3[] = "a,,b,", *s3 = t3, *tok;
  while ((tok = strsep(&s3, ","))) printf("{%s}", tok);
  printf("\n");
  char *d = strdup("duplicate"), *dn = strndup("duplicate", 3); printf("%s %s\n", d, dn); free(d); free(dn);
  printf("strcoll=%d strxfrm=%zu\n", strcoll("abc", "abd") < 0, strxfrm(b2, "xfrm", sizeof b2));
  printf("strverscmp=%d %d %d\n", strverscmp("file9", "file10") < 0, strverscmp("1.2.10", "1.2.9") > 0, strverscmp("a", "a"));
  for (int i = 0; i <= 40; i += 5) printf("%d:%s\n", i, strerror(i));
  printf("%s|%s\n", strerror(133), strerror(9999));
  char eb[64]; char *r = strerror_r(2, eb, sizeof eb); printf("strerror_r: %s\n", r);
  printf("strerrorname_np=%s strerrordesc_np=%s sigabbrev=%s\n", strerrorname_np(11), strerrordesc_np(11), sigabbrev_np(11));
  printf("ffs=%d %d %d ffsl=%d ffsll=%d\n", ffs(0), ffs(1), ffs(0x80), ffsl(1L << 40), ffsll(1LL << 63));
  bzero(b2, 4); printf("bzero %d bcmp %d index %s rindex %s\n", b2[3], bcmp("ab", "ab", 2), index("path/x", '/'), rindex("a.b.c", '.'));
  char p1[] = "/usr/local/lib/", p2[] = "/usr/local/lib/";
  printf("basename=%s dirname=%s\n", basename(p1), dirname(p2));
  char fr[] = "memfrob"; memfrob(fr, 7); memfrob(fr, 7); printf("memfrob twice: %s\n", fr);
  char ex[] = "explicit"; explicit_bzero(ex, 3); printf("explicit_bzero: %d%d%s\n", ex[0], ex[2], ex + 3);
  char big[300]; for (int i = 0; i < 299; i++) big[i] = 'a' + i % 26; big[299] = 0;
  printf("long strlen=%zu strrchr=%td\n", strlen(big), strrchr(big, 'z') - big);
  return 0;
}
