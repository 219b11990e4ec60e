import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestHub, type TestHub } from '../../../../test/helpers/start-test-hub.js';
import { testDialect } from '../../../../test/helpers/test-database.js';
import { bootstrapTenant } from '../../../composition/bootstrap.js';

const ADMIN = { email: 'Root@Hub.example', password: 'bootstrap admin password' };
const ERIKA = '+4915100000001';

/** Sign-in on the Hub as `npm start` composes it: bootstrap admin, users API, roles on the real send route. */
describe(`users and sign-in on the running Hub (${testDialect()})`, () => {
  let hub: TestHub;
  beforeAll(async () => {
    hub = await startTestHub({ env: { AUTH_BOOTSTRAP_ADMIN_EMAIL: ADMIN.email, AUTH_BOOTSTRAP_ADMIN_PASSWORD: ADMIN.password } });
  });
  afterAll(() => hub?.stop());

  async function login(email: string, password: string): Promise<{ status: number; cookie: string; csrfToken: string }> {
    const res = await fetch(`${hub.publicBaseUrl}/api/v1/auth/login`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password }),
    });
    const body = (await res.json()) as { csrfToken?: string };
    return { status: res.status, cookie: res.headers.get('set-cookie')?.split(';')[0] ?? '', csrfToken: body.csrfToken ?? '' };
  }

  const asUser = (s: { cookie: string; csrfToken: string }) => ({ cookie: s.cookie, 'x-csrf-token': s.csrfToken });

  it('the bootstrap admin exists in the default tenant and signs in', async () => {
    const admin = await login(ADMIN.email, ADMIN.password);
    expect(admin.status).toBe(200);
    const me = await fetch(`${hub.publicBaseUrl}/api/v1/auth/me`, { headers: { cookie: admin.cookie } });
    expect(await me.json()).toMatchObject({ user: { email: 'root@hub.example', role: 'admin', tenantId: hub.tenantId } });
  });

  it('bootstrapping again is idempotent: still one such user, the password unchanged', async () => {
    const admin = await login(ADMIN.email, ADMIN.password);
    const changed = await fetch(`${hub.publicBaseUrl}/api/v1/users/${await adminId()}`, {
      method: 'PATCH', headers: { ...asUser(admin), 'content-type': 'application/json' }, body: JSON.stringify({ password: 'changed on purpose 1' }),
    });
    expect(changed.status).toBe(200);
    await bootstrapTenant(hub.container);
    await bootstrapTenant(hub.container);
    const users = await hub.container.database.db.selectFrom('users').select(['id', 'role']).where('email', '=', 'root@hub.example').execute();
    expect(users).toEqual([{ id: await adminId(), role: 'admin' }]);
    expect((await login(ADMIN.email, ADMIN.password)).status).toBe(401);
    expect((await login(ADMIN.email, 'changed on purpose 1')).status).toBe(200);
  });

  it('maps roles onto the real routes: a viewer reads but cannot send (403); an agent sends', async () => {
    for (const role of ['viewer', 'agent'] as const) {
      const created = await hub.api('/api/v1/users', { method: 'POST', body: { email: `${role}@hub.example`, name: role, password: `${role} password 123`, role } });
      expect(created.status).toBe(201);
    }
    const viewer = await login('viewer@hub.example', 'viewer password 123');
    const agent = await login('agent@hub.example', 'agent password 123');
    const list = await fetch(`${hub.publicBaseUrl}/api/v1/conversations`, { headers: { cookie: viewer.cookie } });
    expect(list.status).toBe(200);
    const send = (s: { cookie: string; csrfToken: string }) => fetch(`${hub.publicBaseUrl}/api/v1/messages`, {
      method: 'POST',
      headers: { cookie: s.cookie, 'x-csrf-token': s.csrfToken, 'content-type': 'application/json' },
      body: JSON.stringify({ channelId: hub.sandbox!.channelId, to: ERIKA, type: 'template', template: { name: 'hello_world', language: { code: 'en_US' } } }),
    });
    const denied = await send(viewer);
    expect(denied.status).toBe(403);
    expect(((await denied.json()) as { error: { code: string } }).error.code).toBe('FORBIDDEN');
    expect((await send(agent)).status).toBe(202);
    expect((await fetch(`${hub.publicBaseUrl}/api/v1/users`, { headers: { cookie: agent.cookie } })).status).toBe(403);
  });

  async function adminId(): Promise<string> {
    const row = await hub.container.database.db.selectFrom('users').select('id').where('email', '=', 'root@hub.example').executeTakeFirstOrThrow();
    return row.id;
  }
});
