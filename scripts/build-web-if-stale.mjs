#!/usr/bin/env node
// `npm start` runs this first: builds apps/web into apps/web/dist when the build is missing or older
// than any of its sources (the web app, its config, the contracts it imports), so a fresh clone and a
// `git pull` both serve the current inbox. A current build costs one directory walk.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const builtMarker = join(root, 'apps/web/dist/index.html');
const sources = ['apps/web/src', 'apps/web/build', 'apps/web/index.html', 'apps/web/vite.config.ts', 'apps/web/package.json', 'packages/contracts/src'];

function newestMtime(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path)) {
    if (entry === 'node_modules' || entry === '__tests__') continue;
    newest = Math.max(newest, newestMtime(join(path, entry)));
  }
  return newest;
}

const builtAt = existsSync(builtMarker) ? statSync(builtMarker).mtimeMs : 0;
const changedAt = Math.max(...sources.map((source) => newestMtime(join(root, source))));
if (builtAt >= changedAt) process.exit(0);

console.log(builtAt === 0 ? 'Building the web app (apps/web/dist is missing) …' : 'Rebuilding the web app (sources changed) …');
// Always a production build (minified React, the service worker registered), even when called from
// a test runner that sets NODE_ENV=test.
const result = spawnSync('npm', ['run', 'build', '-w', 'apps/web'], { cwd: root, stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } });
process.exit(result.status ?? 1);
