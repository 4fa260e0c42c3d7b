// Dynamic programming classics: longest common subsequence (with reconstruction), Levenshtein edit
// distance, 0/1 knapsack, coin change (ways and minimum coins), longest increasing subsequence and
// maximum subarray (Kadane).
// SPDX-License-Identifier: MIT
#include <stdio.h>
#include <string.h>

static int lcs(const char *a, const char *b, char *out) {
  int n = (int)strlen(a), m = (int)strlen(b); static int t[64][64];
  for (int i = 0; i <= n; i++) for (int j = 0; j <= m; j++) t[i][j] = !i || !j ? 0 : a[i - 1] == b[j - 1] ? t[i - 1][j - 1] + 1 : t[i - 1][j] > t[i][j - 1] ? t[i - 1][j] : t[i][j - 1];
  int k = t[n][m]; out[k] = 0;
  for (int i = n, j = m; i && j;) { if (a[i - 1] == b[j - 1]) { out[--k] = a[i - 1]; i--; j--; } else if (t[i - 1][j] >= t[i][j - 1]) i--; else j--; }
  return t[n][m];
}
static int lev(const char *a, const char *b) {
  int n = (int)strlen(a), m = (int)strlen(b), row[64];
  for (int j = 0; j <= m; j++) row[j] = j;
  for (int i = 1; i <= n; i++) { int prev = row[0]; row[0] = i; for (int j = 1; j <= m; j++) { int cur = row[j], c = prev + (a[i - 1] != b[j - 1]); if (row[j] + 1 < c) c = row[j] + 1; if (row[j - 1] + 1 < c) c = row[j - 1] + 1; row[j] = c; prev = cur; } }
  return row[m];
}

int main(void) {
  const char *pairs[][2] = {{"ABCBDAB", "BDCABA"}, {"kitten", "sitting"}, {"saturday", "sunday"}, {"", "abc"}, {"intention", "execution"}, {"GATTACA", "GCATGCU"}};
  for (int i = 0; i < 6; i++) { char s[64]; int l = lcs(pairs[i][0], pairs[i][1], s); printf("%s/%s: lcs %d [%s] edit %d\n", pairs[i][0], pairs[i][1], l, s, lev(pairs[i][0], pairs[i][1])); }
  int wt[] = {12, 7, 11, 8, 9, 5, 14, 6}, val[] = {24, 13, 23, 15, 16, 9, 30, 11}, cap = 40, best[41] = {0}, take[8][41] = {{0}};
  for (int i = 0; i < 8; i++) for (int c = cap; c >= wt[i]; c--) if (best[c - wt[i]] + val[i] > best[c]) { best[c] = best[c - wt[i]] + val[i]; take[i][c] = 1; }
  printf("knapsack best %d items:", best[cap]);
  for (int i = 7, c = cap; i >= 0; i--) if (take[i][c]) { printf(" %d", i); c -= wt[i]; }
  printf("\n");
  int coins[] = {1, 2, 5, 10, 20, 50, 100, 200};
  long ways[201] = {1}; int minc[201];
  for (int c = 0; c < 8; c++) for (int a = coins[c]; a <= 200; a++) ways[a] += ways[a - coins[c]];
  minc[0] = 0;
  for (int a = 1; a <= 200; a++) { minc[a] = 1 << 20; for (int c = 0; c < 8; c++) if (coins[c] <= a && minc[a - coins[c]] + 1 < minc[a]) minc[a] = minc[a - coins[c]] + 1; }
  printf("coin change 200: %ld ways; min coins for 1..12:", ways[200]);
  for (int a = 1; a <= 12; a++) printf(" %d", minc[a]);
  printf("; 199 -> %d\n", minc[199]);
  int seq[] = {10, 9, 2, 5, 3, 7, 101, 18, 4, 8, 6, 12, 11, 15, 1}, lis[15], n = 15, bestl = 0;
  for (int i = 0; i < n; i++) { lis[i] = 1; for (int j = 0; j < i; j++) if (seq[j] < seq[i] && lis[j] + 1 > lis[i]) lis[i] = lis[j] + 1; if (lis[i] > bestl) bestl = lis[i]; }
  printf("LIS length %d\n", bestl);
  int arr[] = {-2, 1, -3, 4, -1, 2, 1, -5, 4, 3, -9, 6}, bs = arr[0], cur = 0, start = 0, bstart = 0, bend = 0;
  for (int i = 0; i < 12; i++) { if (cur <= 0) { cur = arr[i]; start = i; } else cur += arr[i]; if (cur > bs) { bs = cur; bstart = start; bend = i; } }
  printf("max subarray %d [%d..%d]\n", bs, bstart, bend);
  return 0;
}
