import { describe, expect, it } from 'vitest';
import { horizontalOverflow, PHONE, plan, TEST_TIMEOUT_MS, useBrowserFixture } from './browser-fixture.js';

/**
 * Labels, search, the contact panel and private notes in a real browser against the whole Hub
 * (SQLite + emulator). The label colours are set through the CSSOM under the strict CSP: a CSP
 * violation shows up as a console message and fails the test.
 */
describe.skipIf(plan.run === false)('labels, search, contact panel and notes in the browser', { timeout: TEST_TIMEOUT_MS }, () => {
  const f = useBrowserFixture();
  const { newPage, signIn, inbound, conversationButton, shoot } = f;

  it('creates and attaches a label, filters and searches the list, edits the contact and writes a private note', async () => {
    const { context, page, alarms } = await newPage();
    const cspViolations: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) cspViolations.push(message.text());
    });
    await signIn(page);
    await inbound('4917612345101', 'Greta Grün', { type: 'text', text: { body: 'Schöne Grüße, die Rechnung 4711 fehlt noch' } });
    await inbound('4917612345102', 'Otto Anders', { type: 'text', text: { body: 'Wann kommt das Ersatzteil?' } });
    await conversationButton(page, 'Greta Grün').click();
    await page.locator('.message-inbound', { hasText: 'Rechnung 4711' }).waitFor();

    // Create "Reklamation" from the header's picker: it is attached at once.
    await page.locator('.chat-header .label-picker > button').click();
    await page.locator('.new-label-form input[type=text]').fill('Reklamation');
    await page.locator('.new-label-form button[type=submit]').click();
    await page.locator('.chat-labels > .label-chips .label-chip', { hasText: 'Reklamation' }).waitFor();
    await page.locator('.label-picker-panel button', { hasText: 'Fertig' }).click();
    await conversationButton(page, 'Greta Grün').locator('.label-chip', { hasText: 'Reklamation' }).waitFor();

    // Label filter and search.
    await page.locator('select.filter-label').selectOption({ label: 'Reklamation' });
    await expect.poll(() => page.locator('.conversation-name').allTextContents()).toEqual(['Greta Grün']);
    await page.locator('select.filter-label').selectOption('');
    await page.locator('input.conversation-search').fill('ersatz');
    await expect.poll(() => page.locator('.conversation-name').allTextContents()).toEqual(['Otto Anders']);
    await page.locator('input.conversation-search').fill('grüße "rechnung');
    await expect.poll(() => page.locator('.conversation-name').allTextContents()).toEqual(['Greta Grün']);

    // The contact panel: ERP number, an attribute, consent and a private note.
    await page.locator('.chat-header button', { hasText: 'Kontakt' }).click();
    const panel = page.locator('.contact-panel');
    await panel.locator('.contact-name', { hasText: 'Greta Grün' }).waitFor();
    await panel.locator('.contact-field button', { hasText: 'Bearbeiten' }).click();
    await panel.locator('.contact-field input').fill('K-10042');
    await panel.locator('.contact-field button[type=submit]').click();
    await panel.locator('.contact-field', { hasText: 'K-10042' }).waitFor();
    await panel.locator('button', { hasText: 'Einwilligung erfassen' }).click();
    await panel.locator('.consent-form select').selectOption('opted_in');
    await panel.locator('.consent-form input').fill('Webformular');
    await panel.locator('.consent-form button[type=submit]').click();
    await panel.locator('.consent-badge', { hasText: 'Eingewilligt' }).waitFor();
    await panel.locator('.note-form textarea').fill('Rückruf morgen früh, Kundin ist verärgert.');
    await panel.locator('.note-form button[type=submit]').click();
    await panel.locator('.note .note-text', { hasText: 'Rückruf morgen früh' }).waitFor();
    // The note is not a message of the conversation.
    expect(await page.locator('.message-outbound', { hasText: 'Rückruf morgen früh' }).count()).toBe(0);
    await page.evaluate("document.querySelector('.inbox-contact').scrollTop = 0");
    await shoot(page, 'contact-panel-desktop');

    expect(cspViolations).toEqual([]);
    expect(alarms).toEqual([]);
    await context.close();
  });

  it('on a 375 px phone the contact panel is a view of its own, without sideways scrolling', async () => {
    const { context, page } = await newPage({ viewport: PHONE });
    await signIn(page);
    await inbound('4917612345103', 'Pia Phone', { type: 'text', text: { body: 'Hallo vom Handy' } });
    await conversationButton(page, 'Pia Phone').click();
    await page.locator('.chat-header button', { hasText: 'Kontakt' }).click();
    await page.locator('.contact-panel .contact-name', { hasText: 'Pia Phone' }).waitFor();
    expect(await page.locator('.inbox-chat').isVisible()).toBe(false);
    expect(await page.locator('.inbox-list').isVisible()).toBe(false);
    expect(await horizontalOverflow(page)).toBe(0);
    await shoot(page, 'contact-panel-phone');
    await page.locator('.contact-panel-header button').click();
    await page.locator('.chat-header').waitFor();
    expect(await page.locator('.contact-panel').count()).toBe(0);
    await context.close();
  });
});
