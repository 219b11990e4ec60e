import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialect } from '../../../../test/helpers/test-database.js';
import { buildUsersTestApp, type UsersTestApp } from './users-test-app.js';

type Json = Record<string, unknown>;
type ErrorBody = { error: { code: string; details?: { issues?: { path: string }[] } } };

describe(`users API (${testDialect()})`, () => {
  let t: UsersTestApp;
  let auth: { authorization: string };
  beforeAll(async () => {
    t = await buildUsersTestApp();
    auth = { authorization: `Bearer ${t.adminKey}` };
  });
  afterAll(() => t.close());

  const call = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: Json, headers: Record<string, string> = auth) =>
    t.app.inject({ method, url, headers, ...(payload ? { payload } : {}) });

  it('creates a user (201) without ever returning the password or its hash, and the user can sign in', async () => {
    const res = await call('POST', '/api/v1/users', { email: 'Sabine@Example.com', name: 'Sabine Supervisor', password: 'a long enough password', role: 'supervisor' });
    expect(res.statusCode).toBe(201);
    const user = res.json<Json>();
    expect(user).toMatchObject({ tenantId: t.tenantId, email: 'sabine@example.com', name: 'Sabine Supervisor', role: 'supervisor', lastLoginAt: null });
    expect(Object.keys(user).sort()).toEqual(['active', 'createdAt', 'email', 'id', 'lastLoginAt', 'name', 'role', 'tenantId', 'updatedAt']);
    await t.login('sabine@example.com', 'a long enough password');

    const list = await call('GET', '/api/v1/users');
    expect(list.statusCode).toBe(200);
    expect(list.body).not.toMatch(/password|scrypt/i);
    const listed = list.json<{ data: Json[] }>().data.find((u) => u['id'] === user['id']);
    expect(listed?.['lastLoginAt']).toEqual(expect.any(String));
  });

  it('validates: password at least 12 characters, a known role, an e-mail address, no extra fields', async () => {
    const base = { email: 'v@example.com', name: 'V', password: 'twelve chars', role: 'agent' };
    expect((await call('POST', '/api/v1/users', base)).statusCode).toBe(201);
    for (const bad of [
      { ...base, email: 'short@example.com', password: 'elevenchars' },
      { ...base, email: 'role@example.com', role: 'owner' },
      { ...base, email: 'not-an-address' },
      { ...base, email: 'extra@example.com', tenantId: 'someone-else' },
    ]) {
      const res = await call('POST', '/api/v1/users', bad);
      expect(res.statusCode, JSON.stringify(bad)).toBe(400);
      expect(res.json<ErrorBody>().error.code).toBe('VALIDATION_FAILED');
    }
  });

  it('409 USER_EMAIL_TAKEN for an address in use, whatever its case or tenant', async () => {
    await t.createUser('agent', { email: 'taken@example.com' });
    const res = await call('POST', '/api/v1/users', { email: 'TAKEN@example.com', name: 'X', password: 'a long enough password', role: 'agent' });
    expect(res.statusCode).toBe(409);
    expect(res.json<ErrorBody>().error.code).toBe('USER_EMAIL_TAKEN');
  });

  it('updates name and role; a new password signs the user out elsewhere and the new one works', async () => {
    const agent = await t.createUser('agent');
    const session = await t.login(agent.email, agent.password);
    const renamed = await call('PATCH', `/api/v1/users/${agent.id}`, { name: 'Renamed', role: 'viewer' });
    expect(renamed.statusCode).toBe(200);
    expect(renamed.json()).toMatchObject({ name: 'Renamed', role: 'viewer' });
    // The role applies to the open session at once.
    const send = await t.app.inject({ method: 'POST', url: '/api/v1/probe/send', headers: { cookie: session.cookie, 'x-csrf-token': session.csrfToken } });
    expect(send.statusCode).toBe(403);

    expect((await call('PATCH', `/api/v1/users/${agent.id}`, { password: 'the brand new password' })).statusCode).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie: session.cookie } })).statusCode).toBe(401);
    await t.login(agent.email, 'the brand new password');
    expect((await call('PATCH', `/api/v1/users/${agent.id}`, {})).statusCode).toBe(400);
  });

  it('an admin who changes their own password stays signed in', async () => {
    const admin = await t.createUser('admin');
    const session = await t.login(admin.email, admin.password);
    const headers = { cookie: session.cookie, 'x-csrf-token': session.csrfToken };
    expect((await call('PATCH', `/api/v1/users/${admin.id}`, { password: 'my own new password' }, headers)).statusCode).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie: session.cookie } })).statusCode).toBe(200);
  });

  it('deletes a user (204); the tenant keeps at least one admin (409 USER_LAST_ADMIN)', async () => {
    const other = await t.tenants.tenants.createTenant({ name: 'Solo', slug: 'solo-admin' });
    const { key } = await t.tenants.apiKeys.createApiKey({ tenantId: other.id, name: 'k', scopes: ['admin'] });
    const soloAuth = { authorization: `Bearer ${key}` };
    const solo = await t.createUser('admin', { tenantId: other.id });
    const demote = await call('PATCH', `/api/v1/users/${solo.id}`, { role: 'agent' }, soloAuth);
    expect(demote.json<ErrorBody>().error.code).toBe('USER_LAST_ADMIN');
    expect((await call('DELETE', `/api/v1/users/${solo.id}`, undefined, soloAuth)).statusCode).toBe(409);

    const second = await t.createUser('admin', { tenantId: other.id });
    expect((await call('DELETE', `/api/v1/users/${solo.id}`, undefined, soloAuth)).statusCode).toBe(204);
    expect((await call('DELETE', `/api/v1/users/${solo.id}`, undefined, soloAuth)).statusCode).toBe(404);
    expect((await call('PATCH', `/api/v1/users/${second.id}`, { role: 'viewer' }, soloAuth)).statusCode).toBe(409);
  });

  it("another tenant's user is 404 and not listed", async () => {
    const other = await t.tenants.tenants.createTenant({ name: 'Other', slug: 'other-users' });
    const foreign = await t.createUser('agent', { tenantId: other.id });
    expect((await call('PATCH', `/api/v1/users/${foreign.id}`, { name: 'Hijacked' })).statusCode).toBe(404);
    expect((await call('DELETE', `/api/v1/users/${foreign.id}`)).statusCode).toBe(404);
    const ids = (await call('GET', '/api/v1/users?limit=100')).json<{ data: Json[] }>().data.map((u) => u['id']);
    expect(ids).not.toContain(foreign.id);
  });

  it('pages with a cursor', async () => {
    const first = await call('GET', '/api/v1/users?limit=2');
    const page = first.json<{ data: Json[]; nextCursor: string | null }>();
    expect(page.data).toHaveLength(2);
    expect(page.nextCursor).toEqual(expect.any(String));
    const next = (await call('GET', `/api/v1/users?limit=2&cursor=${page.nextCursor}`)).json<{ data: Json[] }>();
    expect(next.data.map((u) => u['id'])).not.toContain(page.data[0]!['id']);
  });

  it('requires admin: a key without it gets 403', async () => {
    const { key } = await t.tenants.apiKeys.createApiKey({ tenantId: t.tenantId, name: 'reader', scopes: ['messages:read'] });
    expect((await call('GET', '/api/v1/users', undefined, { authorization: `Bearer ${key}` })).statusCode).toBe(403);
  });
});
