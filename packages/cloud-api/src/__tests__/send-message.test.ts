import { describe, expect, it } from 'vitest';
import { parseMessagesEndpointRequest, parseMessageTypeObject, parseSendMessageRequest } from '../validation/parse-send.js';
import { isMarkReadRequest } from '../schemas/send-message.js';

const base = { messaging_product: 'whatsapp', recipient_type: 'individual', to: '+491701234567' } as const;
const reply = (id: string, title = id) => ({ type: 'reply', reply: { id, title } });
const buttons = (n: number) => ({
  ...base,
  type: 'interactive',
  interactive: { type: 'button', body: { text: 'Pick one' }, action: { buttons: Array.from({ length: n }, (_, i) => reply(`b${i}`)) } },
});

function errorsOf(body: unknown) {
  const result = parseSendMessageRequest(body);
  return result.ok ? [] : result.errors;
}

describe('parseSendMessageRequest', () => {
  it('accepts a text message and returns it typed', () => {
    const result = parseSendMessageRequest({ ...base, type: 'text', text: { body: 'Hallo', preview_url: false } });
    expect(result.ok).toBe(true);
    if (result.ok && result.value.type === 'text') expect(result.value.text.body).toBe('Hallo');
  });

  it('rejects a missing `to`', () => {
    expect(errorsOf({ messaging_product: 'whatsapp', type: 'text', text: { body: 'x' } })).toContainEqual({
      path: '/',
      message: expect.stringContaining('to'),
    });
  });

  it('rejects text over 4096 characters and accepts exactly 4096', () => {
    expect(errorsOf({ ...base, type: 'text', text: { body: 'a'.repeat(4096) } })).toEqual([]);
    expect(errorsOf({ ...base, type: 'text', text: { body: 'a'.repeat(4097) } })).toEqual([
      { path: '/text/body', message: expect.stringContaining('4096') },
    ]);
  });

  it('rejects 4 reply buttons and accepts 3', () => {
    expect(errorsOf(buttons(3))).toEqual([]);
    expect(errorsOf(buttons(4))).toContainEqual({ path: '/interactive/action/buttons', message: expect.stringContaining('3') });
  });

  it('rejects a button title over 20 characters and duplicate button ids', () => {
    const long = { ...buttons(1), interactive: { ...buttons(1).interactive, action: { buttons: [reply('a', 'x'.repeat(21))] } } };
    expect(errorsOf(long)).toContainEqual({ path: '/interactive/action/buttons/0/reply/title', message: expect.any(String) });
    const dup = { ...buttons(2), interactive: { ...buttons(2).interactive, action: { buttons: [reply('a', 'A'), reply('a', 'B')] } } };
    expect(errorsOf(dup)).toEqual([{ path: '/interactive/action/buttons', message: 'button ids must be unique' }]);
  });

  it('rejects an unknown message type', () => {
    expect(errorsOf({ ...base, type: 'poll', poll: { question: 'x' } })).toEqual([
      { path: '/type', message: expect.stringContaining('must be one of text, image') },
    ]);
    expect(errorsOf({ ...base, text: { body: 'no type' } })).toEqual([{ path: '/', message: 'must have required properties type' }]);
  });

  it('requires exactly one of media id and link, and limits captions to 1024', () => {
    expect(errorsOf({ ...base, type: 'image', image: { id: '1', caption: 'c'.repeat(1024) } })).toEqual([]);
    expect(errorsOf({ ...base, type: 'image', image: { link: 'https://x/y.jpg' } })).toEqual([]);
    expect(errorsOf({ ...base, type: 'image', image: { caption: 'no media' } }).length).toBeGreaterThan(0);
    expect(errorsOf({ ...base, type: 'image', image: { id: '1', link: 'https://x/y.jpg' } }).length).toBeGreaterThan(0);
    expect(errorsOf({ ...base, type: 'video', video: { id: '1', caption: 'c'.repeat(1025) } }).length).toBeGreaterThan(0);
  });

  it('checks list limits: ≤ 10 rows in total, titled sections, unique row ids', () => {
    const rows = (n: number, prefix: string) => Array.from({ length: n }, (_, i) => ({ id: `${prefix}${i}`, title: `Row ${i}` }));
    const list = (sections: unknown[]) => ({
      ...base,
      type: 'interactive',
      interactive: { type: 'list', body: { text: 'Choose' }, action: { button: 'Options', sections } },
    });
    expect(errorsOf(list([{ rows: rows(10, 'a') }]))).toEqual([]);
    expect(errorsOf(list([{ title: 'A', rows: rows(6, 'a') }, { title: 'B', rows: rows(5, 'b') }]))).toEqual([
      { path: '/interactive/action/sections', message: 'must have at most 10 rows in total' },
    ]);
    expect(errorsOf(list([{ title: 'A', rows: rows(1, 'a') }, { rows: rows(1, 'b') }]))).toEqual([
      { path: '/interactive/action/sections/1', message: 'title is required when there is more than one section' },
    ]);
    expect(errorsOf(list(Array.from({ length: 11 }, (_, i) => ({ title: `S${i}`, rows: rows(1, `s${i}`) })))).length).toBeGreaterThan(0);
  });

  it('accepts positional and named template parameters and rejects bad parameter names', () => {
    const template = (parameters: unknown[]) => ({
      ...base,
      type: 'template',
      template: { name: 'order_update', language: { code: 'de' }, components: [{ type: 'body', parameters }] },
    });
    expect(errorsOf(template([{ type: 'text', text: 'Anna' }]))).toEqual([]);
    expect(errorsOf(template([{ type: 'text', parameter_name: 'first_name', text: 'Anna' }]))).toEqual([]);
    expect(errorsOf(template([{ type: 'text', parameter_name: 'First-Name', text: 'Anna' }])).length).toBeGreaterThan(0);
    expect(errorsOf({ ...base, type: 'template', template: { name: 'x' } }).length).toBeGreaterThan(0);
  });

  it('accepts reaction removal (empty emoji) but not as a contextual reply', () => {
    const reaction = { ...base, type: 'reaction', reaction: { message_id: 'wamid.1', emoji: '' } };
    expect(errorsOf(reaction)).toEqual([]);
    expect(errorsOf({ ...reaction, context: { message_id: 'wamid.0' } })).toEqual([
      { path: '/context', message: 'reactions cannot be contextual replies' },
    ]);
  });

  it('rejects more than 5 contacts and a wrong messaging_product', () => {
    const card = { name: { formatted_name: 'A' } };
    expect(errorsOf({ ...base, type: 'contacts', contacts: Array(5).fill(card) })).toEqual([]);
    expect(errorsOf({ ...base, type: 'contacts', contacts: Array(6).fill(card) }).length).toBeGreaterThan(0);
    expect(errorsOf({ ...base, messaging_product: 'sms', type: 'text', text: { body: 'x' } }).length).toBeGreaterThan(0);
  });
});

