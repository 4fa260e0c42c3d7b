// POSIX file calls in the working directory: open with O_CREAT/O_TRUNC/O_APPEND/O_EXCL, write, read,
// lseek (incl. a hole past the end), pread/pwrite, fstat/stat sizes, dup/dup2, a pipe within one
// process, mkdir/rmdir, readdir of a directory the program made (names sorted: the order of readdir
// is the file system's), access, unlink, and the errno of each failing call.
// SPDX-License-Identifier: MIT
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include <fcntl.h>
#include <unistd.h>
#include <dirent.h>
#include <sys/stat.h>

static int cmp(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

int main(void) {
  int fd = open("data.bin", O_CREAT | O_TRUNC | O_RDWR, 0644);
  printf("open fd>=3 %d\n", fd >= 3);
  printf("write %zd\n", write(fd, "0123456789", 10));
  printf("lseek end %ld, set 4 %ld\n", (long)lseek(fd, 0, SEEK_END), (long)lseek(fd, 4, SEEK_SET));
  char buf[64] = {0};
  printf("read %zd [%s]\n", read(fd, buf, 3), buf);
  printf("lseek cur %ld\n", (long)lseek(fd, 0, SEEK_CUR));
  printf("hole: lseek %ld write %zd\n", (long)lseek(fd, 20, SEEK_SET), write(fd, "END", 3));
  struct stat st;
  fstat(fd, &st);
  printf("fstat size %ld regular %d\n", (long)st.st_size, S_ISREG(st.st_mode));
  memset(buf, 'x', sizeof buf);
  ssize_t n = pread(fd, buf, sizeof buf, 0);
  printf("pread %zd:", n); for (ssize_t i = 0; i < n; i++) printf(" %02x", (unsigned char)buf[i]); printf("\n");
  printf("pwrite %zd, offset unchanged %ld\n", pwrite(fd, "AB", 2, 1), (long)lseek(fd, 0, SEEK_CUR));
  int fd2 = dup(fd);
  lseek(fd2, 0, SEEK_SET);
  printf("dup shares offset: %ld\n", (long)lseek(fd, 0, SEEK_CUR));
  close(fd2);
  close(fd);
  fd = open("data.bin", O_WRONLY | O_APPEND);
  write(fd, "++", 2);
  close(fd);
  stat("data.bin", &st);
  printf("after append size %ld\n", (long)st.st_size);
  errno = 0;
  printf("O_EXCL on existing: %d errno %s\n", open("data.bin", O_CREAT | O_EXCL | O_WRONLY, 0600), errno == EEXIST ? "EEXIST" : strerror(errno));
  int p[2];
  pipe(p);
  write(p[1], "through the pipe", 16);
  close(p[1]);
  memset(buf, 0, sizeof buf);
  n = read(p[0], buf, sizeof buf);
  printf("pipe read %zd [%s], then %zd (EOF)\n", n, buf, read(p[0], buf, 1));
  close(p[0]);
  int saved = dup(1);
  fd = open("redirect.txt", O_CREAT | O_WRONLY | O_TRUNC, 0644);
  fflush(stdout);
  dup2(fd, 1);
  printf("this goes to redirect.txt\n");
  fflush(stdout);
  dup2(saved, 1);
  close(fd); close(saved);
  fd = open("redirect.txt", O_RDONLY);
  memset(buf, 0, sizeof buf);
  read(fd, buf, sizeof buf - 1);
  close(fd);
  printf("redirected text: %s", buf);
  printf("mkdir %d, again %d errno %s\n", mkdir("subdir", 0755), mkdir("subdir", 0755), errno == EEXIST ? "EEXIST" : "?");
  const char *files[] = {"subdir/zeta", "subdir/alpha", "subdir/mid", "subdir/Beta"};
  for (int i = 0; i < 4; i++) { fd = open(files[i], O_CREAT | O_WRONLY, 0600); write(fd, files[i], strlen(files[i])); close(fd); }
  DIR *d = opendir("subdir");
  char *names[16]; int count = 0;
  for (struct dirent *e; (e = readdir(d)) != NULL;) names[count++] = strdup(e->d_name);
  closedir(d);
  qsort(names, (size_t)count, sizeof names[0], cmp);
  printf("readdir (sorted):"); for (int i = 0; i < count; i++) { printf(" %s", names[i]); free(names[i]); } printf("\n");
  printf("access F_OK %d R_OK %d missing %d\n", access("subdir/mid", F_OK), access("subdir/mid", R_OK), access("subdir/none", F_OK));
  errno = 0;
  printf("rmdir non-empty %d errno %s\n", rmdir("subdir"), errno == ENOTEMPTY || errno == EEXIST ? "ENOTEMPTY" : strerror(errno));
  for (int i = 0; i < 4; i++) unlink(files[i]);
  printf("rmdir %d, unlink %d %d, unlink missing %d errno %s\n", rmdir("subdir"), unlink("data.bin"), unlink("redirect.txt"), unlink("data.bin"), errno == ENOENT ? "ENOENT" : "?");
  errno = 0;
  printf("read bad fd %zd errno %s, close bad fd %d\n", read(99, buf, 1), errno == EBADF ? "EBADF" : "?", close(99));
  return 0;
}
