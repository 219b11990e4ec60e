import type { FastifyPluginAsync } from 'fastify';
import { buildHttpApp, type HttpAppDeps } from '../../app.js';
import type { AuthContext, Authenticator } from '../plugins/auth.plugin.js';

export const TEST_HTTP_CONFIG: HttpAppDeps['config'] = {
  http: { host: '127.0.0.1', port: 0, publicBaseUrl: 'http://127.0.0.1:3000', bodyLimitBytes: 1024, trustProxy: 'false' },
  log: { level: 'silent' },
};

/** Accepts exactly the keys it was given. */
export function fakeAuthenticator(keys: Record<string, AuthContext>): Authenticator {
  return { authenticate: async (rawKey) => keys[rawKey] ?? null };
}

export function buildFakeApp(opts: Partial<HttpAppDeps> & { apiPlugins?: FastifyPluginAsync[] } = {}) {
  return buildHttpApp({
    config: TEST_HTTP_CONFIG,
    logger: false,
    auth: fakeAuthenticator({}),
    ...opts,
  });
}
