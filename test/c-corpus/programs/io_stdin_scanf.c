// Reads numbers from standard input with scanf until EOF (a matrix with its dimensions, then a list of
// queries), computes row/column sums and answers the queries; getchar to skip a separator line.
// SPDX-License-Identifier: MIT
#include <stdio.h>

int main(void) {
  int rows, cols;
  if (scanf("%d %d", &rows, &cols) != 2 || rows > 10 || cols > 10) { printf("bad header\n"); return 1; }
  double m[10][10];
  for (int i = 0; i < rows; i++)
    for (int j = 0; j < cols; j++)
      if (scanf("%lf", &m[i][j]) != 1) { printf("short matrix at %d,%d\n", i, j); return 1; }
  for (int i = 0; i < rows; i++) { double s = 0; for (int j = 0; j < cols; j++) s += m[i][j]; printf("row %d sum %.3f\n", i, s); }
  for (int j = 0; j < cols; j++) { double s = 0; for (int i = 0; i < rows; i++) s += m[i][j]; printf("col %d sum %.3f\n", j, s); }
  int c;
  while ((c = getchar()) != EOF && c != '#') {}
  while ((c = getchar()) != EOF && c != '\n') putchar(c);
  printf(" <- separator comment\n");
  char op[8]; int a, b, q = 0;
  while (scanf("%7s %d %d", op, &a, &b) == 3) {
    q++;
    if (a < 0 || a >= rows || b < 0 || b >= cols) { printf("q%d %s out of range\n", q, op); continue; }
    printf("q%d %s(%d,%d) = %g\n", q, op, a, b, op[0] == 'g' ? m[a][b] : m[a][b] * 2);
  }
  printf("%d queries, scanf at end returns %d\n", q, scanf("%d", &a));
  return 0;
}
