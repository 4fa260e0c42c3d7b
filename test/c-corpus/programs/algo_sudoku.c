// A Sudoku solver by backtracking with bitmask candidate sets (choosing the cell with the fewest
// candidates), solving two puzzles and printing the grids and the number of search steps.
// SPDX-License-Identifier: MIT
#include <stdio.h>

static int grid[81], steps;
static unsigned rows[9], cols[9], boxes[9];
static int box(int i) { return (i / 27) * 3 + (i % 9) / 3; }
static void place(int i, int v) { grid[i] = v; rows[i / 9] |= 1u << v; cols[i % 9] |= 1u << v; boxes[box(i)] |= 1u << v; }
static void unplace(int i, int v) { grid[i] = 0; rows[i / 9] &= ~(1u << v); cols[i % 9] &= ~(1u << v); boxes[box(i)] &= ~(1u << v); }
static int solve(void) {
  int best = -1, bestc = 10; unsigned bestm = 0;
  for (int i = 0; i < 81; i++) {
    if (grid[i]) continue;
    unsigned m = ~(rows[i / 9] | cols[i % 9] | boxes[box(i)]) & 0x3fe;
    int c = __builtin_popcount(m);
    if (c < bestc) { bestc = c; best = i; bestm = m; if (c <= 1) break; }
  }
  if (best < 0) return 1;
  for (int v = 1; v <= 9; v++) if (bestm >> v & 1) { steps++; place(best, v); if (solve()) return 1; unplace(best, v); }
  return 0;
}
static void run(const char *p) {
  for (int i = 0; i < 9; i++) rows[i] = cols[i] = boxes[i] = 0;
  for (int i = 0; i < 81; i++) { grid[i] = 0; if (p[i] >= '1' && p[i] <= '9') place(i, p[i] - '0'); }
  steps = 0;
  int ok = solve();
  printf("solved %d in %d steps\n", ok, steps);
  for (int r = 0; r < 9; r++) { for (int c = 0; c < 9; c++) printf("%d%s", grid[r * 9 + c], c == 2 || c == 5 ? " | " : c == 8 ? "\n" : " "); if (r == 2 || r == 5) printf("------+-------+------\n"); }
}

int main(void) {
  run("53..7....6..195....98....6.8...6...34..8.3..17...2...6.6....28....419..5....8..79");
  run("..9748...7.........2.1.9.....7...24..64.1.59..98...3.....8.3.2.........6...2759..");
  return 0;
}
