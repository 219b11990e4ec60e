import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { UserRole } from '@valeo/contracts';
import { startTestHub, type TestHub } from '../../../../test/helpers/start-test-hub.js';
import { testDialect } from '../../../../test/helpers/test-database.js';

const PASSWORD = 'a long enough password';

/** Signed-in people: admins and supervisors manage quick replies, every role reads them. */
describe(`quick replies by role, with the session cookie (${testDialect()})`, () => {
  let hub: TestHub;

  beforeAll(async () => { hub = await startTestHub(); });
  afterAll(async () => hub?.stop());

  async function signIn(role: UserRole): Promise<{ cookie: string; csrf: string }> {
    const email = `${role}@quick.example`;
    const created = await hub.api('/api/v1/users', { method: 'POST', body: { email, name: role, role, password: PASSWORD } });
    expect(created.status).toBe(201);
    const login = await fetch(`${hub.publicBaseUrl}/api/v1/auth/login`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password: PASSWORD }),
    });
    expect(login.status).toBe(200);
    return { cookie: login.headers.get('set-cookie')!.split(';')[0]!, csrf: ((await login.json()) as { csrfToken: string }).csrfToken };
  }

  const as = (who: { cookie: string; csrf: string }) => ({ authorization: '', cookie: who.cookie, 'x-csrf-token': who.csrf });

  it.each<[UserRole, number]>([['supervisor', 201], ['agent', 403], ['marketing', 403], ['viewer', 403]])('a %s creating one gets %i, and can list', async (role, status) => {
    const who = await signIn(role);
    const created = await hub.api('/api/v1/quick-replies', { method: 'POST', headers: as(who), body: { shortcut: `von-${role}`, text: 'Hallo' } });
    expect(created.status).toBe(status);
    const list = await hub.api('/api/v1/quick-replies', { headers: as(who) });
    expect(list.status).toBe(200);
    expect((list.body as { data: unknown[] }).data.length).toBeGreaterThan(0); // the sandbox's /danke, /versand at least
  });
});
