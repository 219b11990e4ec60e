import { describe, expect, it } from 'vitest';
import { horizontalOverflow, PHONE, plan, TEST_TIMEOUT_MS, useBrowserFixture } from './browser-fixture.js';

const AGNES = { email: 'agnes@e2e.test', password: 'agnes-initial-password', name: 'Agnes Agentin' };

/** Settings (user management, own password) and the PWA (manifest, icons, service worker, offline) in Chromium. */
describe.skipIf(plan.run === false)('settings and PWA in the browser (chromium, SQLite + emulator)', { timeout: TEST_TIMEOUT_MS }, () => {
  const f = useBrowserFixture();
  const { newPage, signIn, conversationButton, shoot } = f;

  it('an admin adds a user; the new agent sees only their own settings, changes their password; deactivation signs them out', async () => {
    const admin = await newPage();
    await signIn(admin.page);
    await admin.page.locator('a.topbar-settings').click();
    await admin.page.locator('h1', { hasText: 'Einstellungen' }).waitFor();
    const form = admin.page.locator('form.create-user-form');
    await form.locator('input[type=email]').fill(AGNES.email);
    await form.locator('input[type=text]').fill(AGNES.name);
    await form.locator('select').selectOption('agent');
    await form.locator('input[type=password]').fill(AGNES.password);
    await form.locator('button[type=submit]').click();
    const row = admin.page.locator('.user-row', { hasText: AGNES.email });
    await row.waitFor();
    await form.locator('.form-success').waitFor();
    await admin.page.evaluate("document.querySelector('.settings-main').scrollTo(0, 0)");
    await shoot(admin.page, 'settings-desktop');

    const agent = await newPage({ viewport: PHONE });
    await signIn(agent.page, AGNES);
    await agent.page.locator('a.topbar-settings').click();
    await agent.page.locator('#personal-title').waitFor();
    expect(await agent.page.locator('#users-title').count()).toBe(0);
    const own = agent.page.locator('form.settings-form', { has: agent.page.locator('input[autocomplete=current-password]') });
    const [current, next, repeat] = await own.locator('input[type=password]').all();
    await current!.fill(AGNES.password);
    await next!.fill('agnes-second-password');
    await repeat!.fill('agnes-second-password');
    await own.locator('button[type=submit]').click();
    await own.locator('.form-success').waitFor();
    expect(await horizontalOverflow(agent.page)).toBe(0);

    await row.locator('button', { hasText: 'Deaktivieren' }).click();
    await admin.page.locator('.user-row.user-inactive', { hasText: AGNES.email }).waitFor();
    await agent.page.reload();
    await agent.page.locator('form.sign-in-form').waitFor();
    expect([...admin.alarms, ...agent.alarms]).toEqual([]);
    await admin.context.close();
    await agent.context.close();

    const phone = await newPage({ viewport: PHONE });
    await signIn(phone.page);
    await phone.page.goto(`${f.hub.publicBaseUrl}/#/settings`);
    await phone.page.locator('.user-row', { hasText: AGNES.email }).waitFor();
    expect(await horizontalOverflow(phone.page)).toBe(0);
    await phone.page.evaluate("document.getElementById('users-title').scrollIntoView({ block: 'start' })");
    await shoot(phone.page, 'settings-phone');
    await phone.context.close();
  });

  it('is an installable PWA: manifest and icons, a service worker that keeps the shell (never the API) and a clear offline state', async () => {
    const { context, page, alarms } = await newPage({ serviceWorkers: 'allow' });
    await signIn(page);
    expect(await page.locator('link[rel=manifest]').getAttribute('href')).toBe('/manifest.webmanifest');
    const manifestResponse = await context.request.get(`${f.hub.publicBaseUrl}/manifest.webmanifest`);
    expect(manifestResponse.headers()['content-type']).toBe('application/manifest+json; charset=utf-8');
    const manifest = (await manifestResponse.json()) as { start_url: string; display: string; theme_color: string; icons: { src: string; sizes: string; purpose: string }[] };
    expect(manifest).toMatchObject({ start_url: '/', display: 'standalone', theme_color: '#0b5d4b' });
    expect(manifest.icons.map((icon) => `${icon.sizes} ${icon.purpose}`).sort()).toEqual(['192x192 any', '192x192 maskable', '512x512 any', '512x512 maskable']);
    for (const icon of manifest.icons) {
      // The browser decodes each generated PNG: a broken encoder would fail here, not only look wrong.
      const size = await page.evaluate(`new Promise((resolve) => {
        const image = new Image();
        image.onload = () => resolve(image.naturalWidth + 'x' + image.naturalHeight);
        image.onerror = () => resolve('broken');
        image.src = ${JSON.stringify(icon.src)};
      })`);
      expect(size, icon.src).toBe(icon.sizes);
    }

    // Evaluated through the DevTools protocol: waitForFunction would need eval, which the CSP forbids.
    await page.evaluate(`new Promise((resolve) => {
      if (navigator.serviceWorker.controller) resolve(true);
      navigator.serviceWorker.addEventListener('controllerchange', () => resolve(true));
    })`);
    await conversationButton(page, 'Jörg Grüßer').click();
    await page.locator('.composer textarea').waitFor();
    const cached = (await page.evaluate(`caches.keys().then(async (keys) => {
      const entries = [];
      for (const key of keys) for (const request of await (await caches.open(key)).keys()) entries.push(new URL(request.url).pathname);
      return entries;
    })`)) as string[];
    expect(cached).toContain('/');
    expect(cached).toContain('/manifest.webmanifest');
    expect(cached.filter((path) => path.startsWith('/api/') || path.startsWith('/sandbox/'))).toEqual([]);

    await context.setOffline(true);
    await page.locator('.offline-banner').waitFor();
    expect(await page.locator('.composer textarea').isDisabled()).toBe(true);
    // A reload without network still opens the app: the service worker answers with the shell.
    await page.reload();
    await page.locator('.offline-banner').waitFor();
    await context.setOffline(false);
    await page.locator('.offline-banner').waitFor({ state: 'detached' });
    await page.reload();
    await page.locator('.topbar').waitFor();
    expect(alarms).toEqual([]);
    await context.close();
  });
});
