/* iconv with the converters built into glibc (no gconv modules are loaded): UTF-8 to UTF-16LE/UTF-32 and
   back, ASCII with an invalid byte (EILSEQ), a too-small output buffer (E2BIG) resumed, an unknown charset.
   SPDX-License-Identifier: MIT */
#include <stdio.h>
#include <string.h>
#include <errno.h>
#include <iconv.h>

static void hex(const char *what, const char *p, size_t n) { printf("%s:", what); for (size_t i = 0; i < n; i++) printf(" %02x", (unsigned char)p[i]); printf("\n"); }

int main(void) {
  const char *src = "h\xc3\xa9llo \xe2\x82\xac \xf0\x9f\x98\x80";
  const char *tos[] = {"UTF-16LE", "UTF-32BE", "UCS-2", "UTF-8"};
  for (int k = 0; k < 4; k++) {
    iconv_t cd = iconv_open(tos[k], "UTF-8");
    if (cd == (iconv_t)-1) { printf("%s: open failed errno=%d\n", tos[k], errno); continue; }
    char out[128]; char *in = (char *)src, *o = out; size_t il = strlen(src), ol = sizeof out;
    errno = 0; size_t r = iconv(cd, &in, &il, &o, &ol);
    printf("%s: r=%zd errno=%d left=%zu\n", tos[k], (ssize_t)r, r == (size_t)-1 ? errno : 0, il);
    hex(tos[k], out, sizeof out - ol);
    iconv_close(cd);
  }
  iconv_t back = iconv_open("UTF-8", "UTF-16LE");
  char u16[] = {'O', 0, 'K', 0, 0xac, 0x20, 0x3d, 0xd8, 0x00, 0xde}; char out[32]; char *in = u16, *o = out; size_t il = sizeof u16, ol = sizeof out;
  size_t r = iconv(back, &in, &il, &o, &ol); printf("back r=%zd: %.*s\n", (ssize_t)r, (int)(sizeof out - ol), out); iconv_close(back);
  iconv_t a = iconv_open("ASCII", "UTF-8"); in = (char *)src; il = strlen(src); o = out; ol = sizeof out;
  r = iconv(a, &in, &il, &o, &ol); printf("to ascii r=%zd eilseq=%d consumed=%zu\n", (ssize_t)r, errno == EILSEQ, strlen(src) - il); iconv_close(a);
  iconv_t s = iconv_open("UTF-32LE", "UTF-8"); in = (char *)src; il = strlen(src); char small[8]; o = small; ol = sizeof small;
  r = iconv(s, &in, &il, &o, &ol); printf("small r=%zd e2big=%d left=%zu\n", (ssize_t)r, errno == E2BIG, il);
  o = out; ol = sizeof out; r = iconv(s, &in, &il, &o, &ol); printf("resumed r=%zd left=%zu wrote=%zu\n", (ssize_t)r, il, sizeof out - ol); iconv_close(s);
  errno = 0; iconv_t bad = iconv_open("NO-SUCH-CHARSET", "UTF-8"); printf("unknown: %s errno=%d\n", bad == (iconv_t)-1 ? "failed" : "opened", errno);
  return 0;
}
