import { afterEach, describe, expect, it } from 'vitest';
import { eventually } from './helpers/eventually.js';
import { NUMBER, sendPath, startHarness, type Harness } from './helpers/emulator-harness.js';
import { messagesOf, statusesOf } from './helpers/webhook-receiver.js';

const ECHO = '4915100000001';
const BUTTONS = '4915100000003';
const UNREACHABLE = '4915100000005';

const helloWorld = (to: string) => ({ messaging_product: 'whatsapp', to, type: 'template', template: { name: 'hello_world', language: { code: 'en_US' } } });

describe('personas', () => {
  let h: Harness;
  afterEach(() => h.close());

  it('a default echo persona reads a template, replies, and its reply opens the window', async () => {
    h = await startHarness({ personas: 'default', statusDelaysMs: null });
    const sent = await h.call('POST', sendPath, helloWorld(ECHO));
    const wamid = (sent.body['messages'] as { id: string }[])[0]?.id;
    const reply = await eventually(() => {
      const message = messagesOf(h.receiver.received).find((m) => m['from'] === ECHO);
      expect(message).toBeDefined();
      return message!;
    });
    expect(reply['text']).toEqual({ body: 'template:hello_world' });
    // Webhooks are POSTed concurrently (no ordering guarantee, like Meta): compare as a set.
    expect(statusesOf(h.receiver.received).filter((s) => s['id'] === wamid).map((s) => s['status']).sort()).toEqual(['delivered', 'read', 'sent']);

    await h.call('POST', sendPath, { messaging_product: 'whatsapp', to: ECHO, type: 'text', text: { body: 'Wie geht es?' } });
    await eventually(() => expect(messagesOf(h.receiver.received).map((m) => (m['text'] as { body?: string } | undefined)?.body)).toContain('Wie geht es?'));
  });

  it('a button-clicker taps the first reply button and quotes the message', async () => {
    h = await startHarness({ personas: 'default', statusDelaysMs: null });
    await h.call('POST', sendPath, helloWorld(BUTTONS));
    await eventually(() => expect(messagesOf(h.receiver.received)).toHaveLength(1));
    const sent = await h.call('POST', sendPath, {
      messaging_product: 'whatsapp', to: BUTTONS, type: 'interactive',
      interactive: { type: 'button', body: { text: 'Termin bestätigen?' }, action: { buttons: [{ type: 'reply', reply: { id: 'confirm', title: 'Ja' } }] } },
    });
    const wamid = (sent.body['messages'] as { id: string }[])[0]?.id;
    const click = await eventually(() => {
      const found = messagesOf(h.receiver.received).find((m) => m['type'] === 'interactive');
      expect(found).toBeDefined();
      return found!;
    });
    expect(click['interactive']).toEqual({ type: 'button_reply', button_reply: { id: 'confirm', title: 'Ja' } });
    expect(click['context']).toEqual({ from: '15550783881', id: wamid });
  });

  it('an unreachable persona makes sends fail with 131026', async () => {
    h = await startHarness({ personas: 'default', statusDelaysMs: null });
    await h.call('POST', sendPath, helloWorld(UNREACHABLE));
    await eventually(() => expect(statusesOf(h.receiver.received)).toEqual([expect.objectContaining({ status: 'failed', errors: [expect.objectContaining({ code: 131026 })] })]));
  });

  it('registers a custom persona bound to one number', async () => {
    h = await startHarness({ statusDelaysMs: null });
    const created = await h.call('POST', '/_emulator/personas', { phoneNumberId: NUMBER.phoneNumberId, waId: '+49 170 1234567', name: 'Grete', script: 'greeter', replyDelayMs: 0 }, null);
    expect(created.body['persona']).toMatchObject({ waId: '491701234567', script: 'greeter' });
    await h.call('POST', sendPath, helloWorld('491701234567'));
    const greeting = await eventually(() => {
      const found = messagesOf(h.receiver.received)[0];
      expect(found).toBeDefined();
      return found!;
    });
    expect(greeting['text']).toEqual({ body: 'Grüß Gott! Hier ist Grete 👋' });
    expect(h.receiver.received.every((w) => w.validSignature)).toBe(true);
    expect((await h.call('GET', '/_emulator/personas', undefined, null)).body['personas']).toHaveLength(1);
    expect((await h.call('POST', '/_emulator/personas', { waId: '1', name: 'x', script: 'dancer' }, null)).status).toBe(400);
  });
});
