// Scatter/gather and descriptor plumbing as a stranger's POSIX program uses it: writev/readv,
// pwritev/preadv, pipe2 with O_CLOEXEC/O_NONBLOCK, dup3, fcntl flags and record locks, isatty and
// tcgetattr on non-terminals, ftruncate/fstat sizes, utimensat with fixed times, lseek SEEK_DATA/HOLE.
// SPDX-License-Identifier: MIT
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/uio.h>
#include <termios.h>
#include <unistd.h>

static void show(const char *what, long r) {
  if (r < 0) printf("%-28s -1 %s\n", what, strerror(errno));
  else printf("%-28s %ld\n", what, r);
}

int main(void) {
  int fd = open("iov.dat", O_RDWR | O_CREAT | O_TRUNC, 0644);
  show("open", fd >= 0 ? 0 : -1);
  char a[] = "alpha-", b[] = "beta-", c[] = "gamma\n";
  struct iovec w[3] = {{a, 6}, {b, 5}, {c, 6}};
  show("writev", writev(fd, w, 3));
  char r1[4], r2[8], r3[16];
  memset(r3, 0, sizeof r3);
  struct iovec r[3] = {{r1, 4}, {r2, 8}, {r3, 16}};
  show("lseek 0", lseek(fd, 0, SEEK_SET));
  long n = readv(fd, r, 3);
  show("readv", n);
  printf("parts [%.4s] [%.8s] [%s]\n", r1, r2, r3);
  char p[] = "PW";
  struct iovec pw = {p, 2};
  show("pwritev at 3", pwritev(fd, &pw, 1, 3));
  char whole[32] = {0};
  struct iovec pr = {whole, sizeof whole - 1};
  show("preadv at 0", preadv(fd, &pr, 1, 0));
  printf("whole [%s]", whole);
  show("offset after p*v", lseek(fd, 0, SEEK_CUR));
  show("readv empty iov", readv(fd, r, 0));
  struct iovec bad = {r1, 4};
  show("readv bad fd", readv(99, &bad, 1));
  show("writev iovcnt -1", writev(fd, w, -1));

  show("ftruncate 100", ftruncate(fd, 100));
  struct stat st;
  fstat(fd, &st);
  printf("size %lld regular %d\n", (long long)st.st_size, S_ISREG(st.st_mode));
  show("SEEK_END -10", lseek(fd, -10, SEEK_END));
  show("SEEK_DATA 0", lseek(fd, 0, SEEK_DATA));
  long hole = lseek(fd, 0, SEEK_HOLE);
  printf("SEEK_HOLE is end %d\n", hole == 100);
  show("SEEK_DATA past end", lseek(fd, 200, SEEK_DATA));
  show("ftruncate 5", ftruncate(fd, 5));
  fstat(fd, &st);
  printf("size %lld\n", (long long)st.st_size);

  struct timespec ts[2] = {{1000000000, 5}, {1234567890, 123456789}};
  show("utimensat", utimensat(AT_FDCWD, "iov.dat", ts, 0));
  stat("iov.dat", &st);
  printf("atime %lld.%09ld mtime %lld.%09ld\n", (long long)st.st_atim.tv_sec, st.st_atim.tv_nsec,
         (long long)st.st_mtim.tv_sec, st.st_mtim.tv_nsec);
  struct timespec om[2] = {{0, UTIME_OMIT}, {42, 0}};
  show("utimensat omit", futimens(fd, om));
  fstat(fd, &st);
  printf("atime %lld mtime %lld\n", (long long)st.st_atim.tv_sec, (long long)st.st_mtim.tv_sec);

  int fl = fcntl(fd, F_GETFL);
  printf("F_GETFL accmode %d append %d\n", fl & O_ACCMODE, !!(fl & O_APPEND));
  show("F_SETFL append", fcntl(fd, F_SETFL, fl | O_APPEND));
  printf("append now %d\n", !!(fcntl(fd, F_GETFL) & O_APPEND));
  write(fd, "Z", 1);
  show("size via SEEK_END", lseek(fd, 0, SEEK_END));
  show("F_GETFD", fcntl(fd, F_GETFD));
  show("F_SETFD cloexec", fcntl(fd, F_SETFD, FD_CLOEXEC));
  show("F_GETFD", fcntl(fd, F_GETFD));

  struct flock lk = {.l_type = F_WRLCK, .l_whence = SEEK_SET, .l_start = 0, .l_len = 10};
  show("F_SETLK wr", fcntl(fd, F_SETLK, &lk));
  struct flock q = {.l_type = F_WRLCK, .l_whence = SEEK_SET, .l_start = 0, .l_len = 0};
  show("F_GETLK", fcntl(fd, F_GETLK, &q));
  printf("F_GETLK type unlck %d\n", q.l_type == F_UNLCK);
  lk.l_type = F_UNLCK;
  show("F_SETLK unlock", fcntl(fd, F_SETLK, &lk));
  show("F_DUPFD >= 10", fcntl(fd, F_DUPFD, 10));
  show("F_DUPFD_CLOEXEC >= 20", fcntl(fd, F_DUPFD_CLOEXEC, 20));
  show("F_GETFD of 20", fcntl(20, F_GETFD));
  show("dup3 to 30 cloexec", dup3(fd, 30, O_CLOEXEC));
  show("F_GETFD of 30", fcntl(30, F_GETFD));
  show("dup3 same fd", dup3(30, 30, 0));
  show("dup2 same fd", dup2(30, 30));
  show("dup3 bad flag", dup3(fd, 31, 12345));

  errno = 0;
  printf("isatty file %d errno %s\n", isatty(fd), strerror(errno));
  struct termios tio;
  show("tcgetattr file", tcgetattr(fd, &tio));

  int pp[2];
  show("pipe2", pipe2(pp, O_CLOEXEC | O_NONBLOCK));
  printf("pipe cloexec %d %d nonblock %d\n", fcntl(pp[0], F_GETFD), fcntl(pp[1], F_GETFD),
         !!(fcntl(pp[0], F_GETFL) & O_NONBLOCK));
  char buf[8];
  show("read empty nonblock pipe", read(pp[0], buf, sizeof buf));
  printf("EAGAIN %d\n", errno == EAGAIN);
  errno = 0;
  printf("isatty pipe %d errno %s\n", isatty(pp[0]), strerror(errno));
  struct iovec two[2] = {{"ab", 2}, {"cd", 2}};
  show("writev pipe", writev(pp[1], two, 2));
  show("F_GETPIPE_SZ", fcntl(pp[0], F_GETPIPE_SZ));
  show("read pipe", read(pp[0], buf, sizeof buf));
  close(pp[1]);
  show("read closed pipe", read(pp[0], buf, sizeof buf));
  show("pipe2 bad flag", pipe2(pp, 1));
  close(fd);
  show("unlink", unlink("iov.dat"));
  return 0;
}
