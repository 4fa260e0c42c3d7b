// System V IPC with IPC_PRIVATE keys, as older servers and textbook exercises use it: a shared
// memory segment seen by a forked child, a semaphore set used as a mutex and a counter, a message
// queue with typed messages, IPC_STAT fields and IPC_RMID; keyed objects (IPC_CREAT|IPC_EXCL),
// attach counts across fork and exit, a read-only attach, semtimedop timeouts, msgrcv type selection.
// SPDX-License-Identifier: MIT
#define _GNU_SOURCE
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/ipc.h>
#include <sys/msg.h>
#include <sys/sem.h>
#include <sys/shm.h>
#include <sys/wait.h>
#include <signal.h>
#include <time.h>
#include <unistd.h>

union semun {
  int val;
  struct semid_ds *buf;
  unsigned short *array;
};

struct msg {
  long mtype;
  char text[32];
};

static void on_segv(int sig) { _exit(100 + sig); }

int main(void) {
  int shm = shmget(IPC_PRIVATE, 8192, IPC_CREAT | 0600);
  printf("shmget ok %d\n", shm >= 0);
  if (shm < 0) {
    printf("errno %s\n", strerror(errno));
    return 1;
  }
  long *mem = shmat(shm, NULL, 0);
  printf("shmat ok %d\n", mem != (void *)-1);
  struct shmid_ds ds;
  shmctl(shm, IPC_STAT, &ds);
  printf("segsz %zu nattch %lu mode %o\n", ds.shm_segsz, (unsigned long)ds.shm_nattch, ds.shm_perm.mode & 0777);

  int sem = semget(IPC_PRIVATE, 2, IPC_CREAT | 0600);
  printf("semget ok %d\n", sem >= 0);
  unsigned short init[2] = {1, 0};
  union semun su = {.array = init};
  printf("SETALL %d\n", semctl(sem, 0, SETALL, su));
  printf("GETVAL 0=%d 1=%d\n", semctl(sem, 0, GETVAL), semctl(sem, 1, GETVAL));

  mem[0] = 0;
  pid_t pid = fork();
  if (pid == 0) {
    for (int i = 0; i < 100; i++) {
      struct sembuf down = {0, -1, 0}, up = {0, 1, 0};
      semop(sem, &down, 1);
      mem[0] += 3;
      semop(sem, &up, 1);
    }
    struct sembuf done = {1, 1, 0};
    semop(sem, &done, 1);
    _exit(0);
  }
  for (int i = 0; i < 100; i++) {
    struct sembuf down = {0, -1, 0}, up = {0, 1, 0};
    semop(sem, &down, 1);
    mem[0] += 5;
    semop(sem, &up, 1);
  }
  struct sembuf wait_child = {1, -1, 0};
  semop(sem, &wait_child, 1);
  int status;
  waitpid(pid, &status, 0);
  printf("shared counter %ld (child exit %d)\n", mem[0], WEXITSTATUS(status));
  struct sembuf nowait = {1, -1, IPC_NOWAIT};
  printf("semop nowait on 0: %d %s\n", semop(sem, &nowait, 1), strerror(errno));

  int q = msgget(IPC_PRIVATE, IPC_CREAT | 0600);
  printf("msgget ok %d\n", q >= 0);
  struct msg m;
  for (int i = 1; i <= 4; i++) {
    m.mtype = (i % 2) + 1;
    snprintf(m.text, sizeof m.text, "message %d", i);
    msgsnd(q, &m, strlen(m.text) + 1, 0);
  }
  struct msqid_ds qs;
  msgctl(q, IPC_STAT, &qs);
  printf("queue holds %lu messages\n", (unsigned long)qs.msg_qnum);
  long n = msgrcv(q, &m, sizeof m.text, 1, 0);
  printf("type 1 first: %ld [%s]\n", n, m.text);
  while ((n = msgrcv(q, &m, sizeof m.text, 0, IPC_NOWAIT)) >= 0) printf("any: type %ld [%s]\n", m.mtype, m.text);
  printf("empty: %s\n", strerror(errno));
  n = msgrcv(q, &m, 3, 0, IPC_NOWAIT);
  printf("msgctl rmid %d\n", msgctl(q, IPC_RMID, NULL));
  printf("msgsnd after rmid %d %s\n", msgsnd(q, &m, 4, 0), strerror(errno));

  /* Keyed objects: a key of our own (the pid makes it unique on a shared host), found again, refused
     with IPC_EXCL, missing without IPC_CREAT. */
  key_t key = 0x57000000 + getpid();
  int k1 = msgget(key, IPC_CREAT | 0640);
  int k2 = msgget(key, 0);
  printf("keyed same id %d\n", k1 == k2 && k1 >= 0);
  printf("excl: %d %s\n", msgget(key, IPC_CREAT | IPC_EXCL | 0600), strerror(errno));
  /* above every pid-made key (pid_max is at most 4194304): no other run on the host has it */
  printf("missing: %d %s\n", msgget(key + 0x400000, 0600), strerror(errno));
  msgctl(k1, IPC_STAT, &qs);
  printf("keyed mode %o qbytes %lu\n", qs.msg_perm.mode & 0777, (unsigned long)qs.msg_qbytes);
  qs.msg_perm.mode = 0600;
  qs.msg_qbytes = 64;
  printf("IPC_SET %d\n", msgctl(k1, IPC_SET, &qs));
  msgctl(k1, IPC_STAT, &qs);
  printf("after set mode %o qbytes %lu\n", qs.msg_perm.mode & 0777, (unsigned long)qs.msg_qbytes);
  /* 64 bytes of room: the third 30-byte message does not fit. */
  memset(m.text, 'x', sizeof m.text);
  m.mtype = 3;
  printf("send %d", msgsnd(k1, &m, 30, IPC_NOWAIT));
  m.mtype = 9;
  printf(" %d", msgsnd(k1, &m, 30, IPC_NOWAIT));
  printf(" %d %s\n", msgsnd(k1, &m, 30, IPC_NOWAIT), strerror(errno));
  msgrcv(k1, &m, sizeof m.text, 9, 0);
  m.mtype = 5;
  msgsnd(k1, &m, 1, 0);
  printf("E2BIG: %ld %s\n", (long)msgrcv(k1, &m, 10, 0, IPC_NOWAIT), strerror(errno));
  printf("NOERROR: %ld type %ld\n", (long)msgrcv(k1, &m, 10, 0, IPC_NOWAIT | MSG_NOERROR), m.mtype);
  printf("lowest up to 6: %ld", (long)msgrcv(k1, &m, 32, -6, IPC_NOWAIT));
  printf(" type %ld\n", m.mtype);
  printf("lowest up to 4: %ld %s\n", (long)msgrcv(k1, &m, 32, -4, IPC_NOWAIT), strerror(errno));
  printf("except 1: %ld\n", (long)msgrcv(k1, &m, 32, 1, IPC_NOWAIT | MSG_EXCEPT));
  /* A child blocks in msgrcv until the parent sends. */
  pid = fork();
  if (pid == 0) {
    struct msg r;
    long n2 = msgrcv(k1, &r, sizeof r.text, 7, 0);
    printf("child got %ld [%s]\n", n2, r.text);
    fflush(stdout);
    _exit(0);
  }
  usleep(20000);
  m.mtype = 7;
  strcpy(m.text, "wake up");
  msgsnd(k1, &m, 8, 0);
  waitpid(pid, NULL, 0);
  msgctl(k1, IPC_RMID, NULL);

  /* semtimedop gives up after its timeout; GETNCNT counts a blocked child. */
  struct timespec ts = {0, 5000000};
  struct sembuf take = {1, -1, 0};
  printf("semtimedop: %d %s\n", semtimedop(sem, &take, 1, &ts), strerror(errno));
  pid = fork();
  if (pid == 0) {
    semop(sem, &take, 1);
    _exit(7);
  }
  /* wait (real time under qemu, so poll) until the child sleeps in semop */
  for (int i = 0; i < 2000 && semctl(sem, 1, GETNCNT) == 0; i++) usleep(1000);
  printf("GETNCNT %d GETZCNT %d\n", semctl(sem, 1, GETNCNT), semctl(sem, 1, GETZCNT));
  struct sembuf give = {1, 1, 0};
  semop(sem, &give, 1);
  waitpid(pid, &status, 0);
  printf("child took it, exit %d, GETNCNT %d\n", WEXITSTATUS(status), semctl(sem, 1, GETNCNT));
  unsigned short all[2];
  semctl(sem, 0, GETALL, (union semun){.array = all});
  printf("GETALL %u %u\n", all[0], all[1]);
  printf("SETVAL too big %d %s\n", semctl(sem, 0, SETVAL, (union semun){.val = 40000}), strerror(errno));
  struct sembuf bad = {5, 1, 0};
  printf("semop bad num %d %s\n", semop(sem, &bad, 1), strerror(errno));

  /* Attach counts: a fork adds one, the child's exit takes it away; a read-only attach faults on write. */
  pid = fork();
  if (pid == 0) {
    shmctl(shm, IPC_STAT, &ds);
    printf("child sees nattch %lu\n", (unsigned long)ds.shm_nattch);
    fflush(stdout);
    _exit(0);
  }
  waitpid(pid, NULL, 0);
  shmctl(shm, IPC_STAT, &ds);
  printf("after child exit nattch %lu\n", (unsigned long)ds.shm_nattch);
  long *ro = shmat(shm, NULL, SHM_RDONLY);
  shmctl(shm, IPC_STAT, &ds);
  printf("read-only view %ld, nattch %lu\n", ro[0], (unsigned long)ds.shm_nattch);
  pid = fork();
  if (pid == 0) {
    /* caught, not fatal: qemu-user would print its own line for a child killed by a signal */
    signal(SIGSEGV, on_segv);
    ro[1] = 5;
    _exit(0);
  }
  waitpid(pid, &status, 0);
  printf("write to read-only: child exit %d\n", WEXITSTATUS(status));
  printf("shmdt middle %d %s\n", shmdt((char *)ro + 4096), strerror(errno));
  shmdt(ro);
  shmdt(mem);
  printf("shmat bad id %p %s\n", shmat(-1, NULL, 0), strerror(errno));
  printf("shmget size 0 %d %s\n", shmget(IPC_PRIVATE, 0, 0600), strerror(errno));
  printf("shmctl rmid %d\n", shmctl(shm, IPC_RMID, NULL));
  printf("semctl rmid %d\n", semctl(sem, 0, IPC_RMID));
  printf("semop after rmid %d %s\n", semop(sem, &nowait, 1), strerror(errno));
  return 0;
}
