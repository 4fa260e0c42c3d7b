/* Assorted libc: rand/srand, random/srandom, drand48/erand48, qsort_r, mkstemp/mkdtemp (names not printed),
   realpath of relative names, fnmatch, glob in a created folder, nftw depth-first, wordexp-free tokenising,
   fwide/wprintf orientation on a file, perror texts, getpagesize-free sysconf checks.
   SPDX-License-Identifier: MIT */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include <fnmatch.h>
#include <glob.h>
#include <ftw.h>
#include <unistd.h>
#include <wchar.h>
#include <limits.h>
#include <sys/stat.h>

static int by_mod(const void *a, const void *b, void *m) { int k = *(int *)m; return (*(const int *)a % k) - (*(const int *)b % k) ?: *(const int *)a - *(const int *)b; }
/* nftw visits in readdir order, which is the file system's: the entries are sorted before printing */
static int visits; static char seen[16][64]; static int dir_after_children = 1;
static int visit(const char *path, const struct stat *st, int flag, struct FTW *f) {
  /* FTW_DEPTH: a directory comes after everything under it */
  if (flag == FTW_DP) for (int i = 0; i < visits; i++) if (strncmp(seen[i], path, strlen(path)) != 0 && strcmp(path, "g") == 0) dir_after_children = 0;
  snprintf(seen[visits++], 64, "%s:%c:%d", path, flag == FTW_D || flag == FTW_DP ? 'd' : 'f', f->level);
  (void)st; return 0;
}
static int cmps(const void *a, const void *b) { return strcmp((const char *)a, (const char *)b); }

int main(void) {
  srand(42); printf("rand:"); for (int i = 0; i < 5; i++) printf(" %d", rand() % 1000); printf("\n");
  srandom(7); printf("random:"); for (int i = 0; i < 5; i++) printf(" %ld", random() % 1000); printf("\n");
  srand48(99); printf("drand48: %.6f %.6f lrand48=%ld mrand48=%ld\n", drand48(), drand48(), lrand48(), mrand48());
  unsigned short xs[3] = {1, 2, 3}; printf("erand48: %.6f nrand48=%ld\n", erand48(xs), nrand48(xs));
  unsigned seed = 5; printf("rand_r: %d %d\n", rand_r(&seed), rand_r(&seed));
  int arr[] = {17, 4, 9, 22, 13, 8, 30, 1}; int k = 5; qsort_r(arr, 8, sizeof(int), by_mod, &k);
  printf("qsort_r:"); for (int i = 0; i < 8; i++) printf(" %d", arr[i]); printf("\n");
  char tmpl[] = "dataXXXXXX"; int fd = mkstemp(tmpl);
  printf("mkstemp fd>=3=%d name len=%zu prefix ok=%d\n", fd >= 3, strlen(tmpl), strncmp(tmpl, "data", 4) == 0);
  write(fd, "hello", 5); struct stat st; fstat(fd, &st); printf("mkstemp mode=%o size=%lld\n", st.st_mode & 0777, (long long)st.st_size);
  close(fd); unlink(tmpl);
  char dtmpl[] = "dirXXXXXX"; char *d = mkdtemp(dtmpl); stat(d, &st); printf("mkdtemp dir=%d mode=%o\n", S_ISDIR(st.st_mode), st.st_mode & 0777);
  mkdir("g", 0755); const char *files[] = {"g/a.c", "g/b.c", "g/c.h", "g/readme", "g/sub"};
  for (int i = 0; i < 4; i++) { FILE *f = fopen(files[i], "w"); fputs("x", f); fclose(f); }
  mkdir("g/sub", 0755); FILE *f = fopen("g/sub/deep.c", "w"); fclose(f);
  glob_t gl; int gr = glob("g/*.c", 0, NULL, &gl); printf("glob=%d n=%zu:", gr, gl.gl_pathc);
  for (size_t i = 0; i < gl.gl_pathc; i++) printf(" %s", gl.gl_pathv[i]); printf("\n"); globfree(&gl);
  gr = glob("g/*/*.c", 0, NULL, &gl); printf("glob2=%d %s\n", gr, gr == 0 ? gl.gl_pathv[0] : "-"); globfree(&gl);
  gr = glob("g/*.zz", 0, NULL, &gl); printf("glob nomatch=%d\n", gr == GLOB_NOMATCH);
  printf("fnmatch: %d %d %d %d %d\n", fnmatch("*.c", "x.c", 0), fnmatch("*.c", "dir/x.c", FNM_PATHNAME) != 0, fnmatch("[a-c]?", "bz", 0),
         fnmatch("*.C", "x.c", FNM_CASEFOLD), fnmatch("\\*", "*", 0));
  nftw("g", visit, 8, FTW_DEPTH | FTW_PHYS);
  printf("nftw visits=%d\n", visits);
  char rp[PATH_MAX]; char cwd[PATH_MAX]; getcwd(cwd, sizeof cwd);
  if (realpath("g/sub/../a.c", rp)) { size_t cl = strlen(cwd); if (cwd[cl - 1] != '/') cl++; /* the cwd differs between runners: only the tail */
    printf("realpath relative to cwd ok=%d tail=%s\n", strncmp(rp, cwd, strlen(cwd)) == 0, rp + cl); }
  errno = 0; printf("realpath missing=%p errno=%d\n", (void *)realpath("g/none/x", rp), errno);
  errno = EACCES; perror("perror test");
  errno = 0; perror("no error");
  printf("sysconf: open_max>=256:%d clk_tck=%ld line_max=%ld arg_max>0:%d\n", sysconf(_SC_OPEN_MAX) >= 256, sysconf(_SC_CLK_TCK),
         sysconf(_SC_LINE_MAX), sysconf(_SC_ARG_MAX) > 0);
  FILE *w = fopen("wide.txt", "w+"); printf("fwide before=%d ", fwide(w, 0)); fwprintf(w, L"%ls %d %lc\n", L"wide", 42, L'Z');
  printf("after=%d byte write fails=%d\n", fwide(w, 0), fputs("x", w) == EOF); rewind(w);
  wchar_t wl[32]; fgetws(wl, 32, w); printf("read back: %ls", wl); fclose(w);
  const char *rm[] = {"g/sub/deep.c", "g/a.c", "g/b.c", "g/c.h", "g/readme", "wide.txt"};
  for (int i = 0; i < 6; i++) unlink(rm[i]);
  rmdir("g/sub"); rmdir("g"); rmdir(d);
  qsort(seen, visits, sizeof seen[0], cmps);
  for (int i = 0; i < visits; i++) printf("%s ", seen[i]);
  printf("\ndirectories after their children: %d\n", dir_after_children);
  return 0;
}
