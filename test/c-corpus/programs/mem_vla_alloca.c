// Variable-length arrays (1-D and 2-D, sizes from run-time values, sizeof of a VLA, VLA parameters)
// and alloca inside loops and nested calls; static and global initialised data, const tables and
// volatile accesses.
// SPDX-License-Identifier: MIT
#include <stdio.h>
#include <alloca.h>
#include <string.h>

static int global_counter = 10;
int global_array[8] = {1, 2, 3};
static const unsigned short crc_like[16] = {0x0000, 0x1081, 0x2102, 0x3183, 0x4204, 0x5285, 0x6306, 0x7387,
                                            0x8408, 0x9489, 0xa50a, 0xb58b, 0xc60c, 0xd68d, 0xe70e, 0xf78f};
static const char *const names[] = {"zero", "one", "two", "three"};
static struct { int id; const char *label; double weight; } items[] = {{1, "a", 0.5}, {2, "bb", 1.25}, {3, "ccc", -2}};
static char zeroed[100];
volatile int vol = 5;

static int counter(void) { static int calls; return ++calls; }
static long trace(int n, int m, const int a[n][m]) { long t = 0; for (int i = 0; i < n && i < m; i++) t += a[i][i]; return t; }
static int sum_alloca(int n) {
  int *p = alloca(sizeof(int) * (size_t)n);
  for (int i = 0; i < n; i++) p[i] = i * 3;
  int s = 0; for (int i = 0; i < n; i++) s += p[i];
  return n > 1 ? s + sum_alloca(n / 2) : s;
}

int main(void) {
  for (int n = 1; n <= 64; n *= 4) {
    double vla[n];
    for (int i = 0; i < n; i++) vla[i] = i * 0.5;
    double s = 0; for (int i = 0; i < n; i++) s += vla[i];
    printf("vla n=%d sizeof %zu sum %g\n", n, sizeof vla, s);
  }
  int rows = 5, cols = 7;
  int grid[rows][cols];
  for (int i = 0; i < rows; i++) for (int j = 0; j < cols; j++) grid[i][j] = i * 10 + j;
  printf("grid sizeof %zu row %zu trace %ld corner %d\n", sizeof grid, sizeof grid[0], trace(rows, cols, (const int (*)[cols])grid), grid[4][6]);
  printf("alloca sums %d %d\n", sum_alloca(100), sum_alloca(1000));
  char *bufs[4];
  for (int i = 0; i < 4; i++) { bufs[i] = alloca(32); snprintf(bufs[i], 32, "alloca-%d-%s", i, names[i]); }
  for (int i = 0; i < 4; i++) printf("%s ", bufs[i]);
  printf("\n");
  global_counter += 5; global_array[7] = 99;
  printf("globals %d %d %d %d\n", global_counter, global_array[0], global_array[5], global_array[7]);
  unsigned crc = 0; for (int i = 0; i < 16; i++) crc = (crc << 1) ^ crc_like[i];
  printf("const table %x names %s %s\n", crc, names[3], names[0]);
  for (int i = 0; i < 3; i++) printf("item %d %s %g\n", items[i].id, items[i].label, items[i].weight);
  int nz = 0; for (int i = 0; i < 100; i++) nz += zeroed[i];
  printf("bss zero %d\n", nz);
  counter(); counter();
  printf("static local %d\n", counter());
  int v = 0; for (int i = 0; i < 10; i++) { vol = vol + i; v += vol; }
  printf("volatile %d %d\n", vol, v);
  static const char msg[] = "string literal in rodata";
  char copy[sizeof msg]; memcpy(copy, msg, sizeof msg);
  printf("%s (%zu)\n", copy, sizeof msg);
  return 0;
}
