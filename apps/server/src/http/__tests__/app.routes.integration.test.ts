import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../../test/helpers/build-test-app.js';
import { testDialect } from '../../../test/helpers/test-database.js';

describe(`HTTP app on a real database (${testDialect()})`, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp({ readinessChecks: [{ name: 'queue', check: async () => undefined }] });
  });
  afterAll(() => t.close());

  it('healthz is 200 and readyz pings the database', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/healthz' })).json()).toEqual({ status: 'ok' });
    const ready = await t.app.inject({ method: 'GET', url: '/readyz' });
    expect(ready.statusCode).toBe(200);
    expect(ready.json().checks).toEqual({ database: 'ok', queue: 'ok' });
  });

  it('/openapi.json lists every route with tags, and bearer security on /api/v1', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/openapi.json' })).json();
    expect(Object.keys(doc.paths).sort()).toEqual(expect.arrayContaining([
      '/healthz', '/readyz', '/api/v1/api-keys', '/api/v1/api-keys/{id}', '/api/v1/channels', '/api/v1/channels/{id}',
    ]));
    expect(Object.keys(doc.paths['/api/v1/channels/{id}']).sort()).toEqual(['delete', 'get', 'patch']);
    for (const [path, operations] of Object.entries(doc.paths as Record<string, Record<string, { tags?: string[]; security?: unknown }>>)) {
      for (const [method, op] of Object.entries(operations)) {
        expect(op.tags?.length, `${method} ${path} has tags`).toBeGreaterThan(0);
        if (path.startsWith('/api/v1/')) expect(op.security, `${method} ${path} documents auth`).toEqual([{ bearerAuth: [] }]);
      }
    }
    const create = doc.paths['/api/v1/channels'].post;
    expect(create.requestBody.content['application/json'].schema.required).toContain('accessToken');
    expect(Object.keys(create.responses)).toEqual(expect.arrayContaining(['201', '400', '401', '403', '409']));
  });

  it('never documents a secret in a response schema', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/openapi.json' })).json();
    const responses = JSON.stringify(['/api/v1/channels', '/api/v1/channels/{id}'].map((p) => Object.values(doc.paths[p]).map((op) => (op as { responses: unknown }).responses)));
    expect(responses).not.toMatch(/"accessToken"|"appSecret"|"webhookVerifyToken"/);
  });
});
