import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AssigneeList, UserRole } from '@valeo/contracts';
import { newId } from '../../../core/ids.js';
import { searchDocument } from '../../../core/search-text.js';
import { testDialect } from '../../../../test/helpers/test-database.js';
import { buildWorkTestApp, type Headers, type WorkTestApp } from './work-test-app.js';

type ErrorBody = { error: { code: string } };
const pad = (n: number) => String(n).padStart(3, '0');

/** The pickers' `GET /assignees`: more people than one page, found by name as you type. */
describe(`assignees: search and pages (${testDialect()})`, () => {
  let t: WorkTestApp;
  let supervisor: { id: string; headers: Headers };
  /** Every assignable active user of the main tenant, by folded name then id: the expected order. */
  let expected: string[];
  let muller: string;
  const foreign = new Set<string>();

  beforeAll(async () => {
    t = await buildWorkTestApp();
    supervisor = await t.signIn('supervisor', { name: 'Sara Supervisor' });
    const other = await t.createTenant();
    // Straight into the table (the users module's insert is tested there): 150 scrypt hashes would dominate the run.
    const rows: { id: string; tenant: string; name: string; role: UserRole; off?: boolean }[] = [];
    for (let n = 1; n <= 140; n += 1) rows.push({ id: newId(), tenant: t.tenantId, name: `Agent ${pad(n)}`, role: 'agent' });
    rows.push({ id: newId(), tenant: t.tenantId, name: 'Vera Viewer', role: 'viewer' }, { id: newId(), tenant: t.tenantId, name: 'Agent Gone', role: 'agent', off: true });
    muller = newId();
    rows.push({ id: muller, tenant: t.tenantId, name: 'Jörg Müller', role: 'admin' });
    for (let n = 120; n <= 130; n += 1) rows.push({ id: newId(), tenant: other.tenantId, name: `Agent ${pad(n)}`, role: 'agent' });
    const at = new Date().toISOString();
    await t.database.db.insertInto('users').values(rows.map((r) => ({
      id: r.id, tenant_id: r.tenant, email: `${r.id}@example.com`, name: r.name, search_name: searchDocument([r.name]) ?? '', role: r.role,
      password_hash: 'x', created_at: at, updated_at: at, last_login_at: null, deactivated_at: r.off ? at : null,
    }))).execute();
    for (const r of rows) if (r.tenant !== t.tenantId) foreign.add(r.id);
    const listed = await t.database.db.selectFrom('users').select(['id', 'search_name']).where('tenant_id', '=', t.tenantId)
      .where('deactivated_at', 'is', null).where('role', 'in', ['admin', 'supervisor', 'agent']).execute();
    expected = listed.sort((a, b) => (a.search_name === b.search_name ? cmp(a.id, b.id) : cmp(a.search_name, b.search_name))).map((r) => r.id);
  });
  afterAll(() => t?.close());

  const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  const get = (query: string, headers: Headers = supervisor.headers) => t.app.inject({ method: 'GET', url: `/api/v1/assignees?${query}`, headers });

  it('without a limit answers every assignable active user at once, by name, as before paging existed', async () => {
    const res = await get('');
    expect(res.statusCode, res.body).toBe(200);
    const list = res.json<AssigneeList>();
    expect(list.nextCursor).toBeNull();
    expect(list.data.length).toBeGreaterThan(100);
    // The dialects may order equal-looking names differently; the set and the absence of others is what matters here.
    expect(new Set(list.data.map((a) => a.id))).toEqual(new Set(expected));
  });

  it('pages with limit and cursor: everyone once, nobody of another tenant, no viewer or deactivated user', async () => {
    const ids: string[] = [];
    let cursor: string | null = null;
    do {
      const res = await get(`limit=45${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
      expect(res.statusCode, res.body).toBe(200);
      const page = res.json<AssigneeList>();
      expect(page.data.length).toBeLessThanOrEqual(45);
      ids.push(...page.data.map((a) => a.id));
      cursor = page.nextCursor;
    } while (cursor !== null);
    expect(ids).toEqual(expected);
    expect(ids.some((id) => foreign.has(id))).toBe(false);
  });

  it('finds people beyond the first page by name, ignoring case and accents; not by e-mail', async () => {
    const found = (await get('q=agent%20123&limit=20')).json<AssigneeList>();
    expect(found.data.map((a) => a.name)).toEqual(['Agent 123']);
    expect(found.nextCursor).toBeNull();
    for (const q of ['MULLER', 'jörg', 'joerg mueller', 'jorg müller']) {
      expect((await get(`q=${encodeURIComponent(q)}&limit=20`)).json<AssigneeList>().data.map((a) => a.id), q).toEqual([muller]);
    }
    expect((await get(`q=${encodeURIComponent(`${muller}@example.com`)}`)).json<AssigneeList>().data).toEqual([]);
    expect((await get('q=viewer')).json<AssigneeList>().data).toEqual([]);
    expect((await get('q=%25&limit=20')).json<AssigneeList>().data).toHaveLength(20);
    const many = (await get('q=agent&limit=50')).json<AssigneeList>();
    expect(many.data).toHaveLength(50);
    expect(many.nextCursor).toEqual(expect.any(String));
  });

  it('refuses a foreign cursor (400 INVALID_CURSOR) and a limit outside 1…100', async () => {
    for (const cursor of ['nonsense', Buffer.from('{"id":"x"}').toString('base64url')]) {
      const res = await get(`limit=10&cursor=${cursor}`);
      expect(res.statusCode).toBe(400);
      expect(res.json<ErrorBody>().error.code).toBe('INVALID_CURSOR');
    }
    for (const limit of ['0', '101']) expect((await get(`limit=${limit}`)).statusCode).toBe(400);
  });
});
