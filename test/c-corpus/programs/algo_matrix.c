// Matrix kernels: int and double matrix multiply (naive and transposed), Gaussian elimination with
// partial pivoting for a determinant and a linear solve, matrix power by squaring, and a checksum.
// SPDX-License-Identifier: MIT
#include <stdio.h>
#include <math.h>

enum { N = 32 };
static double A[N][N], B[N][N], C[N][N], Bt[N][N];
static long IA[N][N], IB[N][N], IC[N][N];

int main(void) {
  for (int i = 0; i < N; i++) for (int j = 0; j < N; j++) {
    A[i][j] = sin(i * 0.7 + j * 0.3) + (i == j ? N : 0);
    B[i][j] = (double)((i * 31 + j * 17) % 23) / 7.0 - 1.5;
    IA[i][j] = (i * 7 + j * 3) % 11 - 5; IB[i][j] = (i ^ j) % 13 - 6;
  }
  for (int i = 0; i < N; i++) for (int j = 0; j < N; j++) { double s = 0; for (int k = 0; k < N; k++) s += A[i][k] * B[k][j]; C[i][j] = s; }
  for (int i = 0; i < N; i++) for (int j = 0; j < N; j++) Bt[j][i] = B[i][j];
  double maxdiff = 0, trace = 0, sum = 0;
  for (int i = 0; i < N; i++) for (int j = 0; j < N; j++) {
    double s = 0; for (int k = 0; k < N; k++) s += A[i][k] * Bt[j][k];
    if (fabs(s - C[i][j]) > maxdiff) maxdiff = fabs(s - C[i][j]);
    sum += C[i][j];
  }
  for (int i = 0; i < N; i++) trace += C[i][i];
  printf("double matmul: trace %.12g sum %.12g C[3][5] %.17g transposed maxdiff %g\n", trace, sum, C[3][5], maxdiff);
  long isum = 0;
  for (int i = 0; i < N; i++) for (int j = 0; j < N; j++) { long s = 0; for (int k = 0; k < N; k++) s += IA[i][k] * IB[k][j]; IC[i][j] = s; isum += s * (i + 1) - j; }
  printf("int matmul: checksum %ld IC[0][0] %ld IC[31][30] %ld\n", isum, IC[0][0], IC[N - 1][N - 2]);
  static double M[N][N + 1];
  for (int i = 0; i < N; i++) { for (int j = 0; j < N; j++) M[i][j] = A[i][j]; M[i][N] = i + 1.0; }
  double det = 1; int swaps = 0;
  for (int c = 0; c < N; c++) {
    int p = c; for (int r = c + 1; r < N; r++) if (fabs(M[r][c]) > fabs(M[p][c])) p = r;
    if (p != c) { for (int j = 0; j <= N; j++) { double t = M[c][j]; M[c][j] = M[p][j]; M[p][j] = t; } swaps++; }
    det *= M[c][c];
    for (int r = c + 1; r < N; r++) { double f = M[r][c] / M[c][c]; for (int j = c; j <= N; j++) M[r][j] -= f * M[c][j]; }
  }
  double x[N];
  for (int i = N - 1; i >= 0; i--) { double s = M[i][N]; for (int j = i + 1; j < N; j++) s -= M[i][j] * x[j]; x[i] = s / M[i][i]; }
  double resid = 0;
  for (int i = 0; i < N; i++) { double s = 0; for (int j = 0; j < N; j++) s += A[i][j] * x[j]; resid = fmax(resid, fabs(s - (i + 1.0))); }
  printf("det %.10e swaps %d x[0] %.15f x[31] %.15f residual %.1e\n", swaps % 2 ? -det : det, swaps, x[0], x[N - 1], resid < 1e-12 ? 0.0 : resid);
  long F[2][2] = {{1, 1}, {1, 0}}, R[2][2] = {{1, 0}, {0, 1}};
  for (int e = 90; e; e >>= 1) {
    long T[2][2];
    if (e & 1) { for (int i = 0; i < 2; i++) for (int j = 0; j < 2; j++) T[i][j] = R[i][0] * F[0][j] + R[i][1] * F[1][j]; for (int i = 0; i < 4; i++) R[i / 2][i % 2] = T[i / 2][i % 2]; }
    for (int i = 0; i < 2; i++) for (int j = 0; j < 2; j++) T[i][j] = F[i][0] * F[0][j] + F[i][1] * F[1][j];
    for (int i = 0; i < 4; i++) F[i / 2][i % 2] = T[i / 2][i % 2];
  }
  printf("fib(90) by matrix power %ld\n", R[0][1]);
  return 0;
}
