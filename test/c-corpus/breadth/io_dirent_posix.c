/* A directory tree in the working directory: mkdir, opendir/readdir (sorted), scandir with alphasort,
   stat/lstat modes and sizes, symlink/readlink, link, chmod with umask, access, truncate, rmdir, chdir.
   SPDX-License-Identifier: MIT */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <unistd.h>
#include <sys/stat.h>

static int cmp(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }
static int not_dot(const struct dirent *d) { return d->d_name[0] != '.'; }

int main(void) {
  umask(022);
  printf("mkdir=%d again=%d errno=%d\n", mkdir("tree", 0755), mkdir("tree", 0755), errno);
  mkdir("tree/sub", 0700);
  const char *names[] = {"tree/zeta.txt", "tree/alpha.txt", "tree/mid.dat", "tree/sub/inner"};
  for (int i = 0; i < 4; i++) { FILE *f = fopen(names[i], "w"); for (int k = 0; k <= i * 10; k++) fputc('a' + k % 26, f); fclose(f); }
  printf("symlink=%d link=%d\n", symlink("alpha.txt", "tree/link"), link("tree/mid.dat", "tree/hard"));
  DIR *d = opendir("tree"); char *list[32]; int n = 0; struct dirent *e;
  while ((e = readdir(d))) {
    char t = e->d_type == DT_DIR ? 'd' : e->d_type == DT_REG ? 'f' : e->d_type == DT_LNK ? 'l' : '?';
    char buf[300]; snprintf(buf, sizeof buf, "%s:%c", e->d_name, t); list[n++] = strdup(buf);
  }
  closedir(d);
  qsort(list, n, sizeof *list, cmp);
  for (int i = 0; i < n; i++) { printf("%s ", list[i]); free(list[i]); }
  printf("\n");
  struct dirent **nl; int m = scandir("tree", &nl, not_dot, alphasort);
  printf("scandir=%d:", m); for (int i = 0; i < m; i++) { printf(" %s", nl[i]->d_name); free(nl[i]); } printf("\n"); free(nl);
  struct stat st;
  stat("tree/link", &st); printf("stat link: size=%lld reg=%d\n", (long long)st.st_size, S_ISREG(st.st_mode));
  lstat("tree/link", &st); printf("lstat link: size=%lld lnk=%d\n", (long long)st.st_size, S_ISLNK(st.st_mode));
  stat("tree/hard", &st); printf("hard: nlink=%lu size=%lld\n", (unsigned long)st.st_nlink, (long long)st.st_size);
  stat("tree/sub", &st); printf("sub: dir=%d mode=%o\n", S_ISDIR(st.st_mode), st.st_mode & 07777);
  stat("tree/zeta.txt", &st); printf("zeta: mode=%o\n", st.st_mode & 07777);
  chmod("tree/zeta.txt", 0600); stat("tree/zeta.txt", &st); printf("after chmod: %o\n", st.st_mode & 07777);
  char rl[64]; ssize_t k = readlink("tree/link", rl, sizeof rl - 1); rl[k < 0 ? 0 : k] = 0;
  printf("readlink=%zd [%s]\n", k, rl);
  printf("readlink on file=%zd errno=%d\n", readlink("tree/mid.dat", rl, sizeof rl), errno);
  printf("access R=%d X=%d missing=%d errno=%d\n", access("tree/alpha.txt", R_OK), access("tree/alpha.txt", X_OK) == 0,
         access("tree/none", F_OK), errno);
  truncate("tree/alpha.txt", 100); stat("tree/alpha.txt", &st); printf("truncate up: %lld\n", (long long)st.st_size);
  truncate("tree/alpha.txt", 3); stat("tree/alpha.txt", &st); printf("truncate down: %lld\n", (long long)st.st_size);
  printf("rmdir nonempty=%d errno=%d\n", rmdir("tree"), errno);
  printf("chdir=%d\n", chdir("tree/sub"));
  FILE *f = fopen("inner", "r"); char buf[64] = ""; fgets(buf, sizeof buf, f); fclose(f); printf("inner=[%s]\n", buf);
  printf("chdir ..=%d\n", chdir("../.."));
  int fd = open("tree", O_RDONLY | O_DIRECTORY); printf("openat=%d\n", openat(fd, "mid.dat", O_RDONLY) >= 0);
  printf("fstatat=%d\n", fstatat(fd, "sub", &st, 0) == 0 && S_ISDIR(st.st_mode));
  printf("unlinkat=%d\n", unlinkat(fd, "hard", 0)); close(fd);
  printf("renamed dir=%d\n", rename("tree/sub", "tree/sub2"));
  printf("opendir missing: %s errno=%d\n", opendir("nope") ? "ok" : "NULL", errno);
  printf("opendir file: %s errno=%d\n", opendir("tree/mid.dat") ? "ok" : "NULL", errno);
  const char *rm[] = {"tree/sub2/inner", "tree/zeta.txt", "tree/alpha.txt", "tree/mid.dat", "tree/link"};
  for (int i = 0; i < 5; i++) printf("%d", unlink(rm[i]));
  printf(" rmdir=%d %d\n", rmdir("tree/sub2"), rmdir("tree"));
  return 0;
}
