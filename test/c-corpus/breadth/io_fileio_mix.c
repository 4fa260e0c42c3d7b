/* stdio corner cases: fflush(NULL), fscanf on a file with mixed formats, fgetc/feof loop, fputc of all 256
   bytes and read back, a line longer than the buffer with fgets, setvbuf line buffering, fprintf return
   values, freopen of stdout to a file and back through dup, ftell in append mode, fgetpos after ungetc.
   SPDX-License-Identifier: MIT */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int main(void) {
  FILE *f = fopen("mix.txt", "w");
  int r = fprintf(f, "name: %s age: %d ratio: %f\nlist: 1,2,3,4\n", "Ann", 33, 0.625);
  printf("fprintf returned %d\n", r);
  for (int i = 0; i < 300; i++) fputc('a' + i % 26, f);
  fputc('\n', f); fflush(NULL); fclose(f);
  f = fopen("mix.txt", "r"); char name[16]; int age; double ratio; int a, b, c, d;
  r = fscanf(f, "name: %15s age: %d ratio: %lf list: %d,%d,%d,%d", name, &age, &ratio, &a, &b, &c, &d);
  printf("fscanf=%d %s %d %g %d\n", r, name, age, ratio, a + b + c + d);
  fgetc(f); char small[64]; int pieces = 0; size_t total = 0;
  while (fgets(small, sizeof small, f)) { pieces++; total += strlen(small); }
  printf("long line in %d pieces, %zu bytes, feof=%d\n", pieces, total, feof(f) != 0);
  fclose(f);
  f = fopen("bytes.bin", "wb"); for (int i = 0; i < 256; i++) fputc(i, f); fclose(f);
  f = fopen("bytes.bin", "rb"); int ch, n = 0, sum = 0; while ((ch = fgetc(f)) != EOF) { n++; sum += ch; }
  printf("bytes read %d sum %d\n", n, sum); fclose(f);
  f = fopen("mix.txt", "a"); printf("ftell append start=%ld\n", ftell(f)); fputs("more\n", f); printf("ftell after=%ld\n", ftell(f)); fclose(f);
  f = fopen("mix.txt", "r"); fgetc(f); ungetc('Q', f); fpos_t p; fgetpos(f, &p); printf("ftell after ungetc=%ld\n", ftell(f));
  printf("reread=%c\n", fgetc(f)); fsetpos(f, &p); printf("after fsetpos=%c\n", fgetc(f)); fclose(f);
  fflush(stdout);
  int saved = dup(1);
  if (!freopen("redirected.txt", "w", stdout)) return 2;
  printf("this line goes to the file\n"); fflush(stdout);
  dup2(saved, 1); close(saved); clearerr(stdout);
  f = fopen("redirected.txt", "r"); char line[64]; fgets(line, sizeof line, f); fclose(f);
  fprintf(stderr, "from file: %s", line);
  setvbuf(stderr, NULL, _IOLBF, 0);
  fprintf(stderr, "stderr line buffered\n");
  unlink("mix.txt"); unlink("bytes.bin"); unlink("redirected.txt");
  return 0;
}
