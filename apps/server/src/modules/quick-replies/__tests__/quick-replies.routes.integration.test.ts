import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { QuickReply } from '@valeo/contracts';
import { buildTestApp, type TestApp, type TestTenant } from '../../../../test/helpers/build-test-app.js';
import { testDialect } from '../../../../test/helpers/test-database.js';
import { createQuickRepliesModule } from '../index.js';

describe(`quick replies API (${testDialect()})`, () => {
  let t: TestApp;
  let reader: TestTenant;
  let other: TestTenant;

  beforeAll(async () => {
    t = await buildTestApp({ extend: ({ database }) => ({ apiPlugins: [createQuickRepliesModule({ db: database.db }).routes] }) });
    reader = await t.createApiKey(['messages:read']);
    other = await t.createTenant();
  });
  afterAll(async () => t?.close());

  const call = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, who: TestTenant | TestApp, payload?: object) =>
    t.app.inject({ method, url: `/api/v1${url}`, headers: who.authHeader, ...(payload === undefined ? {} : { payload }) });

  it('creates, lists by shortcut, edits and deletes', async () => {
    const created = await call('POST', '/quick-replies', t, { shortcut: 'versand', text: 'Ihre Bestellung ist *unterwegs*.\nViele Grüße' });
    expect(created.statusCode).toBe(201);
    const reply = created.json<QuickReply>();
    expect(reply).toMatchObject({ shortcut: 'versand', text: 'Ihre Bestellung ist *unterwegs*.\nViele Grüße' });
    await call('POST', '/quick-replies', t, { shortcut: 'danke', text: 'Vielen Dank!' });

    const list = await call('GET', '/quick-replies', reader);
    expect(list.statusCode).toBe(200);
    expect(list.json<{ data: QuickReply[] }>().data.map((q) => q.shortcut)).toEqual(['danke', 'versand']);

    const edited = await call('PATCH', `/quick-replies/${reply.id}`, t, { shortcut: 'versand-de', text: 'Unterwegs.' });
    expect(edited.statusCode).toBe(200);
    expect(edited.json()).toMatchObject({ id: reply.id, shortcut: 'versand-de', text: 'Unterwegs.' });

    expect((await call('DELETE', `/quick-replies/${reply.id}`, t)).statusCode).toBe(204);
    expect((await call('DELETE', `/quick-replies/${reply.id}`, t)).statusCode).toBe(404);
  });

  it('answers 409 for a shortcut the tenant already uses, on create and on rename', async () => {
    const first = (await call('POST', '/quick-replies', t, { shortcut: 'hallo', text: 'Hallo!' })).json<QuickReply>();
    const taken = await call('POST', '/quick-replies', t, { shortcut: 'hallo', text: 'Nochmal' });
    expect(taken.statusCode).toBe(409);
    expect(taken.json()).toMatchObject({ error: { code: 'QUICK_REPLY_SHORTCUT_TAKEN' } });
    const second = (await call('POST', '/quick-replies', t, { shortcut: 'hallo2', text: 'Hallo 2' })).json<QuickReply>();
    const rename = await call('PATCH', `/quick-replies/${second.id}`, t, { shortcut: 'hallo' });
    expect(rename.statusCode).toBe(409);
    // Renaming to its own shortcut is no conflict.
    expect((await call('PATCH', `/quick-replies/${first.id}`, t, { shortcut: 'hallo' })).statusCode).toBe(200);
  });

  it.each<[Record<string, unknown>, string]>([
    [{ shortcut: 'Groß', text: 'x' }, 'uppercase and umlauts'],
    [{ shortcut: '-start', text: 'x' }, 'a leading dash'],
    [{ shortcut: 'a'.repeat(33), text: 'x' }, 'a 33-character shortcut'],
    [{ shortcut: 'ok', text: 'x'.repeat(4097) }, 'text over 4096 characters'],
    [{ shortcut: 'ok', text: '' }, 'empty text'],
    [{ shortcut: 'ok', text: 'x', extra: 1 }, 'an unknown field'],
  ])('refuses %j (%s) with 400', async (payload, _why) => {
    const response = await call('POST', '/quick-replies', t, payload);
    expect(response.statusCode).toBe(400);
    expect(response.json()).toHaveProperty('error.code');
  });

  it('refuses blank text on create and edit', async () => {
    expect((await call('POST', '/quick-replies', t, { shortcut: 'leer', text: '  \n ' })).json()).toMatchObject({ error: { code: 'QUICK_REPLY_TEXT_EMPTY' } });
    const reply = (await call('POST', '/quick-replies', t, { shortcut: 'voll', text: 'Text' })).json<QuickReply>();
    expect((await call('PATCH', `/quick-replies/${reply.id}`, t, { text: ' ' })).statusCode).toBe(400);
    expect((await call('PATCH', `/quick-replies/${reply.id}`, t, {})).statusCode).toBe(400);
  });

  it('takes the full 4096 characters', async () => {
    expect((await call('POST', '/quick-replies', t, { shortcut: 'lang', text: 'x'.repeat(4096) })).statusCode).toBe(201);
  });

  it('lets a reader list but not change (403)', async () => {
    const response = await call('POST', '/quick-replies', reader, { shortcut: 'nope', text: 'x' });
    expect(response.statusCode).toBe(403);
    expect(response.json()).toMatchObject({ error: { details: { requiredScope: 'quick-replies:manage' } } });
  });

  it("keeps tenants apart: another tenant neither sees nor changes ours (404), and may reuse our shortcuts", async () => {
    const ours = (await call('POST', '/quick-replies', t, { shortcut: 'geheim', text: 'Nur für uns' })).json<QuickReply>();
    expect((await call('GET', '/quick-replies', other)).json<{ data: QuickReply[] }>().data).toEqual([]);
    expect((await call('PATCH', `/quick-replies/${ours.id}`, other, { text: 'gekapert' })).statusCode).toBe(404);
    expect((await call('DELETE', `/quick-replies/${ours.id}`, other)).statusCode).toBe(404);
    expect((await call('POST', '/quick-replies', other, { shortcut: 'geheim', text: 'Auch unseres' })).statusCode).toBe(201);
    const mine = (await call('GET', '/quick-replies', t)).json<{ data: QuickReply[] }>().data;
    expect(mine.find((q) => q.id === ours.id)?.text).toBe('Nur für uns');
  });
});
