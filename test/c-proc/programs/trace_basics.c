// ptrace between processes of the machine: PTRACE_TRACEME and the stop the parent waits for, the
// stop's siginfo, PEEKDATA/POKEDATA, GETREGS/SETREGS (moving the child's PC), PEEKUSER/POKEUSER at
// the pt_regs offsets, single steps, a resume that delivers a signal, PTRACE_ATTACH and DETACH of a
// sleeping process, SEIZE and INTERRUPT, PTRACE_KILL, PTRACE_O_TRACEFORK and EXITKILL, a tracer that
// exits without detaching, and the errors (ESRCH, EPERM, EIO).
// SPDX-License-Identifier: MIT
#define _GNU_SOURCE
#include <errno.h>
#include <signal.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ptrace.h>
#include <sys/wait.h>
#include <unistd.h>
#include <asm/ptrace.h>

static volatile unsigned long shared_word = 0x1122334455667788UL;
static int failures;

#define CHECK(cond, what)                                  \
  do {                                                     \
    if (cond) printf("ok   %s\n", what);                   \
    else {                                                 \
      printf("FAIL %s (line %d)\n", what, __LINE__);       \
      failures++;                                          \
    }                                                      \
  } while (0)

static pid_t traced_child(void (*body)(void)) {
  pid_t p = fork();
  if (p == 0) {
    if (ptrace(PTRACE_TRACEME, 0, 0, 0)) _exit(100);
    raise(SIGSTOP);
    body();
    _exit(0);
  }
  return p;
}

static void exit_with_word(void) { _exit((int)(shared_word & 0xff)); }
static void alt_path(void) { _exit(77); }
static void on_usr1(int sig) { (void)sig; _exit(55); }
static int report_fd = -1;
static void on_usr2(int sig) {
  (void)sig;
  write(report_fd, "u", 1);
  _exit(0);
}
static void usr1_handler_then_pause(void) {
  signal(SIGUSR1, on_usr1);
  raise(SIGSTOP);
  for (;;) pause();
}
static void spin(void) {
  for (volatile unsigned long i = 0;; i++) {
  }
}
static void fork_once(void) {
  pid_t g = fork();
  if (g == 0) _exit(9);
  int st;
  waitpid(g, &st, 0);
  _exit(WEXITSTATUS(st) + 1);
}