describe('parseMessagesEndpointRequest', () => {
  it('tells mark-read from sends', () => {
    const read = parseMessagesEndpointRequest({ messaging_product: 'whatsapp', status: 'read', message_id: 'wamid.1' });
    expect(read.ok && isMarkReadRequest(read.value)).toBe(true);
    const text = parseMessagesEndpointRequest({ ...base, type: 'text', text: { body: 'x' } });
    expect(text.ok && isMarkReadRequest(text.value)).toBe(false);
    expect(parseMessagesEndpointRequest({ messaging_product: 'whatsapp', status: 'read' }).ok).toBe(false);
    expect(parseMessagesEndpointRequest(buttons(4)).ok).toBe(false);
  });
});

describe('parseMessageTypeObject', () => {
  it('validates the per-type object with the wire schema and interactive rules', () => {
    expect(parseMessageTypeObject('text', { body: 'hi' })).toEqual({ ok: true, value: { body: 'hi' } });
    expect(parseMessageTypeObject('text', { body: 'x'.repeat(4097) })).toMatchObject({ ok: false, errors: [{ path: '/body' }] });
    expect(parseMessageTypeObject('location', { latitude: 52.5, longitude: '13.4' }).ok).toBe(true);
    expect(parseMessageTypeObject('interactive', buttons(2).interactive).ok).toBe(true);
    const dup = { ...buttons(2).interactive, action: { buttons: [reply('a', 'T'), reply('b', 'T')] } };
    expect(parseMessageTypeObject('interactive', dup)).toEqual({
      ok: false,
      errors: [{ path: '/action/buttons', message: 'button titles must be unique' }],
    });
  });
});
