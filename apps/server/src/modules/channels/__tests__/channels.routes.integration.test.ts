import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../../../test/helpers/build-test-app.js';
import { testDialect } from '../../../../test/helpers/test-database.js';
import { channelInput } from './channel-input.js';

describe(`channels routes (${testDialect()})`, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp();
  });
  afterAll(() => t.close());

  const post = (payload: object, headers = t.authHeader) => t.app.inject({ method: 'POST', url: '/api/v1/channels', headers, payload });
  const secretsOf = (input: { accessToken: string; appSecret: string; webhookVerifyToken: string }) => [input.accessToken, input.appSecret, input.webhookVerifyToken];

  it('401 UNAUTHENTICATED without a key and with a wrong key', async () => {
    const none = await t.app.inject({ method: 'GET', url: '/api/v1/channels' });
    expect(none.statusCode).toBe(401);
    expect(none.json().error.code).toBe('UNAUTHENTICATED');
    const wrong = await t.app.inject({ method: 'GET', url: '/api/v1/channels', headers: { authorization: `Bearer ${t.apiKey}x` } });
    expect(wrong.statusCode).toBe(401);
  });

  it('401 before validation: an anonymous caller learns nothing about the schema', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/channels', payload: { nonsense: true } });
    expect(res.statusCode).toBe(401);
  });

  it('403 FORBIDDEN when the key lacks the scope; channels:manage implies channels:read', async () => {
    const sender = await t.createApiKey(['messages:send']);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/channels', headers: sender.authHeader })).statusCode).toBe(403);
    const reader = await t.createApiKey(['channels:read']);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/channels', headers: reader.authHeader })).statusCode).toBe(200);
    const denied = await post(channelInput(), reader.authHeader);
    expect(denied.statusCode).toBe(403);
    expect(denied.json().error).toMatchObject({ code: 'FORBIDDEN', details: { requiredScope: 'channels:manage' } });
    const manager = await t.createApiKey(['channels:manage']);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/channels', headers: manager.authHeader })).statusCode).toBe(200);
  });

  it('400 VALIDATION_FAILED with field paths', async () => {
    const { accessToken: _omit, ...withoutToken } = channelInput();
    const res = await post({ ...withoutToken, provider: 'twilio', graphBaseUrl: 'ftp://example.com', phoneNumberId: 'abc', tenantId: 'someone-else' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('VALIDATION_FAILED');
    const paths = (res.json().error.details.issues as Array<{ path: string }>).map((i) => i.path).sort();
    expect(paths).toEqual(['body.accessToken', 'body.graphBaseUrl', 'body.phoneNumberId', 'body.provider', 'body.tenantId']);
  });

  it('creates, lists and gets a channel without ever returning a secret, and stores none in plaintext', async () => {
    const input = channelInput();
    const created = await post(input);
    expect(created.statusCode).toBe(201);
    const channel = created.json();
    expect(channel).toMatchObject({
      id: expect.any(String), name: input.name, provider: 'cloud-api', phoneNumberId: input.phoneNumberId, wabaId: input.wabaId,
      displayPhoneNumber: input.displayPhoneNumber, graphBaseUrl: null, graphApiVersion: null, sandbox: false, accessTokenHint: '…XYZ9',
    });
    const list = await t.app.inject({ method: 'GET', url: '/api/v1/channels', headers: t.authHeader });
    const got = await t.app.inject({ method: 'GET', url: `/api/v1/channels/${channel.id}`, headers: t.authHeader });
    expect(list.json().data.map((c: { id: string }) => c.id)).toContain(channel.id);
    expect(list.json().data.every((c: { sandbox: unknown }) => typeof c.sandbox === 'boolean')).toBe(true);
    expect(got.json()).toEqual(channel);
    for (const body of [created.body, list.body, got.body]) {
      for (const secret of secretsOf(input)) expect(body).not.toContain(secret);
      expect(body).not.toMatch(/accessToken"|appSecret|webhookVerifyToken|credentials/);
    }
    const row = await t.database.db.selectFrom('channels').selectAll().where('id', '=', channel.id).executeTakeFirstOrThrow();
    for (const secret of secretsOf(input)) expect(JSON.stringify(row)).not.toContain(secret);
  });

  it('another tenant\'s channel is 404 CHANNEL_NOT_FOUND for get, patch and delete', async () => {
    const channel = (await post(channelInput())).json();
    const other = await t.createTenant();
    const url = `/api/v1/channels/${channel.id}`;
    for (const req of [
      { method: 'GET' as const, url },
      { method: 'PATCH' as const, url, payload: { name: 'stolen' } },
      { method: 'DELETE' as const, url },
    ]) {
      const res = await t.app.inject({ ...req, headers: other.authHeader });
      expect(res.statusCode).toBe(404);
      expect(res.json().error.code).toBe('CHANNEL_NOT_FOUND');
    }
    const list = await t.app.inject({ method: 'GET', url: '/api/v1/channels', headers: other.authHeader });
    expect(list.json().data).toEqual([]);
    expect((await t.app.inject({ method: 'GET', url, headers: t.authHeader })).json().name).toBe(channel.name);
  });

  it('409 CHANNEL_PHONE_NUMBER_TAKEN for a duplicate phone number id, even from another tenant', async () => {
    const input = channelInput();
    expect((await post(input)).statusCode).toBe(201);
    const again = await post({ ...input, name: 'Duplicate' });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('CHANNEL_PHONE_NUMBER_TAKEN');
    const other = await t.createTenant();
    expect((await post({ ...input, name: 'Theirs' }, other.authHeader)).statusCode).toBe(409);
  });

  it('patches name, credentials and base URL; rejects identity changes', async () => {
    const channel = (await post(channelInput())).json();
    const url = `/api/v1/channels/${channel.id}`;
    const patched = await t.app.inject({ method: 'PATCH', url, headers: t.authHeader, payload: { name: 'Support', accessToken: 'EAAG-rotated-token-7777', graphBaseUrl: 'https://graph.example.test' } });
    expect(patched.statusCode).toBe(200);
    expect(patched.json()).toMatchObject({ name: 'Support', accessTokenHint: '…7777', graphBaseUrl: 'https://graph.example.test' });
    expect(patched.body).not.toContain('EAAG-rotated-token-7777');
    const identity = await t.app.inject({ method: 'PATCH', url, headers: t.authHeader, payload: { phoneNumberId: '123' } });
    expect(identity.statusCode).toBe(400);
    expect(identity.json().error.details.issues).toEqual([{ path: 'body.phoneNumberId', message: 'is not allowed' }]);
    const empty = await t.app.inject({ method: 'PATCH', url, headers: t.authHeader, payload: {} });
    expect(empty.statusCode).toBe(400);
  });

  it('deletes a channel: 204, then 404', async () => {
    const channel = (await post(channelInput())).json();
    const url = `/api/v1/channels/${channel.id}`;
    expect((await t.app.inject({ method: 'DELETE', url, headers: t.authHeader })).statusCode).toBe(204);
    expect((await t.app.inject({ method: 'GET', url, headers: t.authHeader })).statusCode).toBe(404);
  });

  it('shows sandbox channels as sandbox: true', async () => {
    await t.modules.channels.service.ensureSandboxChannel({
      tenantId: t.tenantId, phoneNumberId: '15559990000', wabaId: '15559990001', displayPhoneNumber: '+1 555 999 0000',
      accessToken: 'sandbox-token-0000', appSecret: 's', webhookVerifyToken: 'v', graphBaseUrl: 'http://127.0.0.1:4999',
    });
    const list = await t.app.inject({ method: 'GET', url: '/api/v1/channels?limit=100', headers: t.authHeader });
    const sandbox = list.json().data.find((c: { phoneNumberId: string }) => c.phoneNumberId === '15559990000');
    expect(sandbox).toMatchObject({ sandbox: true, graphBaseUrl: 'http://127.0.0.1:4999' });
  });
});
