/* Catching a stack overflow: runaway recursion faults at the end of the stack; the SIGSEGV handler runs on
   an alternate signal stack (sigaltstack + SA_ONSTACK), sees itself on it, and siglongjmps back; then
   SS_DISABLE, EPERM while on the stack, ENOMEM for a tiny stack, and a handler without SA_ONSTACK.
   SPDX-License-Identifier: MIT */
#include <stdio.h>
#include <stdlib.h>
#include <signal.h>
#include <setjmp.h>
#include <string.h>
#include <errno.h>

static sigjmp_buf back;
static char *alt;
static size_t altsz = 1 << 16;
static volatile int on_alt, in_range, perm_errno, uc_flags;
static long recurse(long n) { volatile char pad[256]; pad[0] = (char)n; return recurse(n + 1) + pad[0]; }
static void segv(int sig, siginfo_t *si, void *ucv) {
  stack_t cur; sigaltstack(NULL, &cur);
  on_alt = (cur.ss_flags & SS_ONSTACK) != 0;
  char here; in_range = &here > alt && &here < alt + altsz;
  stack_t again = {.ss_sp = alt, .ss_size = altsz, .ss_flags = 0};
  perm_errno = sigaltstack(&again, NULL) == -1 ? errno : 0;
  uc_flags = ((ucontext_t *)ucv)->uc_stack.ss_flags;
  (void)sig; (void)si;
  siglongjmp(back, 1);
}
static volatile int plain_seen;
static void usr1(int s) { char here; plain_seen = !(&here > alt && &here < alt + altsz); (void)s; }

int main(void) {
  stack_t st, old;
  sigaltstack(NULL, &old); printf("initial: flags=%d (SS_DISABLE=%d) size=%zu\n", old.ss_flags, SS_DISABLE, old.ss_size);
  alt = malloc(altsz);
  st.ss_sp = alt; st.ss_size = 1024; st.ss_flags = 0;
  printf("tiny stack: %d errno=%s\n", sigaltstack(&st, NULL), errno == ENOMEM ? "ENOMEM" : "other");
  st.ss_flags = 99; st.ss_size = altsz; printf("bad flags: %d errno=%s\n", sigaltstack(&st, NULL), errno == EINVAL ? "EINVAL" : "other");
  st.ss_flags = 0; printf("install: %d\n", sigaltstack(&st, &old));
  sigaltstack(NULL, &old); printf("now: flags=%d size=%zu same=%d\n", old.ss_flags, old.ss_size, old.ss_sp == alt);
  struct sigaction sa; memset(&sa, 0, sizeof sa); sa.sa_sigaction = segv; sa.sa_flags = SA_SIGINFO | SA_ONSTACK | SA_NODEFER;
  sigaction(SIGSEGV, &sa, NULL);
  signal(SIGUSR1, usr1); raise(SIGUSR1); printf("handler without SA_ONSTACK on the normal stack: %d\n", plain_seen);
  for (int i = 0; i < 2; i++) {
    if (sigsetjmp(back, 1) == 0) { recurse(0); printf("not reached\n"); }
    printf("overflow %d caught: on_alt=%d in_range=%d eperm=%d uc_stack.flags=%d\n", i, on_alt, in_range, perm_errno == EPERM, uc_flags);
  }
  st.ss_flags = SS_DISABLE; printf("disable: %d\n", sigaltstack(&st, NULL));
  sigaltstack(NULL, &old); printf("after disable: flags=%d size=%zu\n", old.ss_flags, old.ss_size);
  fflush(stdout);
  recurse(0);
  return 0;
}
