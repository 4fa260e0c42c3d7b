/* Copies inside the kernel and other file calls: sendfile with and without an offset, copy_file_range,
   posix_fallocate growing a file, flock/lockf, memfd_create as a scratch file, prctl thread names
   (set, then read back; long names cut to 15 bytes), getpriority/setpriority/nice.
   SPDX-License-Identifier: MIT */
#define _GNU_SOURCE
#include <stdio.h>
#include <string.h>
#include <errno.h>
#include <fcntl.h>
#include <unistd.h>
#include <sys/file.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/sendfile.h>
#include <sys/stat.h>

static long size_of(int fd) { struct stat st; fstat(fd, &st); return (long)st.st_size; }

int main(void) {
  int src = open("src.txt", O_CREAT | O_RDWR | O_TRUNC, 0644);
  for (int i = 0; i < 50; i++) dprintf(src, "line %02d of the source file\n", i);
  printf("source size=%ld\n", size_of(src));
  int dst = open("dst.txt", O_CREAT | O_RDWR | O_TRUNC, 0644);
  lseek(src, 0, SEEK_SET);
  ssize_t n = sendfile(dst, src, NULL, 100); printf("sendfile=%zd src pos=%ld\n", n, (long)lseek(src, 0, SEEK_CUR));
  off_t off = 500; n = sendfile(dst, src, &off, 60); printf("sendfile at 500=%zd off now=%ld src pos kept=%ld\n", n, (long)off, (long)lseek(src, 0, SEEK_CUR));
  n = sendfile(dst, src, &off, 100000); printf("sendfile to the end=%zd off=%ld\n", n, (long)off);
  errno = 0; n = sendfile(dst, 99, NULL, 10); int se = errno; printf("sendfile bad fd=%zd errno=%d\n", n, se);
  printf("dst size=%ld\n", size_of(dst));
  loff_t in = 28, out = 0; int cp = open("copy.txt", O_CREAT | O_RDWR | O_TRUNC, 0644);
  n = copy_file_range(src, &in, cp, &out, 56, 0); printf("copy_file_range=%zd in=%ld out=%ld\n", n, (long)in, (long)out);
  errno = 0; n = copy_file_range(src, &in, cp, &out, 10, 1); int ce = errno; printf("bad flags=%zd errno=%d\n", n, ce);
  char buf[80] = ""; pread(cp, buf, 56, 0); printf("copied: %.27s|%.27s\n", buf, buf + 28);
  printf("posix_fallocate=%d size=%ld\n", posix_fallocate(cp, 0, 4096), size_of(cp));
  printf("posix_fallocate inside=%d size=%ld\n", posix_fallocate(cp, 10, 10), size_of(cp));
  int l1 = flock(src, LOCK_EX), l2 = flock(src, LOCK_UN), l3 = flock(src, LOCK_SH | LOCK_NB);
  printf("flock ex=%d un=%d sh|nb=%d\n", l1, l2, l3);
  int k1 = lockf(src, F_LOCK, 0), k2 = lockf(src, F_TEST, 0);
  printf("lockf=%d test=%d\n", k1, k2);
  int mf = memfd_create("scratch", MFD_CLOEXEC);
  printf("memfd ok=%d cloexec=%d\n", mf >= 0, (fcntl(mf, F_GETFD) & FD_CLOEXEC) != 0);
  write(mf, "in memory only", 14); printf("memfd size=%ld\n", size_of(mf));
  ftruncate(mf, 4); lseek(mf, 0, SEEK_SET); char m[16] = ""; read(mf, m, sizeof m - 1); printf("memfd after truncate=[%s]\n", m);
  prctl(PR_SET_NAME, "worker-1"); char name[16] = ""; prctl(PR_GET_NAME, name); printf("name=%s\n", name);
  prctl(PR_SET_NAME, "a-very-long-thread-name"); prctl(PR_GET_NAME, name); printf("long name=%s len=%zu\n", name, strlen(name));
  /* the starting nice value is inherited from whoever runs the program (a niced test run): only its range */
  errno = 0; int pr = getpriority(PRIO_PROCESS, 0); int pe = errno; printf("priority in range=%d errno=%d\n", pr >= -20 && pr <= 19, pe);
  int s1 = setpriority(PRIO_PROCESS, 0, 5); printf("setpriority=%d now=%d\n", s1, getpriority(PRIO_PROCESS, 0));
  errno = 0; int nv = nice(3); printf("nice(3)=%d errno=%d\n", nv, errno);
  int s2 = setpriority(PRIO_PROCESS, 0, 50); printf("setpriority clamp=%d now=%d\n", s2, getpriority(PRIO_PROCESS, 0));
  errno = 0; int bw = getpriority(7, 0); printf("bad which=%d errno=%d\n", bw, errno);
  unlink("src.txt"); unlink("dst.txt"); unlink("copy.txt");
  return 0;
}
