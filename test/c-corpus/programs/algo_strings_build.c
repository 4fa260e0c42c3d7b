// String building and manipulation: a growable string buffer with appendf, reversing words in place,
// palindromes, run-length encoding/decoding, Caesar/ROT13, case conversion, trimming and splitting,
// and joining many pieces (many reallocs).
// SPDX-License-Identifier: MIT
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <stdarg.h>
#include <ctype.h>

typedef struct { char *p; size_t len, cap; } sbuf;
static void sb_appendf(sbuf *b, const char *fmt, ...) {
  va_list ap; va_start(ap, fmt); int n = vsnprintf(NULL, 0, fmt, ap); va_end(ap);
  if (b->len + (size_t)n + 1 > b->cap) { b->cap = (b->len + (size_t)n + 1) * 2; b->p = realloc(b->p, b->cap); }
  va_start(ap, fmt); vsnprintf(b->p + b->len, (size_t)n + 1, fmt, ap); va_end(ap);
  b->len += (size_t)n;
}
static void reverse(char *s, size_t n) { for (size_t i = 0; i < n / 2; i++) { char t = s[i]; s[i] = s[n - 1 - i]; s[n - 1 - i] = t; } }
static void reverse_words(char *s) { size_t n = strlen(s); reverse(s, n); for (size_t i = 0; i < n;) { size_t j = i; while (j < n && s[j] != ' ') j++; reverse(s + i, j - i); i = j + 1; } }
static int palindrome(const char *s) { size_t i = 0, j = strlen(s); while (i < j) { if (!isalnum((unsigned char)s[i])) { i++; continue; } if (!isalnum((unsigned char)s[j - 1])) { j--; continue; } if (tolower((unsigned char)s[i]) != tolower((unsigned char)s[j - 1])) return 0; i++; j--; } return 1; }
static void rle(const char *s, char *out) { while (*s) { char c = *s; int n = 0; while (*s == c) { s++; n++; } out += sprintf(out, "%d%c", n, c); } }
static void unrle(const char *s, char *out) { while (*s) { int n = (int)strtol(s, (char **)&s, 10); while (n--) *out++ = *s; s++; } *out = 0; }
static char *trim(char *s) { while (isspace((unsigned char)*s)) s++; char *e = s + strlen(s); while (e > s && isspace((unsigned char)e[-1])) *--e = 0; return s; }

int main(void) {
  sbuf b = {0};
  for (int i = 0; i < 500; i++) sb_appendf(&b, "%d%s", i * i, i % 10 == 9 ? "\n" : ",");
  printf("built %zu bytes, cap %zu, tail: %s", b.len, b.cap >= b.len, b.p + b.len - 40);
  free(b.p);
  char words[] = "the quick brown fox jumps over the lazy dog";
  reverse_words(words);
  printf("reversed words: %s\n", words);
  const char *pals[] = {"A man, a plan, a canal: Panama", "racecar", "hello", "Was it a car or a cat I saw?", "", "ab"};
  for (int i = 0; i < 6; i++) printf("palindrome(\"%s\") = %d\n", pals[i], palindrome(pals[i]));
  char enc[128], dec[128];
  rle("WWWWWWWWWWWWBWWWWWWWWWWWWBBBWWWWWWWWWWWWWWWWWWWWWWWWBWWWWWWWWWWWWWW", enc);
  unrle(enc, dec);
  printf("rle %s -> %zu chars\n", enc, strlen(dec));
  char msg[] = "Attack at Dawn, 5 o'clock!";
  for (char *p = msg; *p; p++) if (isalpha((unsigned char)*p)) { char base = isupper((unsigned char)*p) ? 'A' : 'a'; *p = (char)(base + (*p - base + 13) % 26); }
  printf("rot13: %s\n", msg);
  char padded[] = "   \t  trim me please \n  ";
  printf("trim: [%s]\n", trim(padded));
  char csv[] = "name,age,,city,";
  int field = 0;
  for (char *start = csv, *comma;; start = comma + 1) {
    comma = strchr(start, ',');
    printf("field %d: [%.*s]\n", field++, comma ? (int)(comma - start) : (int)strlen(start), start);
    if (!comma) break;
  }
  char *joined = NULL; size_t jl = 0;
  for (int i = 0; i < 300; i++) { char piece[16]; int n = snprintf(piece, sizeof piece, "%s%x", i ? "-" : "", i); joined = realloc(joined, jl + (size_t)n + 1); memcpy(joined + jl, piece, (size_t)n + 1); jl += (size_t)n; }
  printf("joined %zu: ...%s\n", jl, joined + jl - 30);
  free(joined);
  return 0;
}
