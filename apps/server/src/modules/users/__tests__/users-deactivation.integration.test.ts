import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testDialect } from '../../../../test/helpers/test-database.js';
import { buildUsersTestApp, type SignedIn, type UsersTestApp } from './users-test-app.js';

type Json = Record<string, unknown>;
type ErrorBody = { error: { code: string } };

describe(`users: deactivation and the own password change (${testDialect()})`, () => {
  let t: UsersTestApp;
  let auth: { authorization: string };
  beforeEach(async () => {
    t = await buildUsersTestApp();
    auth = { authorization: `Bearer ${t.adminKey}` };
  });
  afterEach(() => t.close());

  const call = (method: 'GET' | 'POST' | 'PATCH', url: string, payload?: Json, headers: Record<string, string> = auth) =>
    t.app.inject({ method, url, headers, ...(payload ? { payload } : {}) });
  const asUser = (s: SignedIn) => ({ cookie: s.cookie, 'x-csrf-token': s.csrfToken });
  const me = (s: SignedIn) => t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie: s.cookie } });
  const loginStatus = async (email: string, password: string) =>
    (await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password } })).json<ErrorBody | Json>();

  it('deactivating ends every session and refuses sign-in like a wrong password; reactivating lets them in again', async () => {
    const agent = await t.createUser('agent');
    const session = await t.login(agent.email, agent.password);
    const off = await call('PATCH', `/api/v1/users/${agent.id}`, { active: false });
    expect(off.statusCode).toBe(200);
    expect(off.json()).toMatchObject({ id: agent.id, active: false });
    expect((await me(session)).statusCode).toBe(401);
    expect(await loginStatus(agent.email, agent.password)).toMatchObject({ error: { code: 'INVALID_CREDENTIALS' } });
    const listed = (await call('GET', '/api/v1/users')).json<{ data: Json[] }>().data.find((u) => u['id'] === agent.id);
    expect(listed?.['active']).toBe(false);

    const on = await call('PATCH', `/api/v1/users/${agent.id}`, { active: true });
    expect(on.json()).toMatchObject({ active: true });
    await t.login(agent.email, agent.password);
  });

  it('the directory other modules assign from leaves a deactivated user out but still names them', async () => {
    const agent = await t.createUser('agent');
    await call('PATCH', `/api/v1/users/${agent.id}`, { active: false });
    expect((await t.users.directory.all(t.tenantId)).map((m) => m.id)).not.toContain(agent.id);
    expect((await t.users.directory.byIds(t.tenantId, [agent.id])).get(agent.id)).toMatchObject({ role: 'agent' });
  });

  it('an admin cannot deactivate themselves, nor the last active admin be deactivated or demoted', async () => {
    const first = await t.createUser('admin');
    const session = await t.login(first.email, first.password);
    const self = await call('PATCH', `/api/v1/users/${first.id}`, { active: false }, asUser(session));
    expect(self.statusCode).toBe(409);
    expect(self.json<ErrorBody>().error.code).toBe('USER_SELF_DEACTIVATION');
    const last = await call('PATCH', `/api/v1/users/${first.id}`, { active: false });
    expect(last.statusCode).toBe(409);
    expect(last.json<ErrorBody>().error.code).toBe('USER_LAST_ADMIN');

    const second = await t.createUser('admin');
    expect((await call('PATCH', `/api/v1/users/${first.id}`, { active: false })).statusCode).toBe(200);
    // A deactivated admin administers nothing: the second is now the last active one.
    const demote = await call('PATCH', `/api/v1/users/${second.id}`, { role: 'agent' });
    expect(demote.json<ErrorBody>().error.code).toBe('USER_LAST_ADMIN');
    expect((await call('PATCH', `/api/v1/users/${first.id}`, { role: 'agent' })).statusCode).toBe(200);
  });

  it('a user changes their own password: this session stays, the others end, the new password signs in', async () => {
    const agent = await t.createUser('agent');
    const here = await t.login(agent.email, agent.password);
    const elsewhere = await t.login(agent.email, agent.password);
    const res = await call('POST', '/api/v1/auth/password', { currentPassword: agent.password, newPassword: 'my very own new password' }, asUser(here));
    expect(res.statusCode).toBe(204);
    expect((await me(here)).statusCode).toBe(200);
    expect((await me(elsewhere)).statusCode).toBe(401);
    expect(await loginStatus(agent.email, agent.password)).toMatchObject({ error: { code: 'INVALID_CREDENTIALS' } });
    await t.login(agent.email, 'my very own new password');
  });

  it('a wrong current password → 422 and counts towards the lockout (then 429); the password stays', async () => {
    const agent = await t.createUser('viewer');
    const session = await t.login(agent.email, agent.password);
    const attempt = () => call('POST', '/api/v1/auth/password', { currentPassword: 'not my password', newPassword: 'a new long password' }, asUser(session));
    const first = await attempt();
    expect(first.statusCode).toBe(422);
    expect(first.json<ErrorBody>().error.code).toBe('USER_PASSWORD_WRONG');
    for (let i = 1; i < 5; i++) expect((await attempt()).statusCode).toBe(422);
    const locked = await attempt();
    expect(locked.statusCode).toBe(429);
    expect(locked.json<ErrorBody>().error.code).toBe('ACCOUNT_LOCKED');
    expect((await me(session)).statusCode).toBe(200);
  });

  it('refuses API keys (403), a missing CSRF token (403) and a short new password (400)', async () => {
    const agent = await t.createUser('agent');
    const session = await t.login(agent.email, agent.password);
    const body = { currentPassword: agent.password, newPassword: 'another long password' };
    expect((await call('POST', '/api/v1/auth/password', body)).statusCode).toBe(403);
    expect((await call('POST', '/api/v1/auth/password', body, { cookie: session.cookie })).statusCode).toBe(403);
    expect((await call('POST', '/api/v1/auth/password', { ...body, newPassword: 'short' }, asUser(session))).statusCode).toBe(400);
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/auth/password', payload: body })).statusCode).toBe(401);
  });
});
