/* Memory-mapped files: MAP_SHARED writes reach the file (msync, then read back), MAP_PRIVATE copies do not,
   a mapping past the end of the file, ftruncate to grow then map, mmap of /dev/zero, madvise, mincore-free.
   SPDX-License-Identifier: MIT */
#define _GNU_SOURCE
#include <stdio.h>
#include <string.h>
#include <errno.h>
#include <fcntl.h>
#include <unistd.h>
#include <sys/mman.h>
#include <sys/stat.h>

int main(void) {
  int fd = open("map.dat", O_RDWR | O_CREAT | O_TRUNC, 0644);
  const char *text = "The quick brown fox jumps over the lazy dog.\n";
  for (int i = 0; i < 100; i++) write(fd, text, strlen(text));
  struct stat st; fstat(fd, &st); printf("size=%lld\n", (long long)st.st_size);
  char *p = mmap(NULL, st.st_size, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
  if (p == MAP_FAILED) { printf("mmap failed %d\n", errno); return 1; }
  int lines = 0; for (off_t i = 0; i < st.st_size; i++) lines += p[i] == '\n';
  printf("lines via map=%d first=%.9s\n", lines, p);
  memcpy(p + 4, "QUICK", 5); p[st.st_size - 1] = '!';
  printf("msync=%d\n", msync(p, st.st_size, MS_SYNC));
  char buf[16], last; pread(fd, buf, 9, 0); pread(fd, &last, 1, st.st_size - 1);
  printf("file after shared write: %.9s last=%c\n", buf, last);
  munmap(p, st.st_size);
  char *q = mmap(NULL, st.st_size, PROT_READ | PROT_WRITE, MAP_PRIVATE, fd, 0);
  memcpy(q, "PRIVATE", 7); pread(fd, buf, 7, 0); printf("private copy=%.7s file=%.7s\n", q, buf); munmap(q, st.st_size);
  char *r = mmap(NULL, 4096, PROT_READ, MAP_SHARED, fd, 0); pwrite(fd, "XY", 2, 0); printf("write after map seen: %.2s\n", r);
  /* without msync: a read() sees the mapping's bytes at once (one page cache) */
  char *s2 = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0); s2[10] = '#'; pread(fd, buf, 1, 10); printf("read sees store: %c\n", buf[0]);
  int g = open("grow.dat", O_RDWR | O_CREAT | O_TRUNC, 0644); ftruncate(g, 10000);
  char *gp = mmap(NULL, 10000, PROT_READ | PROT_WRITE, MAP_SHARED, g, 0); strcpy(gp + 9000, "tail text"); munmap(gp, 10000);
  char tb[10], z0; pread(g, tb, 9, 9000); pread(g, &z0, 1, 5); printf("grown file: %.9s zero=%d\n", tb, z0);
  int z = open("/dev/zero", O_RDWR); char *zp = mmap(NULL, 8192, PROT_READ | PROT_WRITE, MAP_PRIVATE, z, 0);
  printf("dev/zero map zero=%d\n", zp[100] == 0 && zp[8000] == 0); zp[5] = 1;
  printf("madvise=%d\n", madvise(zp, 8192, MADV_DONTNEED));
  errno = 0; void *bad = mmap(NULL, 4096, PROT_READ, MAP_SHARED, 99, 0); printf("bad fd: %s errno=%d\n", bad == MAP_FAILED ? "failed" : "ok", errno);
  int ro = open("map.dat", O_RDONLY); errno = 0; bad = mmap(NULL, 4096, PROT_WRITE, MAP_SHARED, ro, 0);
  printf("write map of read-only fd: %s errno=%d\n", bad == MAP_FAILED ? "failed" : "ok", errno);
  close(fd); close(g); unlink("map.dat"); unlink("grow.dat");
  return 0;
}
