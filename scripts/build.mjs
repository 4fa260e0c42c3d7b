// Bundles with esbuild: the CLI, the debug adapter (own process over stdio), the extension, the panel.
// Entry points that do not exist yet are skipped, so the build works while the tree grows.
import { build } from 'esbuild';
import { existsSync, mkdirSync, chmodSync } from 'node:fs';

mkdirSync('dist', { recursive: true });
const bundles = [
  { entry: 'bin/wplab.ts', out: 'dist/wplab.js', platform: 'node', banner: '#!/usr/bin/env node' },
  { entry: 'debug-adapter/main.ts', out: 'dist/adapter.js', platform: 'node' },
  { entry: 'extension/extension.ts', out: 'dist/extension.js', platform: 'node', external: ['vscode'] },
  { entry: 'media/panel.ts', out: 'dist/panel.js', platform: 'browser', format: 'iife' },
];
for (const b of bundles) {
  if (!existsSync(b.entry)) continue;
  await build({
    entryPoints: [b.entry],
    outfile: b.out,
    bundle: true,
    platform: b.platform,
    format: b.format ?? 'cjs',
    target: b.platform === 'node' ? 'node20' : 'es2022',
    sourcemap: true,
    external: b.external ?? [],
    banner: b.banner ? { js: b.banner } : undefined,
    logLevel: 'warning',
  });
  if (b.banner) chmodSync(b.out, 0o755);
}

// The panel's web components (@vscode-elements/elements): the webview may load only from dist/ and media/.
import { copyFileSync, readdirSync } from 'node:fs';
const elements = 'node_modules/@vscode-elements/elements/dist/bundled.js';
if (existsSync(elements)) {
  mkdirSync('dist/elements', { recursive: true });
  copyFileSync(elements, 'dist/elements/bundled.js');
}

// Extension-host tests (mocha, standard run() shape): test/extension/index.ts and every *.test.ts
// there, each to out/test/extension/ (run in code-server by test/e2e, or in desktop VS Code).
if (existsSync('test/extension/index.ts')) {
  const entries = readdirSync('test/extension')
    .filter((f) => f === 'index.ts' || f.endsWith('.test.ts'))
    .map((f) => `test/extension/${f}`);
  await build({
    entryPoints: entries,
    outdir: 'out/test/extension',
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    sourcemap: true,
    external: ['vscode', 'mocha'],
    logLevel: 'warning',
  });
}