int main(void) {
  setvbuf(stdout, NULL, _IONBF, 0);
  int st;
  siginfo_t si;

  /* TRACEME: the raise(SIGSTOP) is a stop the parent waits for */
  pid_t c = traced_child(exit_with_word);
  CHECK(waitpid(c, &st, 0) == c && WIFSTOPPED(st) && WSTOPSIG(st) == SIGSTOP, "TRACEME, raise(SIGSTOP): the parent's waitpid sees the stop");
  CHECK(ptrace(PTRACE_GETSIGINFO, c, 0, &si) == 0 && si.si_signo == SIGSTOP && si.si_code == SI_TKILL && si.si_pid == c, "GETSIGINFO: SIGSTOP from the child itself (SI_TKILL)");
  errno = 0;
  long w = ptrace(PTRACE_PEEKDATA, c, (void *)&shared_word, 0);
  CHECK(errno == 0 && (unsigned long)w == 0x1122334455667788UL, "PEEKDATA reads the child's word");
  CHECK(ptrace(PTRACE_POKEDATA, c, (void *)&shared_word, (void *)0x2aUL) == 0, "POKEDATA writes it");
  errno = 0;
  CHECK(ptrace(PTRACE_PEEKDATA, c, (void *)8, 0) == -1 && errno == EIO, "PEEKDATA of an unmapped address: EIO");
  struct pt_regs regs;
  CHECK(ptrace(PTRACE_GETREGS, c, 0, &regs) == 0 && regs.gpr[1] != 0 && regs.nip != 0, "GETREGS: a stack pointer and a PC");
  errno = 0;
  long nip = ptrace(PTRACE_PEEKUSER, c, (void *)(offsetof(struct pt_regs, nip)), 0);
  CHECK(errno == 0 && (unsigned long)nip == regs.nip, "PEEKUSER at offsetof(nip) gives the same PC");
  errno = 0;
  CHECK(ptrace(PTRACE_PEEKUSER, c, (void *)3, 0) == -1 && errno == EIO, "PEEKUSER at an unaligned offset: EIO");
  CHECK(ptrace(PTRACE_CONT, c, 0, 0) == 0, "CONT");
  CHECK(waitpid(c, &st, 0) == c && WIFEXITED(st) && WEXITSTATUS(st) == 0x2a, "the child exits with the word the parent poked");

  /* SETREGS: the child continues where the parent puts its PC */
  c = traced_child(exit_with_word);
  waitpid(c, &st, 0);
  ptrace(PTRACE_GETREGS, c, 0, &regs);
  regs.nip = (unsigned long)alt_path;
  regs.gpr[12] = (unsigned long)alt_path; /* ELFv2: r12 holds a function's address at its entry */
  CHECK(ptrace(PTRACE_SETREGS, c, 0, &regs) == 0, "SETREGS with a new PC");
  ptrace(PTRACE_CONT, c, 0, 0);
  CHECK(waitpid(c, &st, 0) == c && WIFEXITED(st) && WEXITSTATUS(st) == 77, "the child runs from the new PC (exit 77)");

  /* POKEUSER of the PC, then single steps: each stops with SIGTRAP one instruction later */
  c = traced_child(exit_with_word);
  waitpid(c, &st, 0);
  int steps = 0, advanced = 1;
  unsigned long last = ptrace(PTRACE_PEEKUSER, c, (void *)(offsetof(struct pt_regs, nip)), 0);
  for (int i = 0; i < 20; i++) {
    if (ptrace(PTRACE_SINGLESTEP, c, 0, 0)) break;
    if (waitpid(c, &st, 0) != c || !WIFSTOPPED(st) || WSTOPSIG(st) != SIGTRAP) break;
    unsigned long pc = ptrace(PTRACE_PEEKUSER, c, (void *)(offsetof(struct pt_regs, nip)), 0);
    if (pc == last) advanced = 0;
    last = pc;
    steps++;
  }
  CHECK(steps == 20 && advanced, "20 single steps, each a SIGTRAP stop at a new PC");
  CHECK(ptrace(PTRACE_POKEUSER, c, (void *)(offsetof(struct pt_regs, nip)), (void *)alt_path) == 0 &&
            ptrace(PTRACE_POKEUSER, c, (void *)(offsetof(struct pt_regs, gpr[12])), (void *)alt_path) == 0,
        "POKEUSER of nip and r12");
  ptrace(PTRACE_CONT, c, 0, 0);
  CHECK(waitpid(c, &st, 0) == c && WIFEXITED(st) && WEXITSTATUS(st) == 77, "the child runs from the poked PC");

  /* a resume that delivers a signal: the child's handler runs */
  c = traced_child(usr1_handler_then_pause);
  waitpid(c, &st, 0); /* the first SIGSTOP */
  ptrace(PTRACE_CONT, c, 0, 0);
  waitpid(c, &st, 0); /* the second one, with the handler installed */
  errno = 0;
  CHECK(ptrace(PTRACE_CONT, c, 0, (void *)100) == -1 && errno == EIO, "CONT with signal 100: EIO");
  CHECK(ptrace(PTRACE_CONT, c, 0, (void *)SIGUSR1) == 0, "CONT with SIGUSR1");
  CHECK(waitpid(c, &st, 0) == c && WIFEXITED(st) && WEXITSTATUS(st) == 55, "the handler ran (exit 55)");

  /* the errors: not traced, running, ourselves, twice */
  c = fork();
  if (c == 0) {
    for (;;) pause();
  }
  errno = 0;
  CHECK(ptrace(PTRACE_CONT, c, 0, 0) == -1 && errno == ESRCH, "CONT of a child nobody traces: ESRCH");
  errno = 0;
  CHECK(ptrace(PTRACE_ATTACH, getpid(), 0, 0) == -1 && errno == EPERM, "ATTACH to ourselves: EPERM");
  /* ATTACH to the sleeping child: it stops with SIGSTOP */
  CHECK(ptrace(PTRACE_ATTACH, c, 0, 0) == 0, "ATTACH to a child asleep in pause");
  CHECK(waitpid(c, &st, 0) == c && WIFSTOPPED(st) && WSTOPSIG(st) == SIGSTOP, "it stops with SIGSTOP");
  errno = 0;
  CHECK(ptrace(PTRACE_ATTACH, c, 0, 0) == -1 && errno == EPERM, "ATTACH again: EPERM");
  CHECK(ptrace(PTRACE_DETACH, c, 0, 0) == 0, "DETACH");
  errno = 0;
  CHECK(ptrace(PTRACE_PEEKDATA, c, (void *)&shared_word, 0) == -1 && errno == ESRCH, "PEEKDATA after DETACH: ESRCH");
  CHECK(waitpid(c, &st, WNOHANG) == 0, "the child sleeps on after DETACH");
  kill(c, SIGTERM);
  CHECK(waitpid(c, &st, 0) == c && WIFSIGNALED(st) && WTERMSIG(st) == SIGTERM, "and dies of SIGTERM");

  /* SEIZE (no stop) and INTERRUPT of a running child */
  c = fork();
  if (c == 0) spin();
  CHECK(ptrace(PTRACE_SEIZE, c, 0, 0) == 0, "SEIZE a running child");
  errno = 0;
  CHECK(ptrace(PTRACE_PEEKDATA, c, (void *)&shared_word, 0) == -1 && errno == ESRCH, "PEEKDATA while it runs: ESRCH");
  CHECK(ptrace(PTRACE_INTERRUPT, c, 0, 0) == 0, "INTERRUPT");
  CHECK(waitpid(c, &st, 0) == c && WIFSTOPPED(st) && (st >> 16) == PTRACE_EVENT_STOP, "it stops with PTRACE_EVENT_STOP");
  CHECK(ptrace(PTRACE_KILL, c, 0, 0) == 0, "PTRACE_KILL");
  CHECK(waitpid(c, &st, 0) == c && WIFSIGNALED(st) && WTERMSIG(st) == SIGKILL, "the child dies of SIGKILL");

  /* PTRACE_O_TRACEFORK: the fork is an event stop, the grandchild is traced and starts stopped */
  c = traced_child(fork_once);
  waitpid(c, &st, 0);
  CHECK(ptrace(PTRACE_SETOPTIONS, c, 0, (void *)PTRACE_O_TRACEFORK) == 0, "SETOPTIONS PTRACE_O_TRACEFORK");
  errno = 0;
  CHECK(ptrace(PTRACE_SETOPTIONS, c, 0, (void *)0x40000000UL) == -1 && errno == EINVAL, "SETOPTIONS with an unknown bit: EINVAL");
  ptrace(PTRACE_CONT, c, 0, 0);
  CHECK(waitpid(c, &st, 0) == c && WIFSTOPPED(st) && st >> 8 == (SIGTRAP | (PTRACE_EVENT_FORK << 8)), "the fork stops the child with PTRACE_EVENT_FORK");
  unsigned long gc = 0;
  CHECK(ptrace(PTRACE_GETEVENTMSG, c, 0, &gc) == 0 && gc > (unsigned long)c, "GETEVENTMSG gives the grandchild's pid");
  CHECK(waitpid((pid_t)gc, &st, __WALL) == (pid_t)gc && WIFSTOPPED(st) && WSTOPSIG(st) == SIGSTOP, "the grandchild is traced too and starts stopped");
  ptrace(PTRACE_CONT, (pid_t)gc, 0, 0);
  ptrace(PTRACE_CONT, c, 0, 0);
  CHECK(waitpid((pid_t)gc, &st, __WALL) == (pid_t)gc && WIFEXITED(st) && WEXITSTATUS(st) == 9, "the tracer sees the grandchild exit first");
  /* the child is traced: even SIGCHLD, ignored by default, is a stop its tracer sees */
  CHECK(waitpid(c, &st, 0) == c && WIFSTOPPED(st) && WSTOPSIG(st) == SIGCHLD, "the child stops for the SIGCHLD of the grandchild's exit");
  ptrace(PTRACE_CONT, c, 0, 0);
  CHECK(waitpid(c, &st, 0) == c && WIFEXITED(st) && WEXITSTATUS(st) == 10, "then exits, having reaped it");

  /* a tracer that exits: PTRACE_O_EXITKILL kills its tracee; without it the tracee goes on, and
   * gets the signal it had stopped for (its handler writes 'u') */
  for (int exitkill = 1; exitkill >= 0; exitkill--) {
    int p[2];
    pipe(p);
    report_fd = p[1];
    pid_t tracer = fork();
    if (tracer == 0) {
      pid_t t = fork();
      if (t == 0) {
        close(p[0]);
        signal(SIGUSR2, on_usr2);
        raise(SIGUSR2);
        for (;;) pause();
      }
      ptrace(PTRACE_SEIZE, t, 0, (void *)(exitkill ? PTRACE_O_EXITKILL : 0));
      int s2;
      waitpid(t, &s2, 0); /* the SIGUSR2 stop */
      _exit(0);
    }
    close(p[1]);
    waitpid(tracer, &st, 0);
    char got = 0;
    int n = read(p[0], &got, 1);
    if (exitkill) CHECK(n == 0, "PTRACE_O_EXITKILL: the tracee died with its tracer (its handler never ran)");
    else CHECK(n == 1 && got == 'u', "without it: the tracee runs on and gets the SIGUSR2 it had stopped for");
    close(p[0]);
  }

  /* TRACEME twice */
  c = fork();
  if (c == 0) {
    ptrace(PTRACE_TRACEME, 0, 0, 0);
    errno = 0;
    _exit(ptrace(PTRACE_TRACEME, 0, 0, 0) == -1 && errno == EPERM ? 0 : 1);
  }
  waitpid(c, &st, 0);
  CHECK(WIFEXITED(st) && WEXITSTATUS(st) == 0, "TRACEME twice: EPERM");

  printf("%s\n", failures ? "SOME CHECKS FAILED" : "all checks passed");
  return failures != 0;
}
