/* Deep recursion: the stack grows on demand to several megabytes (Ackermann, a deep linked recursion,
   a large frame per call), VLAs and alloca inside recursion, getrlimit(RLIMIT_STACK).
   SPDX-License-Identifier: MIT */
#include <stdio.h>
#include <stdlib.h>
#include <alloca.h>
#include <string.h>
#include <sys/resource.h>

static int ack(int m, int n) { return m == 0 ? n + 1 : n == 0 ? ack(m - 1, 1) : ack(m - 1, ack(m, n - 1)); }
static long depth(long n) { volatile char pad[64]; pad[n % 64] = (char)n; return n == 0 ? 0 : 1 + depth(n - 1) + pad[n % 64] * 0; }
static unsigned long big_frames(int n) {
  char frame[16384]; memset(frame, n & 0xff, sizeof frame);
  if (n == 0) return frame[100];
  return frame[n % 16384] + big_frames(n - 1);
}
static long vla_rec(int n) {
  if (n == 0) return 0;
  int v[n % 50 + 1]; for (int i = 0; i <= n % 50; i++) v[i] = i;
  char *a = alloca(n % 200 + 1); a[0] = 1;
  return v[n % 50] + a[0] + vla_rec(n - 1);
}

int main(void) {
  struct rlimit rl; getrlimit(RLIMIT_STACK, &rl);
  printf("stack limit >= 8M: %d\n", rl.rlim_cur == RLIM_INFINITY || rl.rlim_cur >= (8u << 20));
  printf("ack(2,3)=%d ack(3,5)=%d\n", ack(2, 3), ack(3, 5));
  printf("depth(60000)=%ld\n", depth(60000));
  printf("big_frames(300)=%lu\n", big_frames(300));
  printf("vla_rec(5000)=%ld\n", vla_rec(5000));
  return 0;
}
