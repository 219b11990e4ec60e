import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { browserSuitePlan, buildWebIfStale, launchChromium, SCREENSHOTS_DIR } from '../../helpers/browser.js';
import { startTestHub, type TestHub } from '../../helpers/start-test-hub.js';

export const ADMIN = { email: 'admin@e2e.test', password: 'e2e-admin-password-1', name: 'Administrator' };
export const PHONE_NUMBER_ID = '109000000000001';
export const DESKTOP = { width: 1280, height: 800 };
export const PHONE = { width: 375, height: 740 };
/** Generous: the machine is shared; waits end as soon as the page shows what is expected. */
export const WAIT_MS = 15_000;
/** A scenario is several page loads and waits; on a loaded 2-core CI machine that can pass 20 s. */
export const TEST_TIMEOUT_MS = 90_000;

export const plan = browserSuitePlan();
if (plan.run === false) console.warn(`[browser e2e] skipped: ${plan.reason}`);

export type OpenPage = { context: BrowserContext; page: Page; alarms: string[] };
export type PageOptions = { viewport?: { width: number; height: number }; serviceWorkers?: 'allow' | 'block' };

export type BrowserFixture = {
  readonly hub: TestHub;
  readonly browser: Browser;
  /** A fresh context (own cookies and storage); `alarms` collects dialogs and page errors. */
  newPage(opts?: PageOptions): Promise<OpenPage>;
  signIn(page: Page, who?: { email: string; password: string }): Promise<void>;
  /** A customer writes through the emulator's control API (signed webhook to the Hub, as from Meta). */
  inbound(from: string, name: string, message: Record<string, unknown>): Promise<void>;
  conversationButton(page: Page, name: string): ReturnType<Page['locator']>;
  /** Saves `<name>.png`: into docs/screenshots/ under `npm run screenshots`, else a temp dir. */
  shoot(page: Page, name: string): Promise<void>;
};

/**
 * One Hub (SQLite + embedded emulator, bootstrap admin) and one Chromium per test file, started in
 * beforeAll and stopped in afterAll. Builds the web app first when it is stale.
 */
export function useBrowserFixture(): BrowserFixture {
  let hub: TestHub | undefined;
  let browser: Browser | undefined;
  let shotsDir = '';
  const keepShots = process.env.SCREENSHOTS === '1';

  beforeAll(async () => {
    if (plan.run === 'fail') throw new Error(`browser e2e cannot run under CI: ${plan.reason}`);
    buildWebIfStale();
    shotsDir = keepShots ? SCREENSHOTS_DIR : mkdtempSync(join(tmpdir(), 'hub-shots-'));
    mkdirSync(shotsDir, { recursive: true });
    hub = await startTestHub({ env: { AUTH_BOOTSTRAP_ADMIN_EMAIL: ADMIN.email, AUTH_BOOTSTRAP_ADMIN_PASSWORD: ADMIN.password } });
    browser = await launchChromium();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await hub?.stop();
    if (!keepShots && shotsDir) rmSync(shotsDir, { recursive: true, force: true });
  });

  const fixture: BrowserFixture = {
    get hub() {
      if (!hub) throw new Error('the hub is not started');
      return hub;
    },
    get browser() {
      if (!browser) throw new Error('the browser is not started');
      return browser;
    },
    async newPage({ viewport = DESKTOP, serviceWorkers = 'block' } = {}) {
      const context = await fixture.browser.newContext({ viewport, locale: 'de-DE', serviceWorkers });
      const page = await context.newPage();
      page.setDefaultTimeout(WAIT_MS);
      // Anything that executes injected script shows up here: a dialog, or the flag the payloads set.
      const alarms: string[] = [];
      page.on('dialog', (dialog) => {
        alarms.push(`${dialog.type()}: ${dialog.message()}`);
        void dialog.dismiss();
      });
      page.on('pageerror', (error) => alarms.push(`pageerror: ${error.message}`));
      return { context, page, alarms };
    },
    async signIn(page, who = ADMIN) {
      await page.goto(fixture.hub.publicBaseUrl);
      await page.locator('input[name=email]').fill(who.email);
      await page.locator('input[name=password]').fill(who.password);
      await page.locator('form.sign-in-form button[type=submit]').click();
      await page.locator('.topbar').waitFor();
    },
    async inbound(from, name, message) {
      await fixture.hub.emulator('POST', '/_emulator/inbound', { phoneNumberId: PHONE_NUMBER_ID, from, name, message });
    },
    conversationButton(page, name) {
      return page.locator('.conversation-button', { has: page.locator('.conversation-name', { hasText: name }) });
    },
    async shoot(page, name) {
      await page.screenshot({ path: join(shotsDir, `${name}.png`), animations: 'disabled' });
    },
  };
  return fixture;
}

/** How many CSS pixels the page is wider than the viewport (0 = no sideways scrolling). */
export async function horizontalOverflow(page: Page): Promise<number> {
  return Number(await page.evaluate('Math.max(0, document.documentElement.scrollWidth - window.innerWidth)'));
}
