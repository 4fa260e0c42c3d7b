/* stdio on files in the working directory: fopen modes, fwrite/fread, fseek/ftell/rewind, fgetpos/fsetpos,
   tmpfile, rename/remove/unlink, fdopen, freopen, setvbuf, ungetc, append mode, ferror/feof/clearerr.
   SPDX-License-Identifier: MIT */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include <fcntl.h>
#include <unistd.h>
#include <sys/stat.h>

int main(void) {
  FILE *f = fopen("data.bin", "wb+");
  if (!f) { perror("fopen"); return 1; }
  int nums[100]; for (int i = 0; i < 100; i++) nums[i] = i * i;
  printf("fwrite=%zu\n", fwrite(nums, sizeof(int), 100, f));
  printf("ftell=%ld\n", ftell(f));
  fseek(f, 40, SEEK_SET); int v; fread(&v, sizeof v, 1, f); printf("nums[10]=%d\n", v);
  fseek(f, -8, SEEK_END); fread(&v, sizeof v, 1, f); printf("nums[98]=%d ftell=%ld\n", v, ftell(f));
  fseek(f, -4, SEEK_CUR); fread(&v, sizeof v, 1, f); printf("again %d\n", v);
  fpos_t pos; fseek(f, 200, SEEK_SET); fgetpos(f, &pos);
  fread(&v, sizeof v, 1, f); printf("at 200: %d\n", v);
  rewind(f); fsetpos(f, &pos); fread(&v, sizeof v, 1, f); printf("fsetpos: %d\n", v);
  fseek(f, 0, SEEK_END); printf("read at end=%zu feof=%d\n", fread(&v, 4, 1, f), feof(f));
  clearerr(f); printf("after clearerr feof=%d\n", feof(f));
  fseek(f, 1000, SEEK_SET); fputc('Z', f); fflush(f);
  struct stat st; stat("data.bin", &st); printf("size after hole=%lld\n", (long long)st.st_size);
  fseek(f, 500, SEEK_SET); printf("hole byte=%d\n", fgetc(f));
  fclose(f);
  f = fopen("text.txt", "w"); fprintf(f, "line one\nline two\n%d %s\n", 42, "end"); fclose(f);
  f = fopen("text.txt", "a"); fputs("appended\n", f); fclose(f);
  f = fopen("text.txt", "r+"); char line[64];
  while (fgets(line, sizeof line, f)) printf("got: %s", line);
  printf("ferror=%d feof=%d\n", ferror(f), feof(f));
  rewind(f); int c = fgetc(f); ungetc('X', f); fgets(line, sizeof line, f); printf("ungetc: %c then [%s]\n", c, line);
  fseek(f, 0, SEEK_SET); fputs("LINE", f); fseek(f, 0, SEEK_SET); fgets(line, sizeof line, f); printf("overwrite: %s", line);
  fclose(f);
  printf("rename=%d\n", rename("text.txt", "moved.txt"));
  printf("fopen old=%p errno=%s\n", (void *)fopen("text.txt", "r"), strerror(errno));
  f = fopen("moved.txt", "r"); fseek(f, 0, SEEK_END); printf("moved size=%ld\n", ftell(f)); fclose(f);
  printf("remove=%d unlink=%d unlink again=%d errno=%d\n", remove("moved.txt"), unlink("data.bin"), unlink("data.bin"), errno);
  FILE *t = tmpfile(); fputs("temporary contents", t); rewind(t); fgets(line, sizeof line, t);
  printf("tmpfile: %s\n", line); fclose(t);
  int fd = open("fd.txt", O_CREAT | O_RDWR | O_TRUNC, 0644);
  FILE *g = fdopen(fd, "w+"); setvbuf(g, NULL, _IOFBF, 16);
  for (int i = 0; i < 10; i++) fprintf(g, "%d,", i);
  fflush(g); printf("lseek via fd=%ld\n", (long)lseek(fd, 0, SEEK_CUR));
  rewind(g); fgets(line, sizeof line, g); printf("fdopen read: %s\n", line); fclose(g);
  printf("fd closed: write=%zd errno=%d\n", write(fd, "x", 1), errno);
  FILE *h = freopen("fd.txt", "r", stdin); printf("freopen stdin ok=%d\n", h == stdin);
  int a, b; scanf("%d,%d,", &a, &b); printf("scanned from reopened stdin %d %d\n", a, b);
  f = fopen("nonexistent/dir/file", "w"); printf("fopen bad path: %s errno=%d\n", f ? "opened" : "NULL", errno);
  f = fopen("fd.txt", "rx"); printf("mode with x: %s\n", f ? "opened" : "NULL"); if (f) fclose(f);
  f = fopen("fd.txt", "wx"); printf("wx existing: %s errno=%d\n", f ? "opened" : "NULL", errno);
  char *mem; size_t msz; FILE *ms = open_memstream(&mem, &msz);
  fprintf(ms, "memstream %d %s", 7, "ok"); fclose(ms); printf("[%s] %zu\n", mem, msz); free(mem);
  char fbuf[32] = "10 20 30"; FILE *fm = fmemopen(fbuf, strlen(fbuf), "r");
  int x, y, z; fscanf(fm, "%d %d %d", &x, &y, &z); fclose(fm); printf("fmemopen %d\n", x + y + z);
  unlink("fd.txt");
  return 0;
}
