// switch statements: dense ones the compiler turns into jump tables (int and char), sparse ones
// (binary search / compare chains), fallthrough, default in the middle, switch on enums and on
// 64-bit values, and a Duff's device.
// SPDX-License-Identifier: MIT
#include <stdio.h>

enum color { RED, GREEN, BLUE, CYAN, MAGENTA, YELLOW, BLACK, WHITE };

static const char *dense(int x) {
  switch (x) {
    case 0: return "zero"; case 1: return "one"; case 2: return "two"; case 3: return "three"; case 4: return "four";
    case 5: return "five"; case 6: return "six"; case 7: return "seven"; case 8: return "eight"; case 9: return "nine";
    case 10: return "ten"; case 11: return "eleven"; case 12: return "twelve";
    default: return "many";
  }
}
static int sparse(long x) {
  switch (x) {
    case -1000000: return 1; case -7: return 2; case 3: return 3; case 100: return 4; case 1024: return 5;
    case 65537: return 6; case 1L << 40: return 7; case 999999999999L: return 8;
    default: return 0;
  }
}
static int fall(int x) {
  int r = 0;
  switch (x) {
    case 1: r += 1; /* fall through */
    case 2: r += 10;
    default: r += 100; /* fall through */
    case 3: r += 1000; break;
    case 4: r = -1;
  }
  return r;
}
static int classify(char c) {
  switch (c) {
    case 'a': case 'e': case 'i': case 'o': case 'u': return 1;
    case '0' ... '9': return 2;
    case ' ': case '\t': case '\n': return 3;
    case 'A' ... 'Z': return 4;
    default: return 0;
  }
}
static int rgb(enum color c) {
  switch (c) {
    case RED: return 0xff0000; case GREEN: return 0x00ff00; case BLUE: return 0x0000ff; case CYAN: return 0x00ffff;
    case MAGENTA: return 0xff00ff; case YELLOW: return 0xffff00; case BLACK: return 0; case WHITE: return 0xffffff;
  }
  return -1;
}
static void duff(char *to, const char *from, int count) {
  int n = (count + 7) / 8;
  switch (count % 8) {
    case 0: do { *to++ = *from++;
    case 7: *to++ = *from++;
    case 6: *to++ = *from++;
    case 5: *to++ = *from++;
    case 4: *to++ = *from++;
    case 3: *to++ = *from++;
    case 2: *to++ = *from++;
    case 1: *to++ = *from++;
            } while (--n > 0);
  }
}

int main(void) {
  for (int i = -2; i <= 14; i++) printf("%s ", dense(i));
  printf("\n");
  long sp[] = {-1000000, -7, 3, 100, 1024, 65537, 1L << 40, 999999999999L, 5, -8, 1L << 41};
  for (int i = 0; i < 11; i++) printf("%d", sparse(sp[i]));
  printf("\n");
  for (int i = 0; i <= 5; i++) printf("fall(%d)=%d ", i, fall(i));
  printf("\n");
  const char *text = "Hello World 42\tend\n";
  for (const char *p = text; *p; p++) printf("%d", classify(*p));
  printf("\n");
  for (int c = RED; c <= WHITE + 1; c++) printf("%06x ", rgb((enum color)c));
  printf("\n");
  char dst[40] = {0};
  for (int n = 1; n <= 19; n += 6) { duff(dst, "abcdefghijklmnopqrstuvwxyz", n); dst[n] = 0; printf("duff %d [%s]\n", n, dst); }
  long long h = 0;
  for (int i = 0; i < 100000; i++) {
    switch ((i * 7) % 16) {
      case 0: h += 1; break; case 1: h ^= i; break; case 2: h -= 3; break; case 3: h *= 3; break;
      case 4: h += i; break; case 5: h >>= 1; break; case 6: h |= 8; break; case 7: h &= ~1LL; break;
      case 8: h += 8; break; case 9: h -= i; break; case 10: h ^= h >> 3; break; case 11: h += h << 2; break;
      case 12: h %= 1000003; break; case 13: h += 13; break; case 14: h = -h; break; default: h += 15;
    }
  }
  printf("jump-table loop %lld\n", h);
  return 0;
}
