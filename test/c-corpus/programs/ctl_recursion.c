// Recursion: Ackermann for small arguments, naive and memoised Fibonacci, mutual recursion,
// Tower of Hanoi, permutations by backtracking, N-queens, and a deep (depth 10000) linear recursion.
// SPDX-License-Identifier: MIT
#include <stdio.h>

static unsigned long ack(unsigned long m, unsigned long n) {
  if (m == 0) return n + 1;
  if (n == 0) return ack(m - 1, 1);
  return ack(m - 1, ack(m, n - 1));
}
static long fib(int n) { return n < 2 ? n : fib(n - 1) + fib(n - 2); }
static long memo[100];
static long fibm(int n) { if (n < 2) return n; if (memo[n]) return memo[n]; return memo[n] = fibm(n - 1) + fibm(n - 2); }
static int is_odd(unsigned n);
static int is_even(unsigned n) { return n == 0 ? 1 : is_odd(n - 1); }
static int is_odd(unsigned n) { return n == 0 ? 0 : is_even(n - 1); }
static long moves;
static void hanoi(int n, int from, int to, int via) { if (!n) return; hanoi(n - 1, from, via, to); moves++; if (n >= 9) printf("move disk %d %d->%d\n", n, from, to); hanoi(n - 1, via, to, from); }
static int perm[6], used[6], count;
static void permute(int k, int n) {
  if (k == n) { if (count < 5 || count % 100 == 0) { for (int i = 0; i < n; i++) printf("%d", perm[i]); printf(" "); } count++; return; }
  for (int i = 0; i < n; i++) if (!used[i]) { used[i] = 1; perm[k] = i; permute(k + 1, n); used[i] = 0; }
}
static int queens(int row, int n, unsigned cols, unsigned d1, unsigned d2) {
  if (row == n) return 1;
  int c = 0;
  for (int col = 0; col < n; col++) {
    if ((cols >> col & 1) || (d1 >> (row + col) & 1) || (d2 >> (row - col + n) & 1)) continue;
    c += queens(row + 1, n, cols | 1u << col, d1 | 1u << (row + col), d2 | 1u << (row - col + n));
  }
  return c;
}
static long deep(long n) { volatile char pad[32]; pad[0] = (char)n; return n == 0 ? 0 : pad[0] % 3 + deep(n - 1); }

int main(void) {
  for (unsigned long m = 0; m <= 3; m++) { for (unsigned long n = 0; n <= 4; n++) printf("A(%lu,%lu)=%lu ", m, n, ack(m, n)); printf("\n"); }
  printf("fib(22)=%ld fibm(90)=%ld\n", fib(22), fibm(90));
  printf("even(1001)=%d odd(777)=%d\n", is_even(1001), is_odd(777));
  hanoi(10, 1, 3, 2);
  printf("hanoi moves %ld\n", moves);
  permute(0, 6);
  printf("\npermutations %d\n", count);
  for (int n = 1; n <= 9; n++) printf("queens(%d)=%d ", n, queens(0, n, 0, 0, 0));
  printf("\ndeep %ld\n", deep(10000));
  return 0;
}
