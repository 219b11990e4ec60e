import { describe, expect, it } from 'vitest';
import { horizontalOverflow, PHONE, PHONE_NUMBER_ID, plan, TEST_TIMEOUT_MS, useBrowserFixture } from './browser-fixture.js';

/** A 1 × 1 PNG: enough for the Hub's and the emulator's checks of an image upload. */
const PNG_1X1 = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==', 'base64');

type EmulatorMessages = { messages: { type: string; body: Record<string, unknown> }[] };

/** The composer's paths beyond text: an image with a caption, a reply with an emoji, and a template once the 24-hour window is closed. */
describe.skipIf(plan.run === false)('composer in the browser (chromium, SQLite + emulator)', { timeout: TEST_TIMEOUT_MS }, () => {
  const f = useBrowserFixture();
  const { newPage, signIn, inbound, conversationButton } = f;

  const sentTo = async (waId: string) =>
    (await f.hub.emulator<EmulatorMessages>('GET', `/_emulator/messages?phoneNumberId=${PHONE_NUMBER_ID}&to=${waId}`)).messages;

  it('sends an image with a caption (upload, then send) and sees it read', async () => {
    const { context, page, alarms } = await newPage();
    await signIn(page);
    await inbound('4917612345777', 'Bilder Bernd', { type: 'text', text: { body: 'Können Sie mir ein Foto schicken?' } });
    await conversationButton(page, 'Bilder Bernd').click();
    await page.locator('.composer textarea').waitFor();
    await page.locator('.composer input[type=file]').setInputFiles({ name: 'etikett.png', mimeType: 'image/png', buffer: PNG_1X1 });
    await page.locator('.attachment-ready').waitFor();
    await page.locator('.attachment-caption').fill('Das Etikett');
    await page.locator('.composer-form button[type=submit]').click();
    const bubble = page.locator('.message-outbound[data-type=image]');
    await bubble.locator('.ticks[data-status="read"]').waitFor();
    expect(await bubble.textContent()).toContain('Das Etikett');
    // The bubble shows the picture from the Hub's own media store (CSP img-src 'self').
    await bubble.locator('img').waitFor();
    const width = await page.evaluate(`new Promise((resolve) => {
      const img = document.querySelector('.message-outbound[data-type=image] img');
      if (img.complete) resolve(img.naturalWidth);
      img.addEventListener('load', () => resolve(img.naturalWidth));
      img.addEventListener('error', () => resolve('broken: ' + img.src));
    })`);
    expect(width).toBe(1);
    // On a desktop the bubble's "Reply" shows on hover (and on keyboard focus), not before.
    const opacity = () => page.evaluate(`getComputedStyle(document.querySelector('.message-outbound[data-type=image] .reply-action')).opacity`);
    await page.mouse.move(0, 0);
    expect(await opacity()).toBe('0');
    await bubble.hover();
    expect(await opacity()).toBe('1');
    const [sent] = await sentTo('4917612345777');
    expect(sent).toMatchObject({ type: 'image', body: { type: 'image', image: { caption: 'Das Etikett' } } });
    expect(alarms).toEqual([]);
    await context.close();
  });

  it('with the window closed, free text is off and an approved template with its parameters goes out', async () => {
    const { context, page, alarms } = await newPage();
    // The business wrote first (a template), the customer never answered: the window is closed.
    const waId = '4917612345888';
    const first = await f.hub.api('/api/v1/messages', {
      method: 'POST',
      body: { channelId: f.hub.sandbox!.channelId, to: `+${waId}`, type: 'template', template: { name: 'hello_world', language: { code: 'en_US' } } },
    });
    expect(first.status).toBe(202);
    await signIn(page);
    await conversationButton(page, waId).click();
    await page.locator('.composer .window-closed').waitFor();
    expect(await page.locator('.composer textarea').isDisabled()).toBe(true);

    await page.locator('.composer button', { hasText: 'Vorlage wählen' }).click();
    await page.locator('.template-option', { hasText: 'bestellung_unterwegs' }).click();
    const [name, order] = await page.locator('.template-parameter input').all();
    await name!.fill('Tom');
    await order!.fill('4712');
    await page.locator('.template-form button[type=submit]').click();
    const sent = page.locator('.message-outbound[data-type=template]', { hasText: '4712' });
    await sent.locator('.ticks[data-status="read"]').waitFor();
    const templates = (await sentTo(waId)).filter((m) => m.type === 'template').map((m) => (m.body['template'] as { name: string }).name);
    expect(templates).toEqual(['hello_world', 'bestellung_unterwegs']);
    expect(alarms).toEqual([]);
    await context.close();
  });
  it('answers a customer message as a reply with an emoji (context.message_id), the quote shown above the answer; at phone width too', async () => {
    const { context, page, alarms } = await newPage({ viewport: PHONE });
    const waId = '4917612345999';
    await signIn(page);
    await inbound(waId, 'Zitat Zora', { type: 'text', text: { body: 'Kommt die Lieferung <b>heute</b>?' } });
    await conversationButton(page, 'Zitat Zora').click();
    const question = page.locator('.message-inbound', { hasText: 'Kommt die Lieferung' });
    await question.waitFor();
    // A touch-size screen: the action is a plain button in the bubble.
    await question.getByRole('button', { name: 'Antworten' }).click();
    const preview = page.locator('.reply-preview');
    expect(await preview.locator('.quote-text').textContent()).toBe('Kommt die Lieferung <b>heute</b>?');
    const box = page.locator('.composer textarea');
    await box.fill('Ja, heute');
    await page.getByRole('button', { name: 'Emoji einfügen' }).click();
    const panel = page.getByRole('dialog', { name: 'Emoji' });
    const bounds = await panel.boundingBox();
    expect(bounds!.x).toBeGreaterThanOrEqual(0);
    expect(bounds!.x + bounds!.width).toBeLessThanOrEqual(PHONE.width);
    expect(await horizontalOverflow(page)).toBe(0);
    await panel.getByRole('button', { name: '🚚' }).click();
    await page.keyboard.press('Escape');
    expect(await panel.count()).toBe(0);
    expect(await box.inputValue()).toBe('Ja, heute🚚');
    await page.locator('.composer-form button[type=submit]').click();
    const answer = page.locator('.message-outbound', { hasText: 'Ja, heute🚚' });
    await answer.locator('.ticks[data-status="read"]').waitFor();
    expect(await answer.locator('.quote-text').textContent()).toBe('Kommt die Lieferung <b>heute</b>?');
    expect(await preview.count()).toBe(0);

    const received = await f.hub.api(`/api/v1/messages?contactWaId=${waId}&direction=inbound`);
    const wamid = (received.body as { data: { wamid: string }[] }).data[0]!.wamid;
    const [sent] = (await sentTo(waId)).filter((m) => m.type === 'text');
    expect(sent?.body).toMatchObject({ type: 'text', text: { body: 'Ja, heute🚚' }, context: { message_id: wamid } });
    expect(alarms).toEqual([]);
    await context.close();
  });
});
