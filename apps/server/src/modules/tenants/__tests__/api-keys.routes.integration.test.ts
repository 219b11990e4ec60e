import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../../../test/helpers/build-test-app.js';
import { testDialect } from '../../../../test/helpers/test-database.js';

describe(`api-keys routes (${testDialect()})`, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp();
  });
  afterAll(() => t.close());

  const create = (payload: object, headers = t.authHeader) => t.app.inject({ method: 'POST', url: '/api/v1/api-keys', headers, payload });

  it('creates a key, shows it once, and the new key works', async () => {
    const res = await create({ name: 'ERP', scopes: ['messages:send', 'channels:read'] });
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(body).toMatchObject({ id: expect.any(String), name: 'ERP', scopes: ['messages:send', 'channels:read'], lastUsedAt: null, revokedAt: null });
    expect(body.key).toMatch(new RegExp(`^vhub_${body.prefix}_[A-Za-z0-9]{43}$`));
    const withNewKey = await t.app.inject({ method: 'GET', url: '/api/v1/channels', headers: { authorization: `Bearer ${body.key}` } });
    expect(withNewKey.statusCode).toBe(200);

    const list = await t.app.inject({ method: 'GET', url: '/api/v1/api-keys', headers: t.authHeader });
    expect(list.statusCode).toBe(200);
    const listed = list.json().data.find((k: { id: string }) => k.id === body.id);
    expect(listed).toMatchObject({ name: 'ERP', prefix: body.prefix });
    expect(listed.lastUsedAt).not.toBeNull();
    expect(list.body).not.toContain(body.key);
    expect(list.body).not.toContain(body.key.split('_')[2]);
    expect(list.body).not.toMatch(/"key"|keyHash|key_hash/);
  });

  it('revokes a key: 204, then the key is rejected with 401', async () => {
    const { id, key } = (await create({ name: 'temp', scopes: ['channels:read'] })).json();
    const headers = { authorization: `Bearer ${key}` };
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/channels', headers })).statusCode).toBe(200);
    expect((await t.app.inject({ method: 'DELETE', url: `/api/v1/api-keys/${id}`, headers: t.authHeader })).statusCode).toBe(204);
    const after = await t.app.inject({ method: 'GET', url: '/api/v1/channels', headers });
    expect(after.statusCode).toBe(401);
    const listed = (await t.app.inject({ method: 'GET', url: '/api/v1/api-keys', headers: t.authHeader })).json().data.find((k: { id: string }) => k.id === id);
    expect(listed.revokedAt).not.toBeNull();
  });

  it('is admin-only: a non-admin key gets 403 on every api-keys route', async () => {
    const manager = await t.createApiKey(['channels:manage', 'messages:send']);
    expect((await create({ name: 'x', scopes: ['admin'] }, manager.authHeader)).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/api-keys', headers: manager.authHeader })).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'DELETE', url: '/api/v1/api-keys/whatever', headers: manager.authHeader })).statusCode).toBe(403);
  });

  it('another tenant\'s key is 404 and is not listed', async () => {
    const other = await t.createTenant();
    const { id } = (await create({ name: 'mine', scopes: ['channels:read'] })).json();
    const res = await t.app.inject({ method: 'DELETE', url: `/api/v1/api-keys/${id}`, headers: other.authHeader });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('API_KEY_NOT_FOUND');
    const theirs = (await t.app.inject({ method: 'GET', url: '/api/v1/api-keys', headers: other.authHeader })).json().data;
    expect(theirs.map((k: { id: string }) => k.id)).not.toContain(id);
  });

  it('validates scopes and names with field paths', async () => {
    const res = await create({ name: '', scopes: ['admin', 'root'] });
    expect(res.statusCode).toBe(400);
    const paths = (res.json().error.details.issues as Array<{ path: string }>).map((i) => i.path).sort();
    expect(paths).toEqual(['body.name', 'body.scopes.1']);
    expect((await create({ name: 'x', scopes: [] })).statusCode).toBe(400);
  });

  it('pages through keys with limit and cursor', async () => {
    const fresh = await t.createTenant();
    const headers = fresh.authHeader;
    for (let i = 0; i < 3; i++) await create({ name: `p${i}`, scopes: ['channels:read'] }, headers);
    const first = (await t.app.inject({ method: 'GET', url: '/api/v1/api-keys?limit=2', headers })).json();
    expect(first.data).toHaveLength(2);
    const second = (await t.app.inject({ method: 'GET', url: `/api/v1/api-keys?limit=2&cursor=${first.nextCursor}`, headers })).json();
    expect(second.data).toHaveLength(2); // the tenant's own admin key + 3 created = 4
    expect(second.nextCursor).toBeNull();
    const bad = await t.app.inject({ method: 'GET', url: '/api/v1/api-keys?cursor=not-ours', headers });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('INVALID_CURSOR');
  });
});
