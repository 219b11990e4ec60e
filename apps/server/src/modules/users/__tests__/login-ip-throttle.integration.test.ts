import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialect } from '../../../../test/helpers/test-database.js';
import { buildUsersTestApp, type UsersTestApp } from './users-test-app.js';

type ErrorBody = { error: { code: string; message: string; details?: { retryAfterSeconds?: number } } };
const FIFTEEN_MINUTES = 15 * 60_000;
/** Low, so a spray reaches it while every single address stays under its own lockout (5). */
const POLICY = { maxFailures: 6, windowMs: FIFTEEN_MINUTES, lockMs: FIFTEEN_MINUTES };

describe(`per-IP sign-in throttle (${testDialect()})`, () => {
  let t: UsersTestApp;
  let sequence = 0;
  beforeAll(async () => {
    t = await buildUsersTestApp({ ipLockout: POLICY });
  });
  afterAll(() => t.close());

  const login = (email: string, password: string, remoteAddress: string, headers: Record<string, string> = {}) =>
    t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password }, remoteAddress, headers });
  /** One wrong password for each of `n` different addresses (a spray), from one IP. */
  async function spray(ip: string, n: number, headers: Record<string, string> = {}): Promise<number[]> {
    const statuses: number[] = [];
    for (let i = 0; i < n; i += 1) statuses.push((await login(`victim-${(sequence += 1)}@example.com`, 'Sommer2026!', ip, headers)).statusCode);
    return statuses;
  }

  it('stops a password spray over many addresses from one IP: 429 SIGN_IN_THROTTLED with Retry-After, even for a right password', async () => {
    const agent = await t.createUser('agent');
    expect(await spray('203.0.113.10', POLICY.maxFailures)).toEqual(Array(POLICY.maxFailures).fill(401));
    const refused = await login(agent.email, agent.password, '203.0.113.10');
    expect(refused.statusCode).toBe(429);
    const body = refused.json<ErrorBody>();
    expect(body.error.code).toBe('SIGN_IN_THROTTLED');
    expect(body.error.details?.retryAfterSeconds).toBe(15 * 60);
    expect(refused.headers['retry-after']).toBe(String(15 * 60));
    expect(refused.headers['set-cookie']).toBeUndefined();
    // The person behind another IP signs in; the agent's own account is not locked.
    expect((await login(agent.email, agent.password, '198.51.100.20')).statusCode).toBe(200);

    t.clock.advance(FIFTEEN_MINUTES - 60_000);
    expect((await login(agent.email, agent.password, '203.0.113.10')).json<ErrorBody>().error.details?.retryAfterSeconds).toBe(60);
    t.clock.advance(60_000);
    expect((await login(agent.email, agent.password, '203.0.113.10')).statusCode).toBe(200);
  });

  it('counts failures in a window; a success from the IP does not reset its count', async () => {
    const agent = await t.createUser('agent');
    const ip = '203.0.113.11';
    expect(await spray(ip, POLICY.maxFailures - 1)).toEqual(Array(POLICY.maxFailures - 1).fill(401));
    t.clock.advance(FIFTEEN_MINUTES + 1);
    expect(await spray(ip, POLICY.maxFailures - 1)).toEqual(Array(POLICY.maxFailures - 1).fill(401));
    expect((await login(agent.email, agent.password, ip)).statusCode).toBe(200);
    expect(await spray(ip, 2)).toEqual([401, 429]);
  });

  it('counts an IPv6 client per /64', async () => {
    const statuses: number[] = [];
    for (let i = 1; i <= POLICY.maxFailures + 1; i += 1) {
      statuses.push((await login(`v6-${i}@example.com`, 'wrong', `2001:db8:1:2::${i.toString(16)}`)).statusCode);
    }
    expect(statuses).toEqual([...Array(POLICY.maxFailures).fill(401), 429]);
    expect(await spray('2001:db8:1:3::1', 1)).toEqual([401]);
  });

  it('cannot be aimed at someone else\'s IP through the e-mail field', async () => {
    // Typed as an address it is one (lower-cased), and locks as one after 5 failures; the IP stays untouched.
    const codes: string[] = [];
    for (let i = 0; i < POLICY.maxFailures; i += 1) codes.push((await login('IP:203.0.113.12', 'wrong', `198.51.100.${100 + i}`)).json<ErrorBody>().error.code);
    expect(codes).toEqual([...Array(5).fill('INVALID_CREDENTIALS'), 'ACCOUNT_LOCKED']);
    expect(await spray('203.0.113.12', 1)).toEqual([401]);
  });

  it('ignores X-Forwarded-For by default: a client cannot escape the throttle by naming other IPs', async () => {
    const ip = '203.0.113.13';
    const statuses: number[] = [];
    for (let i = 0; i <= POLICY.maxFailures; i += 1) statuses.push(...(await spray(ip, 1, { 'x-forwarded-for': `192.0.2.${i}` })));
    expect(statuses.at(-1)).toBe(429);
  });
});

describe(`per-IP sign-in throttle behind a trusted proxy (${testDialect()})`, () => {
  let t: UsersTestApp;
  beforeAll(async () => {
    t = await buildUsersTestApp({ ipLockout: POLICY, env: { HTTP_TRUST_PROXY: '127.0.0.1' } });
  });
  afterAll(() => t.close());

  const login = (email: string, clientIp: string, proxy = '127.0.0.1') =>
    t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password: 'wrong' }, remoteAddress: proxy, headers: { 'x-forwarded-for': clientIp } });

  it('counts the client the trusted proxy names, not the proxy', async () => {
    const statuses: number[] = [];
    for (let i = 0; i <= POLICY.maxFailures; i += 1) statuses.push((await login(`a-${i}@example.com`, '203.0.113.20')).statusCode);
    expect(statuses.at(-1)).toBe(429);
    // Another client behind the same proxy is not affected.
    expect((await login('b@example.com', '203.0.113.21')).statusCode).toBe(401);
  });

  it('does not take the header from an untrusted peer', async () => {
    const statuses: number[] = [];
    for (let i = 0; i <= POLICY.maxFailures; i += 1) statuses.push((await login(`c-${i}@example.com`, `192.0.2.${i}`, '198.51.100.50')).statusCode);
    expect(statuses.at(-1)).toBe(429);
  });
});
