import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { testDialect } from '../../../../test/helpers/test-database.js';
import { buildUsersTestApp, type UsersTestApp } from './users-test-app.js';

type ErrorBody = { error: { code: string; details?: Record<string, unknown> } };

describe(`sign-in, sessions and CSRF (${testDialect()})`, () => {
  let t: UsersTestApp;
  beforeAll(async () => {
    t = await buildUsersTestApp();
  });
  afterAll(() => t.close());

  const login = (email: string, password: string) => t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password } });

  it('signs in: the user without secrets, a CSRF token and an HttpOnly, SameSite=Strict cookie (not Secure over http)', async () => {
    const agent = await t.createUser('agent', { email: 'Anna.Agent@Example.com' });
    const res = await login('  anna.agent@EXAMPLE.com ', agent.password);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.user).toEqual({ id: agent.id, tenantId: t.tenantId, email: 'anna.agent@example.com', name: expect.any(String), role: 'agent' });
    expect(body.csrfToken).toMatch(/^[A-Za-z0-9_-]{40,}$/);
    expect(res.body).not.toMatch(/password|scrypt/i);
    expect(res.headers['cache-control']).toBe('no-store');
    const cookie = String(res.headers['set-cookie']);
    expect(cookie).toMatch(/^hub_session=[A-Za-z0-9_-]{40,}; /);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Strict');
    expect(cookie).toContain('Path=/');
    expect(cookie).toMatch(/Max-Age=\d+/);
    expect(cookie).not.toContain('Secure');
  });

  it('stores only the SHA-256 of the session token', async () => {
    const agent = await t.createUser('agent');
    const session = await t.login(agent.email, agent.password);
    const token = session.cookie.split('=')[1]!;
    const rows = await t.database.db.selectFrom('sessions').select('token_hash').execute();
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.map((r) => r.token_hash)).not.toContain(token);
    const { createHash } = await import('node:crypto');
    expect(rows.map((r) => r.token_hash)).toContain(createHash('sha256').update(token).digest('hex'));
  });

  it('answers a wrong password and an unknown address identically (401 INVALID_CREDENTIALS)', async () => {
    const agent = await t.createUser('agent');
    const wrong = await login(agent.email, 'not the password at all');
    const unknown = await login('nobody@example.com', 'not the password at all');
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    const strip = (body: string) => ({ ...(JSON.parse(body) as ErrorBody).error, requestId: undefined });
    expect(strip(wrong.body)).toEqual(strip(unknown.body));
    expect(strip(wrong.body).code).toBe('INVALID_CREDENTIALS');
    expect(wrong.headers['set-cookie']).toBeUndefined();
  });

  it('refuses a sign-in posted by a cross-site HTML form (no JSON body)', async () => {
    const admin = await t.createUser('admin');
    const form = await t.app.inject({
      method: 'POST', url: '/api/v1/auth/login',
      headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: `email=${encodeURIComponent(admin.email)}&password=${encodeURIComponent(admin.password)}`,
    });
    expect(form.statusCode).toBe(415);
    const plain = await t.app.inject({
      method: 'POST', url: '/api/v1/auth/login',
      headers: { 'content-type': 'text/plain' }, payload: JSON.stringify({ email: admin.email, password: admin.password }),
    });
    expect(plain.statusCode).toBe(400);
    expect(form.headers['set-cookie'] ?? plain.headers['set-cookie']).toBeUndefined();
  });

  it('GET /auth/me answers the user and the same CSRF token with the cookie, 401 without', async () => {
    const viewer = await t.createUser('viewer');
    const session = await t.login(viewer.email, viewer.password);
    const me = await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie: session.cookie } });
    expect(me.statusCode).toBe(200);
    expect(me.json()).toEqual({ user: session.body['user'], csrfToken: session.csrfToken });
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/auth/me' })).statusCode).toBe(401);
    const byKey = await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { authorization: `Bearer ${t.adminKey}` } });
    expect(byKey.statusCode).toBe(401);
  });

  it('with the cookie, unsafe methods need X-CSRF-Token (403 CSRF_TOKEN_INVALID); safe ones do not; API keys never do', async () => {
    const agent = await t.createUser('agent');
    const session = await t.login(agent.email, agent.password);
    const send = (headers: Record<string, string>) => t.app.inject({ method: 'POST', url: '/api/v1/probe/send', headers });

    const missing = await send({ cookie: session.cookie });
    expect(missing.statusCode).toBe(403);
    expect(missing.json<ErrorBody>().error.code).toBe('CSRF_TOKEN_INVALID');
    const wrong = await send({ cookie: session.cookie, 'x-csrf-token': `${session.csrfToken.slice(0, -2)}xx` });
    expect(wrong.json<ErrorBody>().error.code).toBe('CSRF_TOKEN_INVALID');
    expect((await send({ cookie: session.cookie, 'x-csrf-token': session.csrfToken })).statusCode).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/probe/read', headers: { cookie: session.cookie } })).statusCode).toBe(200);

    expect((await send({ authorization: `Bearer ${t.adminKey}` })).statusCode).toBe(200);
    // A key wins over a cookie on the same request, so no CSRF token is asked for.
    expect((await send({ authorization: `Bearer ${t.adminKey}`, cookie: session.cookie })).statusCode).toBe(200);
  });

  it("another session's CSRF token does not do", async () => {
    const agent = await t.createUser('agent');
    const first = await t.login(agent.email, agent.password);
    const second = await t.login(agent.email, agent.password);
    expect(second.csrfToken).not.toBe(first.csrfToken);
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/probe/send', headers: { cookie: first.cookie, 'x-csrf-token': second.csrfToken } });
    expect(res.statusCode).toBe(403);
  });

  it('maps roles to scopes: viewer reads but cannot send; agent sends; only admin manages users', async () => {
    const viewerUser = await t.createUser('viewer');
    const viewer = await t.login(viewerUser.email, viewerUser.password);
    const asViewer = { cookie: viewer.cookie, 'x-csrf-token': viewer.csrfToken };
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/probe/read', headers: asViewer })).statusCode).toBe(200);
    const denied = await t.app.inject({ method: 'POST', url: '/api/v1/probe/send', headers: asViewer });
    expect(denied.statusCode).toBe(403);
    expect(denied.json<ErrorBody>().error.code).toBe('FORBIDDEN');

    for (const role of ['agent', 'supervisor', 'marketing'] as const) {
      const user = await t.createUser(role);
      const s = await t.login(user.email, user.password);
      const headers = { cookie: s.cookie, 'x-csrf-token': s.csrfToken };
      expect((await t.app.inject({ method: 'POST', url: '/api/v1/probe/send', headers })).statusCode, role).toBe(200);
      expect((await t.app.inject({ method: 'GET', url: '/api/v1/users', headers })).statusCode, role).toBe(403);
    }
    const admin = await t.createUser('admin');
    const s = await t.login(admin.email, admin.password);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/users', headers: { cookie: s.cookie } })).statusCode).toBe(200);
  });

  it('sign-out revokes the session and clears the cookie; signing out again is harmless', async () => {
    const agent = await t.createUser('agent');
    const session = await t.login(agent.email, agent.password);
    const noCsrf = await t.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: { cookie: session.cookie } });
    expect(noCsrf.statusCode).toBe(403);

    const out = await t.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: { cookie: session.cookie, 'x-csrf-token': session.csrfToken } });
    expect(out.statusCode).toBe(204);
    expect(String(out.headers['set-cookie'])).toMatch(/^hub_session=; .*Max-Age=0/);
    const after = await t.app.inject({ method: 'GET', url: '/api/v1/probe/read', headers: { cookie: session.cookie } });
    expect(after.statusCode).toBe(401);
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: { cookie: session.cookie } })).statusCode).toBe(204);
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/auth/logout' })).statusCode).toBe(204);
  });

  it('a session expires after its lifetime', async () => {
    const agent = await t.createUser('agent');
    const session = await t.login(agent.email, agent.password);
    const maxAge = Number(/Max-Age=(\d+)/.exec(session.setCookie)?.[1]);
    t.clock.advance(maxAge * 1000 + 1);
    try {
      expect((await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie: session.cookie } })).statusCode).toBe(401);
    } finally {
      t.clock.advance(-(maxAge * 1000 + 1));
    }
  });

  it('deleting a user ends their sessions', async () => {
    const agent = await t.createUser('agent');
    const session = await t.login(agent.email, agent.password);
    await t.users.users.deleteUser(t.tenantId, agent.id);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie: session.cookie } })).statusCode).toBe(401);
    const left = await sql<{ n: number }>`select count(*) as n from sessions where user_id = ${agent.id}`.execute(t.database.db);
    expect(Number(left.rows[0]?.n)).toBe(0);
  });

});

describe(`session cookie over https (${testDialect()})`, () => {
  it('is Secure when PUBLIC_BASE_URL is https', async () => {
    const t = await buildUsersTestApp({ publicBaseUrl: 'https://hub.example.com' });
    try {
      const admin = await t.createUser('admin');
      const session = await t.login(admin.email, admin.password);
      expect(session.setCookie).toMatch(/; Secure(;|$)/);
    } finally {
      await t.close();
    }
  });
});
