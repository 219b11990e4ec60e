import type { FastifyInstance, FastifyPluginAsync } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { requireScope, authOf } from '../plugins/auth.plugin.js';
import { buildFakeApp, fakeAuthenticator, TEST_HTTP_CONFIG } from './app-fixtures.js';

const whoami: FastifyPluginAsync = async (api) => {
  api.get('/whoami', { schema: { tags: ['test'] } }, async (request) => authOf(request));
  api.post('/send', { schema: { tags: ['test'] }, onRequest: requireScope('messages:send') }, async () => ({ sent: true }));
};

const keys = {
  'reader-key': { tenantId: 't1', apiKeyId: 'k1', scopes: ['messages:read'] },
  'sender-key': { tenantId: 't1', apiKeyId: 'k2', scopes: ['messages:send'] },
  'admin-key': { tenantId: 't2', apiKeyId: 'k3', scopes: ['admin'] },
};

describe('buildHttpApp', () => {
  let app: FastifyInstance;
  afterEach(() => app?.close());

  it('answers /healthz with 200 { status: ok } regardless of readiness', async () => {
    app = await buildFakeApp({ readinessChecks: [{ name: 'database', check: async () => { throw new Error('down'); } }] });
    const res = await app.inject({ method: 'GET', url: '/healthz' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok' });
  });

  it('answers /readyz 200 when every check passes', async () => {
    app = await buildFakeApp({ readinessChecks: [{ name: 'database', check: async () => undefined }, { name: 'queue', check: async () => undefined }] });
    const res = await app.inject({ method: 'GET', url: '/readyz' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok', checks: { database: 'ok', queue: 'ok' }, failed: [] });
  });

  it('answers /readyz 503 naming the failed checks, without their error text', async () => {
    app = await buildFakeApp({
      readinessChecks: [
        { name: 'database', check: async () => undefined },
        { name: 'queue', check: async () => { throw new Error('redis://secret-host:6379 refused'); } },
      ],
    });
    const res = await app.inject({ method: 'GET', url: '/readyz' });
    expect(res.statusCode).toBe(503);
    expect(res.json()).toEqual({ status: 'unavailable', checks: { database: 'ok', queue: 'failed' }, failed: ['queue'] });
    expect(res.body).not.toContain('secret-host');
  });

  it('sets security headers on every response: success, 404 and errors', async () => {
    app = await buildFakeApp();
    for (const url of ['/healthz', '/nope', '/api/v1/whoami']) {
      const res = await app.inject({ method: 'GET', url });
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['x-frame-options']).toBe('DENY');
      expect(res.headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
      expect(res.headers['strict-transport-security']).toBeUndefined();
    }
  });

  it('adds HSTS when the public URL is https', async () => {
    app = await buildFakeApp({ config: { ...TEST_HTTP_CONFIG, http: { ...TEST_HTTP_CONFIG.http, publicBaseUrl: 'https://hub.example.com' } } });
    const res = await app.inject({ method: 'GET', url: '/healthz' });
    expect(res.headers['strict-transport-security']).toMatch(/max-age=31536000/);
  });

  describe('API-key authentication under /api/v1', () => {
    it('rejects a request without a key with 401 UNAUTHENTICATED', async () => {
      app = await buildFakeApp({ apiPlugins: [whoami], auth: fakeAuthenticator(keys) });
      const res = await app.inject({ method: 'GET', url: '/api/v1/whoami' });
      expect(res.statusCode).toBe(401);
      expect(res.json().error.code).toBe('UNAUTHENTICATED');
      expect(res.headers['www-authenticate']).toBe('Bearer');
    });

    it.each(['Bearer wrong-key', 'Basic YWRtaW4ta2V5', 'admin-key', 'Bearer'])('rejects "%s" with 401', async (authorization) => {
      app = await buildFakeApp({ apiPlugins: [whoami], auth: fakeAuthenticator(keys) });
      const res = await app.inject({ method: 'GET', url: '/api/v1/whoami', headers: { authorization } });
      expect(res.statusCode).toBe(401);
      expect(res.json().error.code).toBe('UNAUTHENTICATED');
    });

    it('gives the route the principal of a valid key', async () => {
      app = await buildFakeApp({ apiPlugins: [whoami], auth: fakeAuthenticator(keys) });
      const res = await app.inject({ method: 'GET', url: '/api/v1/whoami', headers: { authorization: 'Bearer reader-key' } });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual(keys['reader-key']);
    });

    it('answers 403 FORBIDDEN when the key lacks the route scope; admin has every scope', async () => {
      app = await buildFakeApp({ apiPlugins: [whoami], auth: fakeAuthenticator(keys) });
      const send = (key: string) => app.inject({ method: 'POST', url: '/api/v1/send', headers: { authorization: `Bearer ${key}` } });
      const reader = await send('reader-key');
      expect(reader.statusCode).toBe(403);
      expect(reader.json().error).toMatchObject({ code: 'FORBIDDEN', details: { requiredScope: 'messages:send' } });
      expect((await send('sender-key')).statusCode).toBe(200);
      expect((await send('admin-key')).statusCode).toBe(200);
    });

    it('leaves root routes public', async () => {
      app = await buildFakeApp({ rootPlugins: [async (root) => { root.get('/webhooks/ping', { schema: { tags: ['test'] } }, async () => 'pong'); }] });
      expect((await app.inject({ method: 'GET', url: '/webhooks/ping' })).body).toBe('pong');
    });
  });

  describe('OpenAPI', () => {
    it('serves /openapi.json listing the routes with tags and bearer security on /api/v1', async () => {
      app = await buildFakeApp({ apiPlugins: [whoami] });
      const res = await app.inject({ method: 'GET', url: '/openapi.json' });
      expect(res.statusCode).toBe(200);
      const doc = res.json();
      expect(doc.openapi).toBe('3.1.0');
      expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/healthz', '/readyz', '/api/v1/whoami', '/api/v1/send']));
      expect(doc.paths['/healthz'].get.tags).toEqual(['ops']);
      expect(doc.paths['/api/v1/whoami'].get.security).toEqual([{ bearerAuth: [] }]);
      expect(doc.paths['/healthz'].get.security).toBeUndefined();
      expect(doc.paths['/openapi.json']).toBeUndefined();
    });

    it('renders the docs UI at /docs', async () => {
      app = await buildFakeApp();
      const res = await app.inject({ method: 'GET', url: '/docs' });
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toMatch(/text\/html/);
    });
  });
});
