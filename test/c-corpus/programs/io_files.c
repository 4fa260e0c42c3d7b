// stdio on files the program creates in its working directory: fopen modes w/r/a/r+/w+/rb/wb, fprintf,
// fscanf, fgets, fread/fwrite of binary records, fseek (SEEK_SET/CUR/END) and ftell, rewind, feof and
// ferror, ungetc, rename, remove, tmpfile, and reading back what was written.
// SPDX-License-Identifier: MIT
#include <stdio.h>
#include <string.h>
#include <stdlib.h>

struct rec { int id; double value; char name[12]; };

int main(void) {
  FILE *f = fopen("notes.txt", "w");
  if (!f) { perror("fopen w"); return 1; }
  for (int i = 1; i <= 5; i++) fprintf(f, "line %d: %s %.2f\n", i, i % 2 ? "odd" : "even", i * 1.5);
  printf("ftell after write %ld\n", ftell(f));
  fclose(f);
  f = fopen("notes.txt", "a");
  fputs("appended line\n", f);
  fclose(f);
  f = fopen("notes.txt", "r");
  char line[128]; int n = 0;
  while (fgets(line, sizeof line, f)) printf("read %d: %s", ++n, line);
  printf("feof %d ferror %d\n", feof(f) != 0, ferror(f) != 0);
  rewind(f);
  int num; char word[16]; double val;
  int r = fscanf(f, "line %d: %15s %lf", &num, word, &val);
  printf("fscanf r=%d %d %s %.2f\n", r, num, word, val);
  fseek(f, -14, SEEK_END);
  printf("tail from %ld: %s", ftell(f), fgets(line, sizeof line, f));
  fseek(f, 5, SEEK_SET);
  int c = fgetc(f);
  ungetc('#', f);
  printf("char at 5 '%c', after ungetc '%c'\n", c, fgetc(f));
  fseek(f, 3, SEEK_CUR);
  printf("after SEEK_CUR 3: pos %ld char '%c'\n", ftell(f), fgetc(f));
  fclose(f);
  struct rec recs[4] = {{1, 1.5, "one"}, {2, -2.25, "two"}, {3, 1e10, "three"}, {4, 0.0, "four"}};
  f = fopen("records.bin", "wb");
  size_t w = fwrite(recs, sizeof recs[0], 4, f);
  fclose(f);
  f = fopen("records.bin", "r+b");
  fseek(f, (long)sizeof(struct rec) * 2, SEEK_SET);
  struct rec one;
  fread(&one, sizeof one, 1, f);
  printf("wrote %zu records, third: %d %g %s\n", w, one.id, one.value, one.name);
  one.value = 333; strcpy(one.name, "THREE");
  fseek(f, -(long)sizeof one, SEEK_CUR);
  fwrite(&one, sizeof one, 1, f);
  fseek(f, 0, SEEK_END);
  printf("file size %ld\n", ftell(f));
  rewind(f);
  struct rec back[4];
  size_t got = fread(back, sizeof back[0], 10, f);
  printf("read back %zu: %s %g, feof %d\n", got, back[2].name, back[2].value, feof(f) != 0);
  fclose(f);
  printf("rename %d\n", rename("records.bin", "renamed.bin"));
  printf("open old name: %s\n", fopen("records.bin", "r") ? "yes" : "no");
  f = fopen("renamed.bin", "rb"); fseek(f, 0, SEEK_END); printf("renamed size %ld\n", ftell(f)); fclose(f);
  printf("remove %d %d, remove again %d\n", remove("renamed.bin"), remove("notes.txt"), remove("notes.txt"));
  f = fopen("wplus.txt", "w+");
  fprintf(f, "%s", "read after write");
  fseek(f, 5, SEEK_SET);
  fgets(line, sizeof line, f);
  printf("w+ [%s]\n", line);
  fclose(f);
  remove("wplus.txt");
  FILE *t = tmpfile();
  for (int i = 0; i < 1000; i++) fprintf(t, "%d,", i * i);
  long size = ftell(t);
  rewind(t);
  long sum = 0; int x;
  while (fscanf(t, "%d,", &x) == 1) sum += x;
  printf("tmpfile size %ld sum %ld\n", size, sum);
  fclose(t);
  return 0;
}
