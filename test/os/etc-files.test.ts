// The files a Debian system has that glibc reads for identity: /etc/passwd and /etc/group with root
// (getpwuid(0) finds it, as on a real machine, through nss files) and /etc/hostname with uname's name.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Guest } from './guest';

test('/etc/passwd, /etc/group and /etc/hostname describe root and the machine', () => {
  const g = new Guest();
  assert.match(g.readText(g.open('/etc/passwd', 0)), /^root:x:0:0:root:\/root:\/bin\/bash\n/);
  assert.match(g.readText(g.open('/etc/group', 0)), /^root:x:0:\n/);
  assert.equal(g.readText(g.open('/etc/hostname', 0)), `${g.m.kernel.uname.nodename}\n`);
});
