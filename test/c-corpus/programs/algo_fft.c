// Numeric kernels: an iterative radix-2 complex FFT (double) and its inverse on 256 points, Newton's
// square root, Horner polynomial evaluation, series for e and pi, trapezoid and Simpson integration,
// and Runge-Kutta 4 for an ODE; printed with fixed precision.
// SPDX-License-Identifier: MIT
#include <stdio.h>
#include <math.h>

enum { N = 256 };
static double re[N], im[N];

static void fft(double *xr, double *xi, int n, int inverse) {
  for (int i = 1, j = 0; i < n; i++) { int bit = n >> 1; for (; j & bit; bit >>= 1) j ^= bit; j ^= bit; if (i < j) { double t = xr[i]; xr[i] = xr[j]; xr[j] = t; t = xi[i]; xi[i] = xi[j]; xi[j] = t; } }
  for (int len = 2; len <= n; len <<= 1) {
    double ang = 2 * M_PI / len * (inverse ? 1 : -1), wr = cos(ang), wi = sin(ang);
    for (int i = 0; i < n; i += len) {
      double cr = 1, ci = 0;
      for (int j = 0; j < len / 2; j++) {
        double ur = xr[i + j], ui = xi[i + j], vr = xr[i + j + len / 2] * cr - xi[i + j + len / 2] * ci, vi = xr[i + j + len / 2] * ci + xi[i + j + len / 2] * cr;
        xr[i + j] = ur + vr; xi[i + j] = ui + vi; xr[i + j + len / 2] = ur - vr; xi[i + j + len / 2] = ui - vi;
        double t = cr * wr - ci * wi; ci = cr * wi + ci * wr; cr = t;
      }
    }
  }
  if (inverse) for (int i = 0; i < n; i++) { xr[i] /= n; xi[i] /= n; }
}
static double f(double x) { return exp(-x * x) * cos(3 * x); }

int main(void) {
  for (int i = 0; i < N; i++) { re[i] = sin(2 * M_PI * 5 * i / N) + 0.5 * cos(2 * M_PI * 20 * i / N) + (i % 16 == 0 ? 1 : 0); im[i] = 0; }
  fft(re, im, N, 0);
  for (int k = 0; k < N / 2; k++) { double mag = hypot(re[k], im[k]); if (mag > 1e-6) printf("bin %3d magnitude %.6f\n", k, mag); }
  fft(re, im, N, 1);
  double err = 0;
  for (int i = 0; i < N; i++) err = fmax(err, fabs(re[i] - (sin(2 * M_PI * 5 * i / N) + 0.5 * cos(2 * M_PI * 20 * i / N) + (i % 16 == 0 ? 1 : 0))));
  printf("inverse max error below 1e-12: %d\n", err < 1e-12);
  double x = 2; for (int i = 0; i < 6; i++) { x = 0.5 * (x + 2 / x); printf("newton %d %.17g\n", i, x); }
  double coef[] = {1, -3, 0.5, 2, -0.25};
  for (double t = -2; t <= 2; t += 0.8) { double y = 0; for (int i = 0; i < 5; i++) y = y * t + coef[i]; printf("p(%.1f) = %.10f\n", t, y); }
  double e = 0, term = 1; for (int k = 0; k < 20; k++) { e += term; term /= k + 1; }
  double pi = 0; for (int k = 0; k < 100000; k++) pi += (k % 2 ? -4.0 : 4.0) / (2 * k + 1);
  printf("e %.15f pi(leibniz) %.10f\n", e, pi);
  int n = 1000; double h = 4.0 / n, trap = (f(-2) + f(2)) / 2, simp = f(-2) + f(2);
  for (int i = 1; i < n; i++) { trap += f(-2 + i * h); simp += (i % 2 ? 4 : 2) * f(-2 + i * h); }
  printf("integral trapezoid %.12f simpson %.12f\n", trap * h, simp * h / 3);
  double yv = 1, tv = 0, dt = 0.01;
  for (int i = 0; i < 200; i++) {
    double k1 = -2 * tv * yv, k2 = -2 * (tv + dt / 2) * (yv + dt / 2 * k1), k3 = -2 * (tv + dt / 2) * (yv + dt / 2 * k2), k4 = -2 * (tv + dt) * (yv + dt * k3);
    yv += dt / 6 * (k1 + 2 * k2 + 2 * k3 + k4); tv += dt;
  }
  printf("rk4 y(2) %.12f exact %.12f\n", yv, exp(-4.0));
  return 0;
}
