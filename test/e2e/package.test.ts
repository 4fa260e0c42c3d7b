// `npm run package` makes a .vsix that holds what a user needs and nothing else, and that installs
// into code-server (as into VS Code desktop: the same `--install-extension`).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { installExtension, listExtensions, serverDirs } from '../../scripts/code-server.mjs';
import { REPO, requireCodeServer } from './harness';
import { readZip, type ZipEntry } from './vsix';

const VSIX = join(REPO, 'dist', 'ppc-watchpoint-lab.vsix');
const manifest = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as {
  name: string;
  publisher: string;
  version: string;
  main?: string;
  icon?: string;
  contributes?: unknown;
};

let entries: ZipEntry[] | undefined;
function packaged(): ZipEntry[] {
  if (entries) return entries;
  const r = spawnSync('npm', ['run', 'package'], { cwd: REPO, encoding: 'utf8' });
  assert.equal(r.status, 0, `npm run package failed:\n${r.stdout}\n${r.stderr}`);
  assert.ok(existsSync(VSIX), `npm run package did not write ${VSIX}`);
  entries = readZip(VSIX);
  return entries;
}
const names = () => packaged().map((e) => e.name);
const inside = (path: string) => `extension/${path.replace(/^\.\//, '')}`;

test('package: the .vsix holds the manifest, README, CHANGELOG, LICENSE and the icon', () => {
  const n = names();
  for (const f of [
    'extension/package.json',
    'extension/readme.md',
    'extension/changelog.md',
    'extension/LICENSE.txt',
    'extension.vsixmanifest',
  ]) {
    assert.ok(n.includes(f), `${f} missing from the .vsix; it holds:\n${n.join('\n')}`);
  }
  assert.equal(manifest.icon, 'media/icon.png');
  const icon = packaged().find((e) => e.name === inside('media/icon.png'));
  assert.ok(icon, 'the icon is not in the .vsix');
  const png = icon.read();
  assert.equal(png.toString('latin1', 1, 4), 'PNG');
  assert.deepEqual([png.readUInt32BE(16), png.readUInt32BE(20)], [128, 128], 'the icon is 128x128');
});

test('package: the extension entry point is inside', () => {
  assert.ok(manifest.main, 'package.json has no "main": the extension entry (dist/extension.js) is not wired in yet');
  const main = inside(manifest.main.endsWith('.js') ? manifest.main : `${manifest.main}.js`);
  assert.ok(names().includes(main), `${main} (package.json "main") is not in the .vsix`);
});

test(
  'package: the runtime files the extension loads (adapter, panel script and styles, ' + 'web components) are inside',
  () => {
    const runtime = ['dist/adapter.js', 'dist/panel.js', 'dist/elements/bundled.js', 'media/panel.css'];
    const n = new Set(names());
    const missing = runtime.filter((f) => existsSync(join(REPO, f)) && !n.has(inside(f)));
    assert.deepEqual(missing, [], `built but not packaged: ${missing.join(', ')}`);
    assert.ok(n.has(inside('dist/panel.js')), 'the panel script dist/panel.js is not in the .vsix');
  },
);

test("package: the README's images are inside", () => {
  const readme = readFileSync(join(REPO, 'README.md'), 'utf8');
  const images = [...readme.matchAll(/!\[[^\]]*\]\(([^)\s]+)\)/g)].map((m) => m[1]).filter((u) => !/^https?:/.test(u));
  const n = new Set(names());
  const missing = images.filter((i) => !n.has(inside(i)));
  assert.deepEqual(missing, [], `README images missing from the .vsix: ${missing.join(', ')}`);
});

test('package: every file package.json refers to is inside', () => {
  const refs: string[] = [];
  const walk = (v: unknown, key: string) => {
    if (typeof v === 'string') {
      if (/^\.?\/?(media|dist|syntaxes|snippets|walkthroughs?|images)\//.test(v) && !/[*{]/.test(v)) refs.push(v);
    } else if (Array.isArray(v)) v.forEach((x) => walk(x, key));
    else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, k);
  };
  walk({ icon: manifest.icon, contributes: manifest.contributes }, '');
  const n = new Set(names());
  const missing = refs.filter((r) => !n.has(inside(r)));
  assert.deepEqual(missing, [], `files named in package.json but not packaged: ${missing.join(', ')}`);
});

test('package: nothing a user does not need (no sources, tests, node_modules, maps, examples)', () => {
  const unwanted = names().filter(
    (f) =>
      /\.(ts|tsx|mts|cts|map|vsix)$/.test(f) ||
      /^extension\/(node_modules|test|out|sim|debug-adapter|extension|bench|bin|scripts|examples|\.ci|\.git)\//.test(
        f,
      ) ||
      /^extension\/(tsconfig\.json|package-lock\.json|\.gitignore|\.vscodeignore)$/.test(f) ||
      f === 'extension/dist/wplab.js',
  );
  assert.deepEqual(unwanted, [], `the .vsix ships files a user does not need:\n${unwanted.join('\n')}`);
});

test('package: the bundles are self-contained (they require only Node built-ins and vscode)', () => {
  const builtins = new Set([...builtinModules, ...builtinModules.map((m) => `node:${m}`), 'vscode']);
  const bundles = packaged().filter((e) => /^extension\/dist\/.*\.js$/.test(e.name));
  assert.ok(bundles.length > 0, 'no bundle in extension/dist/');
  const outside: string[] = [];
  for (const b of bundles) {
    for (const m of b
      .read()
      .toString('utf8')
      .matchAll(/\brequire\(\s*["']([^"'.][^"']*)["']\s*\)/g)) {
      if (!builtins.has(m[1])) outside.push(`${b.name}: require("${m[1]}")`);
    }
  }
  assert.deepEqual(outside, [], `bundles load modules the .vsix does not ship:\n${outside.join('\n')}`);
});

test('package: the .vsix installs into code-server and is listed', { timeout: 900_000 }, async (t) => {
  packaged();
  if (!(await requireCodeServer(t))) return;
  const root = mkdtempSync(join(tmpdir(), 'wplab-vsix-'));
  try {
    const dirs = serverDirs(root);
    await installExtension(VSIX, dirs);
    const listed = await listExtensions(dirs);
    const id = `${manifest.publisher}.${manifest.name}@${manifest.version}`;
    assert.ok(listed.includes(id), `code-server lists ${JSON.stringify(listed)}, not ${id}`);
    const folder = join(dirs.extensions, `${manifest.publisher}.${manifest.name}-${manifest.version}`);
    assert.ok(existsSync(join(folder, 'package.json')), `installed folder ${folder} has no package.json`);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});
