import { within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Message } from '@valeo/contracts';
import { makeMedia, makeMessage } from '../../../../test/factories.js';
import { renderWithProviders } from '../../../../test/render.js';
import { MessageBubble } from '../message-bubble.js';

const XSS = '<img src=x onerror=alert(1)>';

function bubble(message: Message, extra: { reactions?: string[]; quoted?: Message } = {}) {
  const { container } = renderWithProviders(
    <ol>
      <MessageBubble message={message} {...extra} />
    </ol>,
  );
  const item = container.querySelector('li.message');
  if (!(item instanceof HTMLElement)) throw new Error('no bubble rendered');
  return item;
}

describe('MessageBubble', () => {
  it('renders text with WhatsApp formatting as elements', () => {
    const item = bubble(makeMessage({ content: { body: 'Ihre *Bestellung* ist _unterwegs_' } }));
    expect(item.querySelector('strong')?.textContent).toBe('Bestellung');
    expect(item.querySelector('em')?.textContent).toBe('unterwegs');
  });

  it('shows an image from our media store when the message references stored media', () => {
    const message = makeMessage({ type: 'image', content: { id: '1003383421387256', caption: 'Foto', url: 'https://lookaside.fbsbx.com/x' }, media: makeMedia({ id: 'med_1' }) });
    const img = bubble(message).querySelector('img');
    expect(img?.getAttribute('src')).toBe('/api/v1/media/med_1/content');
    expect(img?.getAttribute('alt')).toBe('Foto');
  });

  it('shows a placeholder, never Meta\'s URL, while the image is not stored', () => {
    const item = bubble(makeMessage({ type: 'image', content: { id: '1003383421387256', url: 'https://lookaside.fbsbx.com/x', caption: XSS } }));
    expect(item.querySelector('img')).toBeNull();
    expect(item.textContent).toContain('Image – not loaded yet');
    expect(item.textContent).toContain(XSS);
  });

  it('shows the placeholder while the Hub is still downloading the medium', () => {
    const item = bubble(makeMessage({ type: 'image', content: { id: '1003383421387256' }, media: makeMedia({ status: 'pending' }) }));
    expect(item.querySelector('img')).toBeNull();
    expect(item.textContent).toContain('Image – not loaded yet');
  });

  it('says so when the Hub could not fetch the medium, instead of promising it', () => {
    const item = bubble(makeMessage({ type: 'video', content: { id: '1' }, media: makeMedia({ status: 'failed' }) }));
    expect(item.querySelector('video')).toBeNull();
    expect(item.textContent).toContain('Video – could not be loaded');
  });

  it('offers a stored document for download under its name, as text', () => {
    const message = makeMessage({ type: 'document', content: { filename: `${XSS}.pdf`, mime_type: 'application/pdf' }, media: makeMedia({ id: 'med_2' }) });
    const link = bubble(message).querySelector('a.document-link');
    expect(link?.getAttribute('href')).toBe('/api/v1/media/med_2/content');
    expect(link?.textContent).toContain(`${XSS}.pdf`);
    expect(link?.querySelector('img')).toBeNull();
  });

  it('renders audio and voice notes with a player', () => {
    const voice = makeMessage({ type: 'audio', content: { voice: true }, media: makeMedia({ id: 'med_3', status: 'uploaded' }) });
    const audio = bubble(voice).querySelector('audio');
    expect(audio?.getAttribute('src')).toBe('/api/v1/media/med_3/content');
    expect(audio?.getAttribute('aria-label')).toBe('Voice message');
  });

  it('builds the map link of a location from its numbers only', () => {
    const item = bubble(
      makeMessage({ type: 'location', content: { latitude: 52.52, longitude: 13.405, name: XSS, address: 'javascript:alert(1)', url: 'javascript:alert(1)' } }),
    );
    const links = item.querySelectorAll('a');
    expect(links).toHaveLength(1);
    expect(links[0]?.getAttribute('href')).toBe('https://www.openstreetmap.org/?mlat=52.520000&mlon=13.405000#map=17/52.520000/13.405000');
    expect(item.textContent).toContain(XSS);
    expect(item.querySelector('img')).toBeNull();
  });

  it('refuses a location whose coordinates are not numbers', () => {
    const item = bubble(makeMessage({ type: 'location', content: { latitude: '1); alert(1', longitude: 2 } }));
    expect(item.querySelector('a')).toBeNull();
    expect(item.textContent).toContain('Message type “location” is not shown');
  });

  it('renders contact cards as text', () => {
    const cards = [{ name: { formatted_name: XSS }, org: { company: 'Social Tsunami' }, phones: [{ phone: '+1 (415) 555-0829' }], emails: [{ email: 'javascript:alert(1)' }] }];
    const item = bubble(makeMessage({ type: 'contacts', content: cards }));
    const list = within(item).getByRole('list', { name: 'Contact card' });
    expect(list.textContent).toContain(XSS);
    expect(list.textContent).toContain('+1 (415) 555-0829');
    expect(list.textContent).toContain('Social Tsunami');
    expect(item.querySelector('a, img')).toBeNull();
  });

  it('renders a customer\'s button and list replies', () => {
    expect(bubble(makeMessage({ type: 'interactive', content: { type: 'button_reply', button_reply: { id: 'c', title: 'Cancel' } } })).textContent).toContain('Button replyCancel');
    const list = bubble(makeMessage({ type: 'interactive', content: { type: 'list_reply', list_reply: { id: 'p', title: 'Express', description: 'Next day' } } }));
    expect(list.textContent).toContain('List reply');
    expect(list.textContent).toContain('Next day');
    expect(bubble(makeMessage({ type: 'button', content: { payload: 'STOP', text: 'Unsubscribe' } })).textContent).toContain('Unsubscribe');
  });

  it('renders our interactive message with its buttons and only an http(s) call-to-action', () => {
    const content = { type: 'button', body: { text: 'Termin *morgen*?' }, action: { buttons: [{ type: 'reply', reply: { id: 'a', title: 'Ja' } }, { type: 'reply', reply: { id: 'b', title: XSS } }] } };
    const item = bubble(makeMessage({ direction: 'outbound', status: 'sent', type: 'interactive', content }));
    expect(item.querySelector('strong')?.textContent).toBe('morgen');
    expect(within(item).getAllByRole('listitem').map((li) => li.textContent)).toEqual(['Ja', XSS]);
    const cta = { type: 'cta_url', body: { text: 'Hier' }, action: { name: 'cta_url', parameters: { display_text: 'Öffnen', url: 'javascript:alert(1)' } } };
    expect(bubble(makeMessage({ direction: 'outbound', type: 'interactive', content: cta })).querySelector('a')).toBeNull();
  });

  it('shows a template with its name, language and filled-in parameters', () => {
    const content = { name: 'order_update', language: { code: 'de' }, components: [{ type: 'body', parameters: [{ type: 'text', text: 'A-4711' }, { type: 'currency', currency: { fallback_value: '100,99 €', code: 'EUR', amount_1000: 100990 } }] }] };
    const item = bubble(makeMessage({ direction: 'outbound', status: 'delivered', type: 'template', content }));
    expect(item.textContent).toContain('Template “order_update” (de)');
    expect(within(item).getAllByRole('listitem').map((li) => li.textContent)).toEqual(['A-4711', '100,99 €']);
  });

  it('shows reactions on the message they react to, and a lone reaction as its own line', () => {
    expect(bubble(makeMessage(), { reactions: ['👍'] }).querySelector('.reactions')?.textContent).toBe('👍');
    expect(bubble(makeMessage({ type: 'reaction', content: { message_id: 'wamid.gone', emoji: '❤️' } })).textContent).toContain('Reaction: ❤️');
  });

  it('quotes the message it replies to', () => {
    const original = makeMessage({ direction: 'outbound', content: { body: 'Ist die Lieferung angekommen?' } });
    const quote = bubble(makeMessage({ replyToWamid: original.wamid }), { quoted: original }).querySelector('blockquote');
    expect(quote?.textContent).toContain('You');
    expect(quote?.textContent).toContain('Ist die Lieferung angekommen?');
  });

  it.each([
    ['sent', '✓', 'Sent'],
    ['delivered', '✓✓', 'Delivered'],
    ['read', '✓✓', 'Read'],
  ] as const)('shows %s ticks on our messages', (status, glyph, label) => {
    const ticks = within(bubble(makeMessage({ direction: 'outbound', status }))).getByRole('img', { name: label });
    expect(ticks.textContent).toBe(glyph);
    expect(ticks.getAttribute('data-status')).toBe(status);
  });

  it('names the error of a failed message in the tooltip', () => {
    const error = { code: 'RECIPIENT_UNAVAILABLE', message: 'Message failed to send', vendorCode: 131047, vendorTitle: 'Re-engagement message' };
    const ticks = within(bubble(makeMessage({ direction: 'outbound', status: 'failed', error }))).getByRole('img', { name: 'Failed: Re-engagement message' });
    expect(ticks.getAttribute('title')).toBe('Failed: Re-engagement message');
  });

  it('shows no ticks on the customer\'s messages', () => {
    expect(bubble(makeMessage({ direction: 'inbound', status: 'received' })).querySelector('.ticks')).toBeNull();
  });

  it('says which type it cannot show instead of guessing', () => {
    expect(bubble(makeMessage({ type: 'unsupported', content: { type: 'edit' } })).textContent).toContain('Message type “unsupported” is not shown');
  });
});
