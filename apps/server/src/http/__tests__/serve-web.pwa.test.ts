import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { serveWeb, WEB_CONTENT_SECURITY_POLICY } from '../serve-web.js';
import { buildFakeApp } from './app-fixtures.js';

/** The files the web build's PWA plugin adds next to index.html (apps/web/build/pwa-plugin.ts). */
describe('serveWeb: the PWA files', () => {
  let root: string;
  let app: FastifyInstance;

  beforeEach(async () => {
    root = mkdtempSync(join(tmpdir(), 'valeo-web-pwa-'));
    mkdirSync(join(root, 'icons'));
    writeFileSync(join(root, 'index.html'), '<!doctype html><html><head><link rel="manifest" href="/manifest.webmanifest"></head><body></body></html>');
    writeFileSync(join(root, 'manifest.webmanifest'), JSON.stringify({ name: 'VALEO WhatsApp Hub', start_url: '/' }));
    writeFileSync(join(root, 'sw.js'), "self.addEventListener('fetch', () => {});");
    writeFileSync(join(root, 'icons', 'icon-192.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47]));
    app = await buildFakeApp({ rootPlugins: [async (instance) => serveWeb(instance, { root })] });
  });
  afterEach(async () => {
    await app?.close();
    rmSync(root, { recursive: true, force: true });
  });

  it('serves the manifest as application/manifest+json, revalidated on every use', async () => {
    const res = await app.inject({ method: 'GET', url: '/manifest.webmanifest' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/manifest+json; charset=utf-8');
    expect(res.headers['cache-control']).toBe('no-cache');
    expect(res.json()).toMatchObject({ start_url: '/' });
  });

  it('serves the service worker as JavaScript with no-cache, so a new build is picked up at once', async () => {
    const res = await app.inject({ method: 'GET', url: '/sw.js' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^(text|application)\/javascript/);
    expect(res.headers['cache-control']).toBe('no-cache');
    expect(res.headers['content-security-policy']).toBe(WEB_CONTENT_SECURITY_POLICY);
  });

  it('serves the icons as PNG', async () => {
    const res = await app.inject({ method: 'GET', url: '/icons/icon-192.png' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('image/png');
  });

  it('allows the worker and the manifest from our origin only, and stays strict otherwise', () => {
    const directives = Object.fromEntries(WEB_CONTENT_SECURITY_POLICY.split('; ').map((d) => [d.split(' ')[0], d.split(' ').slice(1).join(' ')]));
    expect(directives).toMatchObject({ 'worker-src': "'self'", 'manifest-src': "'self'", 'script-src': "'self'", 'default-src': "'self'", 'object-src': "'none'" });
    expect(WEB_CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-|\*|https?:/);
  });
});
