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
