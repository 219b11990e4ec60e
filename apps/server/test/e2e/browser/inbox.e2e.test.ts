import { describe, expect, it } from 'vitest';
import { horizontalOverflow, PHONE, plan, TEST_TIMEOUT_MS, useBrowserFixture } from './browser-fixture.js';

/**
 * The agents' inbox in a real browser (Debian's chromium via playwright-core) against the whole Hub
 * on SQLite with the embedded emulator: the built web app, the session cookie, the live stream and
 * the emulator's signed webhooks are all real. `npm run screenshots` keeps the pictures in
 * docs/screenshots/; other runs write them to a temp dir.
 */
describe.skipIf(plan.run === false)('inbox in the browser (chromium, SQLite + emulator)', { timeout: TEST_TIMEOUT_MS }, () => {
  const f = useBrowserFixture();
  const { newPage, signIn, inbound, conversationButton, shoot } = f;

  it('signs in, shows a customer message live, answers it and sees the ticks go to read', async () => {
    const { context, page, alarms } = await newPage();
    await page.goto(f.hub.publicBaseUrl);
    await page.locator('form.sign-in-form').waitFor();
    await shoot(page, 'sign-in-desktop');
    await signIn(page);
    await page.locator('.live-indicator.live-live').waitFor();

    // Written by the customer after the page loaded: it must arrive over the live stream.
    await inbound('4917612345001', 'Lena Live', { type: 'text', text: { body: 'Ist meine Bestellung *4711* schon unterwegs?' } });
    await conversationButton(page, 'Lena Live').click();
    await page.locator('.message-inbound', { hasText: 'Ist meine Bestellung' }).waitFor();
    expect(await page.locator('.message-inbound strong').first().textContent()).toBe('4711');

    await page.locator('.composer textarea').fill('Ja, sie kommt morgen.');
    await page.locator('.composer textarea').press('Enter');
    const reply = page.locator('.message-outbound', { hasText: 'Ja, sie kommt morgen.' });
    await reply.locator('.ticks[data-status="read"]').waitFor();
    await shoot(page, 'inbox-desktop');
    expect(alarms).toEqual([]);
    await context.close();
  });

  it('switches the language between German and English', async () => {
    const { context, page } = await newPage();
    await signIn(page);
    const signOut = page.locator('.topbar button', { hasText: /Abmelden|Sign out/ });
    expect(await signOut.textContent()).toBe('Abmelden');
    await page.locator('.topbar select').selectOption('en');
    await page.locator('.topbar button', { hasText: 'Sign out' }).waitFor();
    expect(await page.evaluate('document.documentElement.lang')).toBe('en');
    await page.reload();
    await page.locator('.topbar button', { hasText: 'Sign out' }).waitFor();
    await page.locator('.topbar select').selectOption('de');
    await page.locator('.topbar button', { hasText: 'Abmelden' }).waitFor();
    await context.close();
  });

  it('shows hostile customer input as text and executes none of it', async () => {
    const { context, page, alarms } = await newPage();
    await signIn(page);
    const from = '4917612345666';
    const hostileName = '<img src=x onerror="window.__xss=1;alert(1)">';
    const imgPayload = '<img src=x onerror="window.__xss=2;alert(2)">';
    const scriptPayload = '<script>window.__xss=3;alert(3)</script>';
    await inbound(from, hostileName, { type: 'text', text: { body: imgPayload } });
    await inbound(from, hostileName, { type: 'text', text: { body: `${scriptPayload} [klick](javascript:alert(4)) javascript:alert(5)` } });
    await inbound(from, hostileName, {
      type: 'contacts',
      contacts: [{
        name: { formatted_name: '<svg onload="window.__xss=6;alert(6)">', first_name: 'X' },
        org: { company: '<iframe src="javascript:alert(7)">' },
        phones: [{ phone: 'javascript:alert(8)', type: 'CELL' }],
        emails: [{ email: '"><img src=x onerror=alert(9)>', type: 'WORK' }],
        urls: [{ url: 'javascript:alert(10)', type: 'WORK' }],
      }],
    });
    await inbound(from, hostileName, {
      type: 'location',
      location: { latitude: 52.52, longitude: 13.4, name: '<b onmouseover=alert(11)>Ort</b>', address: 'javascript:alert(12)' },
    });

    const conversation = conversationButton(page, hostileName);
    await conversation.click();
    await page.locator('.chat-title h2', { hasText: hostileName }).waitFor();
    await page.locator('.message-inbound', { hasText: imgPayload }).waitFor();
    await page.locator('.message-inbound', { hasText: scriptPayload }).waitFor();
    await page.locator('.contact-card-name', { hasText: '<svg onload=' }).waitFor();
    await page.locator('.message-inbound', { hasText: '<b onmouseover=alert(11)>Ort</b>' }).waitFor();
    // Hover and click everything a payload could hang on, then look for any sign of execution.
    for (const bubble of await page.locator('.message-inbound .bubble').all()) {
      await bubble.hover();
      await bubble.click({ position: { x: 5, y: 5 } });
    }

    // Page-side code as a string: this test compiles against Node's types, not the DOM's.
    const injected = await page.evaluate(`({
      flag: window.__xss ?? null,
      hostileElements: document.querySelectorAll('#root img[src="x"], #root script, #root svg[onload], #root iframe, #root [onerror], #root [onmouseover]').length,
      javascriptLinks: [...document.querySelectorAll('a')].filter((a) => a.href.trim().toLowerCase().startsWith('javascript:')).length,
    })`);
    expect(injected).toEqual({ flag: null, hostileElements: 0, javascriptLinks: 0 });
    expect(alarms).toEqual([]);
    await context.close();
  });

  it('fits a 375 px phone: the list, then the chat on its own', async () => {
    const { context, page } = await newPage({ viewport: PHONE });
    await page.goto(f.hub.publicBaseUrl);
    await page.locator('form.sign-in-form').waitFor();
    await shoot(page, 'sign-in-phone');
    await signIn(page);
    await conversationButton(page, 'Lena Live').waitFor();
    expect(await horizontalOverflow(page)).toBe(0);
    await shoot(page, 'inbox-list-phone');

    await conversationButton(page, 'Lena Live').click();
    await page.locator('.message-outbound', { hasText: 'Ja, sie kommt morgen.' }).waitFor();
    expect(await page.locator('.inbox-list').isVisible()).toBe(false);
    expect(await horizontalOverflow(page)).toBe(0);
    await shoot(page, 'inbox-phone');
    await page.locator('.chat-header .back-button').click();
    await conversationButton(page, 'Lena Live').waitFor();
    await context.close();
  });
});

