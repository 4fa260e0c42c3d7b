// Pseudo-random generators of the C library with fixed seeds: rand/srand, random/srandom with
// initstate/setstate, rand_r, drand48/lrand48/mrand48/erand48 with seed48, and a dice histogram.
// SPDX-License-Identifier: MIT
#define _DEFAULT_SOURCE
#include <stdio.h>
#include <stdlib.h>

int main(void) {
  srand(1);
  printf("rand seed 1:"); for (int i = 0; i < 8; i++) printf(" %d", rand()); printf("\n");
  srand(12345);
  printf("rand seed 12345:"); for (int i = 0; i < 8; i++) printf(" %d", rand() % 1000); printf("\n");
  printf("RAND_MAX %d\n", RAND_MAX);
  srandom(42);
  printf("random seed 42:"); for (int i = 0; i < 6; i++) printf(" %ld", random()); printf("\n");
  static char state[256];
  char *old = initstate(7, state, sizeof state);
  printf("initstate(256 bytes):"); for (int i = 0; i < 6; i++) printf(" %ld", random()); printf("\n");
  setstate(old);
  printf("back to old state:"); for (int i = 0; i < 3; i++) printf(" %ld", random()); printf("\n");
  unsigned seed = 99;
  printf("rand_r:"); for (int i = 0; i < 6; i++) printf(" %d", rand_r(&seed)); printf(" (seed now %u)\n", seed);
  srand48(2024);
  printf("drand48:"); for (int i = 0; i < 4; i++) printf(" %.17f", drand48()); printf("\n");
  printf("lrand48:"); for (int i = 0; i < 4; i++) printf(" %ld", lrand48()); printf("\n");
  printf("mrand48:"); for (int i = 0; i < 4; i++) printf(" %ld", mrand48()); printf("\n");
  unsigned short xs[3] = {1, 2, 3};
  printf("erand48:"); for (int i = 0; i < 3; i++) printf(" %.12f", erand48(xs)); printf(" state %u %u %u\n", xs[0], xs[1], xs[2]);
  unsigned short s48[3] = {0x1234, 0x5678, 0x9abc};
  unsigned short *prev = seed48(s48);
  printf("seed48 prev %04x %04x %04x next %ld\n", prev[0], prev[1], prev[2], lrand48());
  srand(7);
  int hist[6] = {0};
  for (int i = 0; i < 60000; i++) hist[rand() % 6]++;
  printf("dice:"); for (int i = 0; i < 6; i++) printf(" %d", hist[i]); printf("\n");
  return 0;
}
