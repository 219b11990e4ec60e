import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { registerWebPlaceholder } from './web-placeholder.js';

/**
 * The inbox's Content-Security-Policy (RELIABILITY §4.5/§4.6): scripts, styles and connections from
 * our own origin only, no inline code of any kind, media from our origin or blob:/data: previews,
 * never framed. Vite's build emits only files, so nothing needs a nonce. The PWA's service worker
 * and manifest are allowed from our origin only (worker-src/manifest-src, explicit rather than
 * inherited from default-src).
 */
export const WEB_CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "img-src 'self' blob: data:",
  "connect-src 'self'",
  "style-src 'self'",
  "script-src 'self'",
  "worker-src 'self'",
  "manifest-src 'self'",
  "object-src 'none'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "form-action 'self'",
].join('; ');

/** apps/web/dist, seen from apps/server/src/http. */
export const DEFAULT_WEB_ROOT = fileURLToPath(new URL('../../../web/dist/', import.meta.url));

export type ServeWebOptions = {
  /** The built web app (`npm run build:web`). Default: apps/web/dist. */
  root?: string;
};

/** Paths that belong to the API or other apps: an unknown one answers the JSON 404, never the app. */
const NOT_THE_APP = /^\/(api|webhooks|sandbox|docs|openapi\.json|healthz|readyz)(\/|$|\?)/;
/** The web app manifest's registered media type (W3C Web App Manifest); `send` does not know it. */
const MANIFEST_TYPE = 'application/manifest+json; charset=utf-8';

/** The last path segment has a file extension: a missing asset is a 404, not the app. */
const LOOKS_LIKE_FILE = /\/[^/?]+\.[A-Za-z0-9]+(\?|$)/;

/**
 * Serves the agents' inbox: hashed assets with a year of caching, `index.html` for `/` and for any
 * other page path a browser asks for (SPA fallback), each with the strict CSP. Without a build (a
 * fresh clone before `npm start` built it) `/` keeps the placeholder page.
 */
export async function serveWeb(app: FastifyInstance, opts: ServeWebOptions = {}): Promise<void> {
  const root = opts.root ?? DEFAULT_WEB_ROOT;
  if (!existsSync(join(root, 'index.html'))) {
    app.log.warn({ root }, 'web app not built; serving the placeholder page (run `npm run build:web`)');
    registerWebPlaceholder(app);
    return;
  }
  app.addHook('onRequest', async (_request, reply) => {
    void reply.header('content-security-policy', WEB_CONTENT_SECURITY_POLICY);
  });
  await app.register(fastifyStatic, {
    root,
    prefix: '/',
    index: false,
    // Routes for the files that exist at start-up, not a catch-all: unknown paths reach the fallback.
    wildcard: false,
    schemaHide: true,
    cacheControl: false,
    setHeaders: (reply, path) => {
      // Vite names assets by content hash: a changed file is a new URL, so they never go stale.
      // Everything else (index.html, sw.js, the manifest, icons) is revalidated on every use, so a
      // new service worker or manifest is seen on the next visit.
      const immutable = path.startsWith(join(root, 'assets'));
      void reply.header('cache-control', immutable ? 'public, max-age=31536000, immutable' : 'no-cache');
      if (path.endsWith('.webmanifest')) void reply.header('content-type', MANIFEST_TYPE);
    },
  });
  const sendApp = async (_request: FastifyRequest, reply: FastifyReply) => reply.header('cache-control', 'no-cache').sendFile('index.html');
  app.get('/', { schema: { hide: true } }, sendApp);
  app.get('/*', { schema: { hide: true } }, async (request, reply) => {
    if (!isAppPage(request)) return reply.callNotFound();
    return sendApp(request, reply);
  });
}

function isAppPage(request: FastifyRequest): boolean {
  const url = request.url;
  if (NOT_THE_APP.test(url) || LOOKS_LIKE_FILE.test(url)) return false;
  return (request.headers.accept ?? '').includes('text/html');
}
