// Conway's Game of Life on a 32x24 torus: a glider, a blinker, an R-pentomino; prints a few
// generations as text and the population and a hash of the board for 40 generations.
// SPDX-License-Identifier: MIT
#include <stdio.h>
#include <string.h>

enum { W = 32, H = 24 };
static unsigned char g[H][W], n[H][W];

static void put(int y, int x, const char *rows[], int count) { for (int r = 0; r < count; r++) for (int c = 0; rows[r][c]; c++) if (rows[r][c] == '#') g[(y + r) % H][(x + c) % W] = 1; }
static void step(void) {
  for (int y = 0; y < H; y++) for (int x = 0; x < W; x++) {
    int c = 0;
    for (int dy = -1; dy <= 1; dy++) for (int dx = -1; dx <= 1; dx++) if (dy || dx) c += g[(y + dy + H) % H][(x + dx + W) % W];
    n[y][x] = (unsigned char)(c == 3 || (c == 2 && g[y][x]));
  }
  memcpy(g, n, sizeof g);
}
static void show(int gen) { printf("generation %d\n", gen); for (int y = 0; y < H; y++) { for (int x = 0; x < W; x++) putchar(g[y][x] ? '#' : '.'); putchar('\n'); } }

int main(void) {
  const char *glider[] = {".#.", "..#", "###"};
  const char *blinker[] = {"###"};
  const char *rpent[] = {".##", "##.", ".#."};
  put(1, 1, glider, 3); put(5, 20, blinker, 1); put(14, 14, rpent, 3);
  show(0);
  for (int gen = 1; gen <= 40; gen++) {
    step();
    if (gen == 1 || gen == 4 || gen == 40) show(gen);
    if (gen % 10 == 0) {
      int pop = 0; unsigned h = 0;
      for (int y = 0; y < H; y++) for (int x = 0; x < W; x++) { pop += g[y][x]; h = h * 31 + g[y][x]; }
      printf("gen %3d population %3d hash %08x\n", gen, pop, h);
    }
  }
  return 0;
}
