// `npm start`: opens the freshly built extension in a real VS Code (code-server, installed on first use
// into a cache folder outside the repository) on the examples/ workspace, prints the address to open,
// and runs until Ctrl-C. The extension is loaded as an extension under development (as F5 would),
// so the running code is always this checkout's dist/.
// Environment: WPLAB_PORT (default: a free port), WPLAB_CODE_SERVER_DIR (install folder),
// WPLAB_START_PROFILE (VS Code's settings and state for npm start; default: next to the install).
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { installDir, startCodeServer } from './code-server.mjs';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const examples = join(repo, 'examples');
if (!existsSync(join(repo, 'dist', 'extension.js'))) {
  console.error(
    'note: dist/extension.js is missing (has extension/extension.ts landed?); VS Code will open without the extension',
  );
}
mkdirSync(examples, { recursive: true });

// A first-run profile: no empty chat side bar (there is no network for it).
const profile = process.env.WPLAB_START_PROFILE
  ? resolve(process.env.WPLAB_START_PROFILE)
  : join(installDir(), 'start-profile');
const settings = join(profile, 'user-data', 'User', 'settings.json');
if (!existsSync(settings)) {
  mkdirSync(dirname(settings), { recursive: true });
  writeFileSync(
    settings,
    JSON.stringify(
      { 'workbench.secondarySideBar.defaultVisibility': 'hidden', 'telemetry.telemetryLevel': 'off' },
      null,
      2,
    ),
  );
}

let server;
try {
  server = await startCodeServer({
    // A profile kept between runs (settings, theme, layout), next to the install, outside the repository.
    root: profile,
    port: process.env.WPLAB_PORT ? Number(process.env.WPLAB_PORT) : undefined,
    smokeTestDriver: true, // without it code-server ignores the extensionDevelopmentPath payload
    log: (m) => console.log(m),
  });
} catch (e) {
  console.error(`npm start: ${e.message}`);
  process.exit(1);
}

const url = server.url({ folder: examples, extensionDevelopmentPath: repo });
console.log('');
console.log('PowerPC Watchpoint Lab is running in VS Code (code-server) on examples/.');
console.log('Open this address in a browser (Chrome, Edge or Firefox) on this machine:');
console.log('');
console.log(`    ${url}`);
console.log('');
console.log(`(code-server log: ${server.dirs.log}) Press Ctrl-C to stop.`);

let stopping = false;
async function shutdown(code) {
  if (stopping) return;
  stopping = true;
  console.log('\nstopping code-server...');
  await server.stop();
  process.exit(code);
}
process.on('SIGINT', () => shutdown(0));
process.on('SIGTERM', () => shutdown(0));
process.on('SIGHUP', () => shutdown(0));
server.exited.then(({ code, sig }) => {
  if (stopping) return;
  console.error(`code-server stopped unexpectedly (${code ?? sig}); see ${server.dirs.log}`);
  stopping = true;
  process.exit(1);
});
