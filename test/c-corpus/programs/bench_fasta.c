// Benchmark-game style fasta: repeats a DNA sequence and generates random ones from cumulative
// probability tables with the benchmark's linear congruential generator; 60-column lines.
// args: 1000
// SPDX-License-Identifier: MIT
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define IM 139968
#define IA 3877
#define IC 29573
static long last = 42;
static double gen_random(double max) { last = (last * IA + IC) % IM; return max * (double)last / IM; }
struct aminoacid { char c; double p; };

static void repeat(const char *s, int n) {
  int len = (int)strlen(s), pos = 0;
  char line[61];
  while (n > 0) {
    int l = n < 60 ? n : 60;
    for (int i = 0; i < l; i++) { line[i] = s[pos]; if (++pos == len) pos = 0; }
    line[l] = '\n';
    fwrite(line, 1, (size_t)l + 1, stdout);
    n -= l;
  }
}
static void random_seq(struct aminoacid *g, int count, int n) {
  double cp = 0;
  for (int i = 0; i < count; i++) { cp += g[i].p; g[i].p = cp; }
  char line[61];
  while (n > 0) {
    int l = n < 60 ? n : 60;
    for (int i = 0; i < l; i++) { double r = gen_random(1.0); int k = 0; while (k < count - 1 && r >= g[k].p) k++; line[i] = g[k].c; }
    line[l] = '\n';
    fwrite(line, 1, (size_t)l + 1, stdout);
    n -= l;
  }
}

int main(int argc, char **argv) {
  int n = argc > 1 ? atoi(argv[1]) : 1000;
  const char *alu = "GGCCGGGCGCGGTGGCTCACGCCTGTAATCCCAGCACTTTGGGAGGCCGAGGCGGGCGGATCACCTGAGGTCAGGAGTTCGAGACCAGCCTGGCCAACATGGTGAAACCCCGTCTCTACTAAAAATACAAAAATTAGCCGGG";
  struct aminoacid iub[] = {{'a', 0.27}, {'c', 0.12}, {'g', 0.12}, {'t', 0.27}, {'B', 0.02}, {'D', 0.02}, {'H', 0.02}, {'K', 0.02},
                            {'M', 0.02}, {'N', 0.02}, {'R', 0.02}, {'S', 0.02}, {'V', 0.02}, {'W', 0.02}, {'Y', 0.02}};
  struct aminoacid homo[] = {{'a', 0.3029549426680}, {'c', 0.1979883004921}, {'g', 0.1975473066391}, {'t', 0.3015094502008}};
  printf(">ONE Homo sapiens alu\n"); repeat(alu, n * 2);
  printf(">TWO IUB ambiguity codes\n"); random_seq(iub, 15, n * 3);
  printf(">THREE Homo sapiens frequency\n"); random_seq(homo, 4, n * 5);
  return 0;
}
