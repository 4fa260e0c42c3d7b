// SPDX-License-Identifier: MIT
// The source-level step bench: a loop of short C lines to step over, one call per iteration.
long total;

__attribute__((noinline)) long twice(long x) {
  return 2 * x;
}

int main(void) {
  for (long i = 0; i < 1000000; i++) {
    long t = twice(i);
    total += t;
    total ^= i;
  }
  return (int)(total & 1);
}
