import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { UserPage, UserRole } from '@valeo/contracts';
import { newId } from '../../../core/ids.js';
import { testDialect } from '../../../../test/helpers/test-database.js';
import { createUsersRepository } from '../users.repository.js';
import { buildUsersTestApp, type UsersTestApp } from './users-test-app.js';

type ErrorBody = { error: { code: string } };
const BULK = 250;
const pad = (n: number) => String(n).padStart(3, '0');

/** `GET /users` with search, filters and keyset pages over more users than one page holds. */
describe(`users list: paging, search and filters (${testDialect()})`, () => {
  let t: UsersTestApp;
  let auth: { authorization: string };
  let otherAuth: { authorization: string };
  /** The main tenant's bulk users by number (1…250). */
  const bulk = new Map<number, string>();
  const foreign = new Set<string>();

  beforeAll(async () => {
    t = await buildUsersTestApp();
    auth = { authorization: `Bearer ${t.adminKey}` };
    const other = await t.tenants.tenants.createTenant({ name: 'Other', slug: 'other-list' });
    otherAuth = { authorization: `Bearer ${(await t.tenants.apiKeys.createApiKey({ tenantId: other.id, name: 'k', scopes: ['admin'] })).key}` };
    // Through the repository (the same insert as the service) without 280 scrypt hashes.
    const repo = createUsersRepository(t.database.db);
    const insert = async (tenantId: string, name: string, email: string, role: UserRole, deactivated = false) => {
      const now = new Date();
      const id = newId();
      await repo.insertIfEmailFree({
        id, tenantId, email, name, role, passwordHash: 'not-a-hash', createdAt: now, updatedAt: now, lastLoginAt: null, deactivatedAt: null,
      });
      if (deactivated) await repo.update(tenantId, id, { deactivatedAt: now, updatedAt: now });
      return id;
    };
    for (let n = 1; n <= BULK; n += 1) {
      bulk.set(n, await insert(t.tenantId, `Person ${pad(n)}`, `person${pad(n)}@bulk.example`, n % 10 === 0 ? 'supervisor' : 'agent', n % 25 === 0));
    }
    // Another tenant with the same names: never in the main tenant's answers.
    for (let n = 221; n <= 240; n += 1) foreign.add(await insert(other.id, `Person ${pad(n)}`, `other${pad(n)}@bulk.example`, 'agent'));
  });
  afterAll(() => t?.close());

  const list = (query: string, headers = auth) => t.app.inject({ method: 'GET', url: `/api/v1/users?${query}`, headers });

  async function everyPage(query: string, limit: number, headers = auth): Promise<{ ids: string[]; pages: number }> {
    const ids: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const res = await list(`${query}&limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`, headers);
      expect(res.statusCode, res.body).toBe(200);
      const page = res.json<UserPage>();
      expect(page.data.length).toBeLessThanOrEqual(limit);
      ids.push(...page.data.map((u) => u.id));
      cursor = page.nextCursor;
      pages += 1;
      expect(pages).toBeLessThan(100);
    } while (cursor !== null);
    return { ids, pages };
  }

  it(`pages through all ${BULK} users without duplicates or gaps, oldest first, and nobody else's`, async () => {
    const { ids, pages } = await everyPage('', 37);
    expect(pages).toBe(Math.ceil(BULK / 37));
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual([...bulk.values()]);
    expect([...ids].sort()).toEqual(ids);
    expect(ids.some((id) => foreign.has(id))).toBe(false);
    const firstPage = (await list('')).json<UserPage>();
    expect(firstPage.data).toHaveLength(50);
    expect(firstPage.nextCursor).toEqual(expect.any(String));
  });

  it('finds user #230 by name or e-mail, in any case; several words must all match', async () => {
    for (const q of ['Person 230', 'person  230', '230', 'PERSON230@BULK', 'bulk.example 230']) {
      const page = (await list(`q=${encodeURIComponent(q)}`)).json<UserPage>();
      expect(page.data.map((u) => u.id), q).toEqual([bulk.get(230)]);
      expect(page.nextCursor).toBeNull();
    }
    expect((await list('q=nobody%20here')).json<UserPage>()).toEqual({ data: [], nextCursor: null });
    expect((await list('q=%20%20')).json<UserPage>().data).toHaveLength(50);
  });

  it('pages a search the same way: every match once', async () => {
    const { ids } = await everyPage('q=person', 40);
    expect(ids).toEqual([...bulk.values()]);
    const twos = await everyPage('q=person%202', 7);
    expect(twos.ids).toEqual([...bulk.entries()].filter(([n]) => pad(n).includes('2')).map(([, id]) => id));
  });

  it('ignores case and accents, knows German spellings (ü = ue), and follows a rename', async () => {
    const { id } = await t.createUser('agent', { email: 'j.oeztuerk@example.com' });
    await t.app.inject({ method: 'PATCH', url: `/api/v1/users/${id}`, headers: auth, payload: { name: 'Jürgen Öztürk' } });
    for (const q of ['jürgen', 'JURGEN', 'juergen', 'öztürk', 'OZTURK jurgen', 'oeztuerk']) {
      expect((await list(`q=${encodeURIComponent(q)}`)).json<UserPage>().data.map((u) => u.id), q).toEqual([id]);
    }
    await t.app.inject({ method: 'PATCH', url: `/api/v1/users/${id}`, headers: auth, payload: { name: 'Zoë Zander' } });
    expect((await list('q=zoe')).json<UserPage>().data.map((u) => u.id)).toEqual([id]);
    expect((await list('q=jurgen')).json<UserPage>().data).toEqual([]);
  });

  it('treats hostile input as text: only letters and digits search, wildcards, quotes and SQL do nothing', async () => {
    const { id } = await t.createUser('viewer', { email: 'odd@example.com' });
    await t.app.inject({ method: 'PATCH', url: `/api/v1/users/${id}`, headers: auth, payload: { name: "100% Rabatt_Team \\ O'Brien" } });
    for (const q of ["o'brien", 'RABATT_team', "O'BRIEN rabatt%"]) {
      expect((await list(`q=${encodeURIComponent(q)}`)).json<UserPage>().data.map((u) => u.id), q).toEqual([id]);
    }
    expect((await list('q=100%25')).json<UserPage>().data.map((u) => u.id).sort()).toEqual([bulk.get(100), id].sort());
    // No word at all: the same as no search, never "match everything with a wildcard" by accident of escaping.
    const unfiltered = (await list('')).json<UserPage>().data.map((u) => u.id);
    for (const q of ['%', '_', '\\', '%%', '_%_', '\\%', "'", '--']) {
      const res = await list(`q=${encodeURIComponent(q)}`);
      expect(res.statusCode, q).toBe(200);
      expect(res.json<UserPage>().data.map((u) => u.id), q).toEqual(unfiltered);
    }
    for (const q of ["' OR 1=1 --", "x'); drop table users; --", '" or ""="']) {
      const res = await list(`q=${encodeURIComponent(q)}`);
      expect(res.statusCode, q).toBe(200);
      expect(res.json<UserPage>().data, q).toEqual([]);
    }
    expect((await list('q=230')).json<UserPage>().data).toHaveLength(1);
    expect((await list(`q=${'a'.repeat(100)}`)).statusCode).toBe(200);
    const tooLong = await list(`q=${'a'.repeat(101)}`);
    expect(tooLong.statusCode).toBe(400);
    expect(tooLong.json<ErrorBody>().error.code).toBe('VALIDATION_FAILED');
  });

  it('filters by role and status, combined with search and paging', async () => {
    const supervisors = [...bulk.entries()].filter(([n]) => n % 10 === 0);
    expect((await everyPage('q=person&role=supervisor', 10)).ids).toEqual(supervisors.map(([, id]) => id));
    expect((await everyPage('q=person&status=deactivated', 3)).ids).toEqual([...bulk.entries()].filter(([n]) => n % 25 === 0).map(([, id]) => id));
    const activeSupervisors = await everyPage('q=person&role=supervisor&status=active', 7);
    expect(activeSupervisors.ids).toEqual(supervisors.filter(([n]) => n % 25 !== 0).map(([, id]) => id));
    const page = (await list('q=person&status=deactivated&limit=100')).json<UserPage>();
    expect(page.data.every((u) => !u.active)).toBe(true);
    for (const bad of ['role=owner', 'status=gone', 'active=true']) {
      const res = await list(bad);
      expect(res.statusCode, bad).toBe(400);
      expect(res.json<ErrorBody>().error.code, bad).toBe('VALIDATION_FAILED');
    }
  });

  it('a cursor the API did not issue → 400 INVALID_CURSOR; limit 1…100 or 400 VALIDATION_FAILED', async () => {
    const encoded = (value: string) => Buffer.from(value).toString('base64url');
    for (const cursor of ['garbage!', encoded('hello'), encoded('{"x":"1"}'), encoded('{"id":5}'), encoded('null')]) {
      const res = await list(`cursor=${encodeURIComponent(cursor)}`);
      expect(res.statusCode, cursor).toBe(400);
      expect(res.json<ErrorBody>().error.code, cursor).toBe('INVALID_CURSOR');
    }
    expect((await list(`cursor=${'a'.repeat(401)}`)).statusCode).toBe(400);
    for (const limit of ['0', '101', '-1', 'ten', '1000000']) {
      const res = await list(`limit=${limit}`);
      expect(res.statusCode, limit).toBe(400);
      expect(res.json<ErrorBody>().error.code, limit).toBe('VALIDATION_FAILED');
    }
    expect((await list('limit=1')).json<UserPage>().data).toHaveLength(1);
    expect((await list('limit=100')).json<UserPage>().data).toHaveLength(100);
  });

  it("another tenant sees only its own users, whatever it searches, and our cursor shows it nothing of ours", async () => {
    const theirs = await everyPage('', 6, otherAuth);
    expect(new Set(theirs.ids)).toEqual(foreign);
    expect((await list('q=person%20230', otherAuth)).json<UserPage>().data.map((u) => u.id).every((id) => foreign.has(id))).toBe(true);
    const ours = (await list('limit=2')).json<UserPage>();
    const next = (await list(`limit=100&cursor=${ours.nextCursor ?? ''}`, otherAuth)).json<UserPage>();
    expect(next.data.every((u) => foreign.has(u.id))).toBe(true);
  });
});
