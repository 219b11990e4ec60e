import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialect } from '../../../../test/helpers/test-database.js';
import { buildUsersTestApp, type UsersTestApp } from './users-test-app.js';

type ErrorBody = { error: { code: string; message: string; details?: { retryAfterSeconds?: number } } };
const FIFTEEN_MINUTES = 15 * 60_000;

describe(`login lockout (${testDialect()})`, () => {
  let t: UsersTestApp;
  beforeAll(async () => {
    t = await buildUsersTestApp();
  });
  afterAll(() => t.close());

  const login = (email: string, password: string) => t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password } });

  async function failTimes(email: string, n: number): Promise<number[]> {
    const statuses: number[] = [];
    for (let i = 0; i < n; i += 1) statuses.push((await login(email, `wrong password ${i}`)).statusCode);
    return statuses;
  }

  it('locks the account after 5 failures in 15 minutes: 429 ACCOUNT_LOCKED with retryAfterSeconds, even for the right password', async () => {
    const agent = await t.createUser('agent');
    expect(await failTimes(agent.email, 5)).toEqual([401, 401, 401, 401, 401]);
    const locked = await login(agent.email, agent.password);
    expect(locked.statusCode).toBe(429);
    const body = locked.json<ErrorBody>();
    expect(body.error.code).toBe('ACCOUNT_LOCKED');
    expect(body.error.details?.retryAfterSeconds).toBe(15 * 60);
    expect(locked.headers['retry-after']).toBe(String(15 * 60));
    expect(locked.headers['set-cookie']).toBeUndefined();

    t.clock.advance(FIFTEEN_MINUTES - 60_000);
    expect((await login(agent.email, agent.password)).json<ErrorBody>().error.details?.retryAfterSeconds).toBe(60);
    t.clock.advance(60_000);
    expect((await login(agent.email, agent.password)).statusCode).toBe(200);
  });

  it('locks an unknown address exactly like a real one (no enumeration through the lockout)', async () => {
    const agent = await t.createUser('agent');
    const known = [...(await failTimes(agent.email, 6))];
    const unknown = [...(await failTimes('ghost@example.com', 6))];
    expect(unknown).toEqual(known);
    expect(known).toEqual([401, 401, 401, 401, 401, 429]);
  });

  it('counts failures in a 15-minute window: old failures stop counting, a success resets the count', async () => {
    const agent = await t.createUser('agent');
    expect(await failTimes(agent.email, 4)).toEqual([401, 401, 401, 401]);
    t.clock.advance(FIFTEEN_MINUTES + 1);
    expect(await failTimes(agent.email, 4)).toEqual([401, 401, 401, 401]);
    expect((await login(agent.email, agent.password)).statusCode).toBe(200);
    expect(await failTimes(agent.email, 4)).toEqual([401, 401, 401, 401]);
    expect((await login(agent.email, agent.password)).statusCode).toBe(200);
  });

  it('locks per address: other accounts keep signing in', async () => {
    const victim = await t.createUser('agent');
    const other = await t.createUser('agent');
    await failTimes(victim.email, 5);
    expect((await login(victim.email, victim.password)).statusCode).toBe(429);
    expect((await login(other.email, other.password)).statusCode).toBe(200);
  });

  it('counts parallel failures (the increment is atomic)', async () => {
    const agent = await t.createUser('agent');
    await Promise.all(Array.from({ length: 5 }, (_, i) => login(agent.email, `parallel wrong ${i}`)));
    expect((await login(agent.email, agent.password)).statusCode).toBe(429);
  });
});
