import Fastify, { type FastifyBaseLogger, type FastifyInstance, type FastifyPluginAsync, type FastifyServerOptions } from 'fastify';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { TypeBoxValidatorCompiler } from '@fastify/type-provider-typebox';
import type { Config } from './config/load-config.js';
import { installErrorHandling, sendError } from './http/error-handler.js';
import { registerHealthRoutes, type ReadinessCheck } from './http/health.routes.js';
import { installAuth, type Authenticator } from './http/plugins/auth.plugin.js';
import { generateRequestId } from './http/request-id.js';
import { applySecurityHeaders, installSecurityHeaders, securityHeaders } from './http/security-headers.js';
import { trustProxyOption } from './http/trust-proxy.js';

export type { ReadinessCheck } from './http/health.routes.js';
export type { Authenticator, AuthContext } from './http/plugins/auth.plugin.js';

export const API_PREFIX = '/api/v1';

export type HttpAppDeps = {
  config: Pick<Config, 'http' | 'log'>;
  /**
   * Pino options for Fastify's logger (`false` = silent). Default: `{ level: LOG_LEVEL }`.
   * Ignored when `loggerInstance` is given.
   */
  logger?: Exclude<FastifyServerOptions['logger'], undefined>;
  /** A ready-made pino logger shared with the rest of the process. */
  loggerInstance?: FastifyBaseLogger;
  /** Checks behind GET /readyz (database ping, queue up, …). */
  readinessChecks?: readonly ReadinessCheck[];
  /** Registered under /api/v1, behind API-key authentication (module routes). */
  apiPlugins?: readonly FastifyPluginAsync[];
  /** Registered at the root without authentication (webhook intake, sandbox mount, web app). */
  rootPlugins?: readonly FastifyPluginAsync[];
  /** Resolves API keys; the tenants module's `authenticator`. */
  auth: Authenticator;
  /** Shown in the OpenAPI document. */
  version?: string;
};

/**
 * The HTTP application, fully assembled but never listening (fastify/demo's app.ts vs server.ts):
 * main.ts calls `listen`, tests call `inject`.
 */
export async function buildHttpApp(deps: HttpAppDeps): Promise<FastifyInstance> {
  const headers = securityHeaders({ https: deps.config.http.publicBaseUrl.startsWith('https://') });
  const app = Fastify({
    ...(deps.loggerInstance ? { loggerInstance: deps.loggerInstance } : { logger: deps.logger ?? { level: deps.config.log.level } }),
    bodyLimit: deps.config.http.bodyLimitBytes,
    trustProxy: trustProxyOption(deps.config.http.trustProxy),
    genReqId: generateRequestId,
    // Errors raised before routing (malformed URL) bypass hooks, so they get the headers here.
    frameworkErrors: (error, request, reply) => {
      applySecurityHeaders(headers, request, reply);
      sendError(error, request, reply);
    },
  });
  app.setValidatorCompiler(TypeBoxValidatorCompiler);
  installErrorHandling(app);
  installSecurityHeaders(app, headers);
  await registerOpenApi(app, deps.version ?? '0.1.0');
  registerHealthRoutes(app, deps.readinessChecks ?? [], app.log);

  await app.register(async (api) => {
    installAuth(api, deps.auth);
    markAsAuthenticated(api, deps.auth.authenticateSession !== undefined);
    for (const plugin of deps.apiPlugins ?? []) await api.register(plugin);
  }, { prefix: API_PREFIX });

  for (const plugin of deps.rootPlugins ?? []) await app.register(plugin);
  return app;
}

async function registerOpenApi(app: FastifyInstance, version: string): Promise<void> {
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: 'VALEO WhatsApp Hub API', version, description: 'WhatsApp Business messaging for VALEO NeuroERP.' },
      components: {
        securitySchemes: {
          bearerAuth: { type: 'http', scheme: 'bearer', description: 'API key: vhub_<prefix>_<secret>' },
          cookieAuth: { type: 'apiKey', in: 'cookie', name: 'hub_session', description: 'Session of a signed-in user; unsafe methods also need X-CSRF-Token.' },
        },
      },
    },
  });
  await app.register(swaggerUi, { routePrefix: '/docs' });
  app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());
}

/** Documents key or cookie auth on every route of the authenticated scope, so OpenAPI matches reality. */
function markAsAuthenticated(api: FastifyInstance, sessions: boolean): void {
  const schemes = sessions ? [{ bearerAuth: [] }, { cookieAuth: [] }] : [{ bearerAuth: [] }];
  api.addHook('onRoute', (route) => {
    const security = route.config?.skipAuth ? [] : schemes;
    route.schema = { ...route.schema, security };
  });
}
