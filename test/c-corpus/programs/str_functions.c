// string.h: strlen strcpy strncpy (padding) strcat strncat strcmp strncmp strcasecmp strncasecmp strchr
// strrchr strstr strspn strcspn strpbrk strtok strtok_r strdup strndup memchr memrchr memcmp memset
// memcpy memmove (overlapping both ways), stpcpy, strsep, strcoll in the C locale.
// SPDX-License-Identifier: MIT
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

static void dump(const char *label, const char *p, size_t n) {
  printf("%s:", label);
  for (size_t i = 0; i < n; i++) printf(p[i] ? " %c" : " \\0", p[i]);
  printf("\n");
}

int main(void) {
  char a[64] = "Hello";
  printf("strlen %zu %zu\n", strlen(a), strlen(""));
  strcat(a, ", world");
  strncat(a, "!!!???", 3);
  printf("cat [%s]\n", a);
  char pad[10];
  memset(pad, 'X', sizeof pad);
  strncpy(pad, "abc", sizeof pad);
  dump("strncpy pad", pad, sizeof pad);
  memset(pad, 'X', sizeof pad);
  strncpy(pad, "0123456789ABC", 6);
  dump("strncpy cut", pad, sizeof pad);
  const char *words[] = {"apple", "Apple", "apples", "banana", "", "app", "APPLE", "b"};
  for (int i = 0; i < 8; i++)
    for (int j = 0; j < 8; j += 3) {
      int c1 = strcmp(words[i], words[j]), c2 = strncmp(words[i], words[j], 3), c3 = strcasecmp(words[i], words[j]), c4 = strncasecmp(words[i], words[j], 4);
      printf("%s/%s:%d%d%d%d ", words[i], words[j], (c1 > 0) - (c1 < 0), (c2 > 0) - (c2 < 0), (c3 > 0) - (c3 < 0), (c4 > 0) - (c4 < 0));
    }
  printf("\n");
  const char *s = "the quick brown fox jumps over the lazy dog";
  printf("strchr %td strrchr %td strchr0 %d strstr %td strstr-miss %d\n", strchr(s, 'q') - s, strrchr(s, 'o') - s, strchr(s, 0) == s + strlen(s),
         strstr(s, "the lazy") - s, strstr(s, "cat") == NULL);
  printf("strspn %zu strcspn %zu strpbrk %td\n", strspn(s, "eht "), strcspn(s, "xyz"), strpbrk(s, "jkl") - s);
  printf("memchr %td memrchr %td rawmemchr %td\n", (char *)memchr(s, 'z', strlen(s)) - s, (char *)memrchr(s, 'e', strlen(s)) - s, (char *)rawmemchr(s, 'b') - s);
  char tok[] = "  alpha, beta;;gamma ,delta  ";
  for (char *t = strtok(tok, " ,;"); t; t = strtok(NULL, " ,;")) printf("tok[%s] ", t);
  printf("\n");
  char tok2[] = "a=1&b=2&c=3";
  char *save1, *save2;
  for (char *kv = strtok_r(tok2, "&", &save1); kv; kv = strtok_r(NULL, "&", &save1)) {
    char *k = strtok_r(kv, "=", &save2), *v = strtok_r(NULL, "=", &save2);
    printf("%s->%s ", k, v);
  }
  printf("\n");
  char sep[] = "x,,y,z", *sp = sep, *piece;
  while ((piece = strsep(&sp, ",")) != NULL) printf("sep[%s] ", piece);
  printf("\n");
  char *d = strdup(s), *dn = strndup(s, 9);
  printf("dup [%s] [%s] %d\n", d + 40, dn, strcmp(d, s));
  free(d); free(dn);
  char m[32] = "0123456789abcdefghijklmnopqrstu";
  memmove(m + 4, m, 10);
  printf("memmove fwd overlap [%s]\n", m);
  memmove(m, m + 6, 12);
  printf("memmove back overlap [%s]\n", m);
  memcpy(m, "XYZ", 3);
  memset(m + 20, '-', 5);
  printf("memcpy/memset [%s]\n", m);
  printf("memcmp %d %d %d\n", memcmp("abc", "abd", 3) < 0, memcmp("abc", "abd", 2), memcmp("\xff", "\x01", 1) > 0);
  char st[32], *e = stpcpy(st, "stp");
  e = stpcpy(e, "cpy");
  printf("stpcpy [%s] len %td\n", st, e - st);
  printf("strcoll %d strxfrm %zu\n", strcoll("a", "b") < 0, strxfrm(NULL, "hello", 0));
  printf("bzero/bcmp: ");
  char z[4] = "abc"; bzero(z, 2); printf("%d %d %d\n", z[0], z[2], bcmp("ab", "ab", 2));
  printf("index %s rindex %s\n", index("hello", 'l'), rindex("hello", 'l'));
  printf("strerror-free check, strsignal(9): %s\n", strsignal(9));
  return 0;
}
