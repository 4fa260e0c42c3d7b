// Who am I and where: getpwuid/getpwnam/getgrgid/getgrnam of root through /etc/passwd and /etc/group
// (glibc's nss files, even in a static program), getpwent iteration up to root, getuid/geteuid/getgid,
// getlogin without a terminal, gethostname against uname's nodename.
// SPDX-License-Identifier: MIT
#define _GNU_SOURCE
#include <errno.h>
#include <grp.h>
#include <pwd.h>
#include <stdio.h>
#include <string.h>
#include <sys/utsname.h>
#include <unistd.h>

int main(void) {
  printf("uid %d euid %d gid %d egid %d\n", getuid(), geteuid(), getgid(), getegid());
  struct passwd *p = getpwuid(0);
  printf("getpwuid(0): %s uid %d gid %d dir %s\n", p ? p->pw_name : "(null)", p ? (int)p->pw_uid : -1,
         p ? (int)p->pw_gid : -1, p ? p->pw_dir : "-");
  p = getpwnam("root");
  printf("getpwnam(root): %s\n", p ? p->pw_dir : "(null)");
  errno = 0;
  p = getpwnam("no-such-user-here");
  printf("getpwnam(missing): %s errno %d\n", p ? "found" : "(null)", errno);
  struct group *g = getgrgid(0);
  printf("getgrgid(0): %s\n", g ? g->gr_name : "(null)");
  g = getgrnam("root");
  printf("getgrnam(root): gid %d\n", g ? (int)g->gr_gid : -1);
  char buf[1024];
  struct passwd pw, *res = NULL;
  int rc = getpwuid_r(0, &pw, buf, sizeof buf, &res);
  printf("getpwuid_r %d %s\n", rc, res ? res->pw_name : "(null)");
  rc = getpwuid_r(0, &pw, buf, 4, &res);
  printf("getpwuid_r small buffer %s\n", strerror(rc));
  setpwent();
  int seen_root = 0;
  while ((p = getpwent()) != NULL)
    if (p->pw_uid == 0) seen_root = 1;
  endpwent();
  printf("getpwent saw root %d\n", seen_root);
  errno = 0;
  char *login = getlogin();
  printf("getlogin %s\n", login ? "set" : "(null)");
  char host[256];
  struct utsname u;
  uname(&u);
  gethostname(host, sizeof host);
  printf("gethostname matches uname %d\n", strcmp(host, u.nodename) == 0);
  printf("gethostname tiny buffer %d %s\n", gethostname(host, 1), strerror(errno));
  return 0;
}
