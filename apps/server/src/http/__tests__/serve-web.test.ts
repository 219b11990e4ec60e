import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { serveWeb, WEB_CONTENT_SECURITY_POLICY } from '../serve-web.js';
import { buildFakeApp } from './app-fixtures.js';

const INDEX = '<!doctype html><html><head><script type="module" src="/assets/index-abc123.js"></script></head><body><div id="root"></div></body></html>';

describe('serveWeb', () => {
  let root: string;
  let app: FastifyInstance;

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'valeo-web-'));
  });
  afterEach(async () => {
    await app?.close();
    rmSync(root, { recursive: true, force: true });
  });

  function build(): string {
    mkdirSync(join(root, 'assets'));
    writeFileSync(join(root, 'index.html'), INDEX);
    writeFileSync(join(root, 'assets', 'index-abc123.js'), 'console.log(1)');
    return root;
  }

  async function appServing(webRoot: string) {
    return buildFakeApp({ rootPlugins: [async (instance) => serveWeb(instance, { root: webRoot })] });
  }

  it('serves index.html at / with the strict CSP and the baseline security headers', async () => {
    app = await appServing(build());
    const res = await app.inject({ method: 'GET', url: '/' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.body).toBe(INDEX);
    expect(res.headers['content-security-policy']).toBe(WEB_CONTENT_SECURITY_POLICY);
    expect(WEB_CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(WEB_CONTENT_SECURITY_POLICY).not.toContain('unsafe-inline');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['cache-control']).toBe('no-cache');
  });

  it('serves hashed assets with long-lived caching', async () => {
    app = await appServing(build());
    const res = await app.inject({ method: 'GET', url: '/assets/index-abc123.js' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/javascript/);
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
  });

  it('falls back to the app for page paths a browser asks for', async () => {
    app = await appServing(build());
    const res = await app.inject({ method: 'GET', url: '/inbox/conversations', headers: { accept: 'text/html,application/xhtml+xml' } });
    expect(res.statusCode).toBe(200);
    expect(res.body).toBe(INDEX);
    expect(res.headers['content-security-policy']).toBe(WEB_CONTENT_SECURITY_POLICY);
  });

  it('keeps JSON 404s for unknown API paths, missing assets and non-browser callers', async () => {
    app = await appServing(build());
    for (const [url, accept] of [['/api/v1/nope', 'text/html'], ['/assets/missing.js', 'text/html'], ['/somewhere', 'application/json']] as const) {
      const res = await app.inject({ method: 'GET', url, headers: { accept } });
      expect(res.statusCode, url).toBe(404);
      expect(res.json().error.code, url).toBe('NOT_FOUND');
    }
  });

  it('serves the placeholder page while the web app is not built', async () => {
    app = await appServing(root);
    const res = await app.inject({ method: 'GET', url: '/' });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('VALEO WhatsApp Hub');
    expect(res.body).toContain('/docs');
  });
});
