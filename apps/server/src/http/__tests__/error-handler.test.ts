import type { FastifyInstance, FastifyPluginAsync } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../../core/errors/app-error.js';
import { buildFakeApp } from './app-fixtures.js';

const routes: FastifyPluginAsync = async (app) => {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  r.post('/things', {
    schema: {
      tags: ['test'],
      body: Type.Object({ name: Type.String({ minLength: 1 }), kind: Type.Union([Type.Literal('a'), Type.Literal('b')]) }, { additionalProperties: false }),
      querystring: Type.Object({ limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 10 })) }),
    },
  }, async (request) => ({ got: request.body.name, limit: request.query.limit ?? null }));
  r.get('/app-error', { schema: { tags: ['test'] } }, async () => {
    throw new AppError({ code: 'THING_NOT_FOUND', httpStatus: 404, message: 'No such thing', details: { id: 'x' }, hint: 'Check the id' });
  });
  r.get('/crash', { schema: { tags: ['test'] } }, async () => {
    throw new Error('connect ECONNREFUSED 10.0.0.5:5432 password=hunter2');
  });
};

describe('error handler', () => {
  let app: FastifyInstance;
  afterEach(() => app?.close());

  async function build() {
    app = await buildFakeApp({ rootPlugins: [routes] });
    return app;
  }

  it('maps an AppError to its status and { error: { code, message, details, hint } }', async () => {
    const res = await (await build()).inject({ method: 'GET', url: '/app-error' });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toEqual({
      error: { code: 'THING_NOT_FOUND', message: 'No such thing', details: { id: 'x' }, hint: 'Check the id', requestId: expect.any(String) },
    });
  });

  it('turns schema failures into 400 VALIDATION_FAILED with one issue per field path', async () => {
    const res = await (await build()).inject({ method: 'POST', url: '/things?limit=99', payload: { name: 'n', kind: 'a' } });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('VALIDATION_FAILED');
    expect(res.json().error.details.issues).toEqual([{ path: 'querystring.limit', message: 'must be <= 10' }]);

    const body = await app.inject({ method: 'POST', url: '/things', payload: { kind: 'c', extra: 1 } });
    expect(body.statusCode).toBe(400);
    const issues = body.json().error.details.issues as Array<{ path: string; message: string }>;
    expect(issues).toEqual(expect.arrayContaining([
      { path: 'body.name', message: 'is required' },
      { path: 'body.extra', message: 'is not allowed' },
      { path: 'body.kind', message: 'must be one of "a", "b"' },
    ]));
    expect(issues).toHaveLength(3);
  });

  it('converts querystring numbers before validating', async () => {
    const res = await (await build()).inject({ method: 'POST', url: '/things?limit=3', payload: { name: 'n', kind: 'a' } });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ got: 'n', limit: 3 });
  });

  it('answers 400 INVALID_JSON for a malformed or empty JSON body', async () => {
    await build();
    const broken = await app.inject({ method: 'POST', url: '/things', headers: { 'content-type': 'application/json' }, payload: '{"name":' });
    expect(broken.statusCode).toBe(400);
    expect(broken.json().error.code).toBe('INVALID_JSON');
    const empty = await app.inject({ method: 'POST', url: '/things', headers: { 'content-type': 'application/json' }, payload: '' });
    expect(empty.json().error.code).toBe('INVALID_JSON');
  });

  it('answers 413 PAYLOAD_TOO_LARGE above the body limit', async () => {
    const res = await (await build()).inject({ method: 'POST', url: '/things', payload: { name: 'x'.repeat(2000), kind: 'a' } });
    expect(res.statusCode).toBe(413);
    expect(res.json().error.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('answers 415 UNSUPPORTED_MEDIA_TYPE for a content type without a parser', async () => {
    const res = await (await build()).inject({ method: 'POST', url: '/things', headers: { 'content-type': 'application/xml' }, payload: '<a/>' });
    expect(res.statusCode).toBe(415);
    expect(res.json().error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
  });

  it('answers 404 NOT_FOUND for unknown routes', async () => {
    const res = await (await build()).inject({ method: 'GET', url: '/nope?x=1' });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toEqual({ error: { code: 'NOT_FOUND', message: 'Route GET /nope not found', requestId: expect.any(String) } });
  });

  it('hides internals of unexpected errors behind 500 INTERNAL and the request id', async () => {
    const res = await (await build()).inject({ method: 'GET', url: '/crash', headers: { 'x-request-id': 'erp-trace-42' } });
    expect(res.statusCode).toBe(500);
    expect(res.json().error.code).toBe('INTERNAL');
    expect(res.json().error.requestId).toBe('erp-trace-42');
    expect(res.body).not.toContain('ECONNREFUSED');
    expect(res.body).not.toContain('hunter2');
    expect(res.headers['x-request-id']).toBe('erp-trace-42');
  });

  it('ignores an unsafe incoming request id (log injection) and makes its own', async () => {
    const res = await (await build()).inject({ method: 'GET', url: '/crash', headers: { 'x-request-id': 'evil\r\nid' } });
    expect(res.json().error.requestId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('answers 400 for a malformed URL in our envelope', async () => {
    const res = await (await build()).inject({ method: 'GET', url: '/things/%E0%A4%A' });
    expect([400, 404]).toContain(res.statusCode);
    expect(res.json().error.code).toMatch(/^(BAD_REQUEST|NOT_FOUND)$/);
  });
});
