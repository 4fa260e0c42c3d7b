// Guard pages and fault handlers, as garbage collectors, JITs and stack checkers use them: a store
// to a PROT_READ page and a load from a PROT_NONE page caught by a SA_SIGINFO handler that reads
// si_code (SEGV_ACCERR) and si_addr (as an offset into the mapping), makes the page accessible with
// mprotect and returns so the access is retried; an access to unmapped memory (SEGV_MAPERR) left
// with siglongjmp; a store to a function's code; counts of faults per page.
// qemu-differs: qemu-user reports every SIGSEGV as SEGV_MAPERR; Linux says SEGV_ACCERR where a mapping exists
// SPDX-License-Identifier: MIT
#define _GNU_SOURCE
#include <setjmp.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

static char *region;
/* every access through a volatile pointer: the fault must happen where the program says */
static volatile char *vr;
static size_t page;
static volatile int faults, last_code;
static volatile long last_off;
static sigjmp_buf out;

static void on_segv(int sig, siginfo_t *si, void *uc) {
  (void)sig;
  (void)uc;
  faults++;
  last_code = si->si_code;
  char *a = si->si_addr;
  last_off = a >= region && a < region + 8 * page ? a - region : -1;
  if (last_off >= 0) {
    char *pg = region + ((a - region) / page) * page;
    if (mprotect(pg, page, PROT_READ | PROT_WRITE) == 0) return; /* retry the access */
  }
  siglongjmp(out, 1);
}

static const char *code(int c) {
  return c == SEGV_MAPERR ? "SEGV_MAPERR" : c == SEGV_ACCERR ? "SEGV_ACCERR" : "other";
}

int main(void) {
  page = (size_t)sysconf(_SC_PAGESIZE);
  struct sigaction sa;
  memset(&sa, 0, sizeof sa);
  sa.sa_sigaction = on_segv;
  sa.sa_flags = SA_SIGINFO;
  sigaction(SIGSEGV, &sa, NULL);
  region = mmap(NULL, 8 * page, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  mprotect(region, page, PROT_READ);
  vr = region;

  vr[3 * page + 100] = 42; /* PROT_NONE page: fault, handler opens it, retried */
  printf("store to PROT_NONE: faults %d %s offset in page %ld, value %d\n", faults, code(last_code),
         last_off % (long)page, vr[3 * page + 100]);
  char c = vr[10];
  printf("load from PROT_READ: faults %d value %d\n", faults, c);
  vr[20] = 7; /* PROT_READ page: SEGV_ACCERR */
  printf("store to PROT_READ: faults %d %s offset %ld value %d\n", faults, code(last_code), last_off % (long)page,
         vr[20]);
  long sum = 0;
  for (int p = 0; p < 8; p++) sum += vr[p * page + 1]; /* opens the untouched pages one by one */
  printf("walk all pages: faults %d sum %ld\n", faults, sum);

  munmap(region + 6 * page, 2 * page);
  if (sigsetjmp(out, 1) == 0) {
    vr[7 * page] = 1;
    printf("no fault?\n");
  } else
    printf("unmapped: %s, page %ld\n", code(last_code), last_off / (long)page);
  if (sigsetjmp(out, 1) == 0) {
    *(volatile int *)16 = 1;
    printf("no fault?\n");
  } else
    printf("near NULL: %s\n", code(last_code));
  if (sigsetjmp(out, 1) == 0) {
    *(volatile char *)(void *)main = 0;
    printf("no fault?\n");
  } else
    printf("store to code: %s\n", code(last_code));
  printf("total faults %d\n", faults);
  return 0;
}
