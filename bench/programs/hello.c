// SPDX-License-Identifier: MIT
// The smallest real program: `npm run bench` times it end to end through `wplab exec`.
#include <stdio.h>

int main(void) {
  printf("hello, world\n");
  return 0;
}
