/* Reverse-complement (Benchmarks Game style) of a FASTA file on stdin: fread into a growing buffer,
   complement table, 60-column output with fwrite; then k-nucleotide frequencies of the sequence.
   SPDX-License-Identifier: MIT */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static char comp[256];
static void emit(char *seq, size_t n) {
  for (size_t i = 0, j = n ? n - 1 : 0; n && i < j; i++, j--) { char t = comp[(unsigned char)seq[i]]; seq[i] = comp[(unsigned char)seq[j]]; seq[j] = t; }
  if (n % 2) seq[n / 2] = comp[(unsigned char)seq[n / 2]];
  for (size_t i = 0; i < n; i += 60) { fwrite(seq + i, 1, n - i < 60 ? n - i : 60, stdout); putchar('\n'); }
}

int main(void) {
  const char *from = "ACGTUMRWSYKVHDBN", *to = "TGCAAKYWSRMBDHVN";
  for (int i = 0; i < 256; i++) comp[i] = (char)i;
  for (int i = 0; from[i]; i++) { comp[(unsigned char)from[i]] = to[i]; comp[(unsigned char)from[i] + 32] = to[i]; }
  size_t cap = 1024, len = 0, got; char *in = malloc(cap);
  while ((got = fread(in + len, 1, cap - len, stdin)) > 0) { len += got; if (len == cap) in = realloc(in, cap *= 2); }
  char *seq = malloc(len + 1); size_t sn = 0; char *all = malloc(len + 1); size_t an = 0;
  for (size_t i = 0; i < len;) {
    size_t e = i; while (e < len && in[e] != '\n') e++;
    if (in[i] == '>') { if (sn) emit(seq, sn); sn = 0; fwrite(in + i, 1, e - i, stdout); putchar('\n'); }
    else for (size_t k = i; k < e; k++) { seq[sn++] = in[k]; all[an++] = in[k] & ~32; }
    i = e + 1;
  }
  if (sn) emit(seq, sn);
  for (int k = 1; k <= 2; k++) {
    long counts[16][16] = {{0}}; const char *nuc = "ACGT"; long total = 0;
    for (size_t i = 0; i + k <= an; i++) {
      const char *a = strchr(nuc, all[i]), *b = k == 2 ? strchr(nuc, all[i + 1]) : nuc;
      if (!a || !b) continue; counts[a - nuc][b - nuc]++; total++;
    }
    for (int a = 0; a < 4; a++) for (int b = 0; b < (k == 2 ? 4 : 1); b++)
      if (counts[a][b]) printf("%c%s %.3f\n", nuc[a], k == 2 ? (char[]){nuc[b], 0} : "", 100.0 * counts[a][b] / total);
  }
  return 0;
}
