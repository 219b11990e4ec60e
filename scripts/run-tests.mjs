#!/usr/bin/env node
// `npm test`: lint, typecheck, the whole suite on SQLite, then again on PostgreSQL (+ Redis).
// The PostgreSQL pass runs whenever PostgreSQL is reachable; under CI=true it is required,
// so a missing database fails the run instead of silently skipping it.
import { spawnSync } from 'node:child_process';
import { connect } from 'node:net';

const args = new Set(process.argv.slice(2));
const pgOnly = args.has('--pg-only');
const isCi = process.env.CI === 'true' || process.env.CI === '1';
const pgUrl = process.env.DB_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const redisUrl = process.env.QUEUE_REDIS_URL ?? 'redis://127.0.0.1:6379';

function run(title, command, commandArgs, env = {}) {
  console.log(`\n▶ ${title}`);
  const result = spawnSync(command, commandArgs, { stdio: 'inherit', env: { ...process.env, ...env } });
  if (result.status !== 0) {
    console.error(`✖ ${title} failed`);
    process.exit(result.status ?? 1);
  }
}

function isReachable(url) {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = connect({ host: hostname, port: Number(port) }, () => {
      socket.destroy();
      resolve(true);
    });
    socket.setTimeout(1500, () => {
      socket.destroy();
      resolve(false);
    });
    socket.on('error', () => resolve(false));
  });
}

if (!pgOnly) {
  run('lint', 'npx', ['eslint', '.', '--max-warnings=0']);
  run('dependency rules', 'npx', ['depcruise', '--config', '.dependency-cruiser.cjs', 'packages', 'apps']);
  run('typecheck', 'npx', ['tsc', '-p', 'tsconfig.json', '--noEmit']);
  run('typecheck web (DOM + JSX)', 'npx', ['tsc', '-p', 'apps/web', '--noEmit']);
  run('tests on SQLite + in-process queue', 'npx', ['vitest', 'run'], { DB_TYPE: 'sqlite', REQUIRE_REDIS: 'false' });
}

const [pgUp, redisUp] = await Promise.all([isReachable(pgUrl), isReachable(redisUrl)]);
if (!pgUp || !redisUp) {
  const missing = [!pgUp && `PostgreSQL (${new URL(pgUrl).host})`, !redisUp && `Redis (${new URL(redisUrl).host})`].filter(Boolean).join(' and ');
  if (isCi || pgOnly) {
    console.error(`✖ ${missing} not reachable; under CI=true the PostgreSQL + Redis pass is required.`);
    process.exit(1);
  }
  console.log(`\n(skipping the PostgreSQL + Redis pass: ${missing} not reachable; CI requires it)`);
  process.exit(0);
}
run('tests on PostgreSQL + Redis', 'npx', ['vitest', 'run'], {
  DB_TYPE: 'postgres',
  DB_POSTGRES_URL: pgUrl,
  QUEUE_REDIS_URL: redisUrl,
  REQUIRE_REDIS: 'true',
});
