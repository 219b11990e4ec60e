import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { accessSync, constants, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser } from 'playwright-core';

/** Debian's package (`apt-get install chromium`); CHROMIUM_PATH points elsewhere. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * Quiet, reproducible runs: no GPU, no QUIC, no first-run UI and no background traffic to Google
 * (component updates, sync) that would make a test depend on the network. `--no-sandbox` because
 * CI runs as root in a container, where Chromium's sandbox cannot start.
 */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export function isCi(): boolean {
  return process.env.CI === 'true' || process.env.CI === '1';
}

export function chromiumInstalled(): boolean {
  try {
    accessSync(CHROMIUM_PATH, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * Whether the browser suites run here, and why not. Without a browser they skip on a developer's
 * machine (with this message) but fail under CI=true, so CI never passes by not testing. They run on
 * the SQLite pass only: the browser sees the same HTTP API on either dialect, and the PostgreSQL pass
 * already covers every route below it.
 */
export function browserSuitePlan(): { run: true } | { run: false; reason: string } | { run: 'fail'; reason: string } {
  if (process.env.DB_TYPE === 'postgres') return { run: false, reason: 'browser e2e runs on the SQLite pass only' };
  if (chromiumInstalled()) return { run: true };
  const reason = `chromium not found at ${CHROMIUM_PATH} (install it: apt-get install -y chromium, or set CHROMIUM_PATH)`;
  return isCi() ? { run: 'fail', reason } : { run: false, reason };
}

/**
 * Chromium through playwright-core. `launch()` gives every run a fresh temporary user-data-dir
 * (deleted on close), so no profile, cache or service worker survives from an earlier run.
 */
export async function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS, timeout: 60_000 });
}

const REPO_ROOT = fileURLToPath(new URL('../../../../', import.meta.url));

/**
 * Builds apps/web into apps/web/dist when it is missing or older than its sources (as `npm start`
 * does). Test files run in parallel: a lock directory lets one build while the others wait and then
 * find the build current.
 */
export function buildWebIfStale(): void {
  const lock = join(tmpdir(), `valeo-web-build-${createHash('sha256').update(REPO_ROOT).digest('hex').slice(0, 12)}.lock`);
  const deadline = Date.now() + 120_000;
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      if (Date.now() > deadline) throw new Error(`another web build holds ${lock} for over 2 minutes (remove it if no build runs)`, { cause: error });
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 200);
    }
  }
  try {
    const result = spawnSync(process.execPath, ['scripts/build-web-if-stale.mjs'], { cwd: REPO_ROOT, encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`building the web app failed:\n${result.stdout}\n${result.stderr}`);
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

/** Where `npm run screenshots` keeps the README's pictures; ordinary runs write to a temp dir. */
export const SCREENSHOTS_DIR = fileURLToPath(new URL('docs/screenshots/', `file://${REPO_ROOT}`));
