import type { FastifyInstance, FastifyRequest, onRequestAsyncHookHandler } from 'fastify';
import { HttpErrorCode, type ApiKeyScope } from '@valeo/contracts';
import { AppError } from '../../core/errors/app-error.js';

/** Who is calling: resolved only from the credentials (RELIABILITY §4.3), never from the request body. */
export type AuthContext = {
  tenantId: string;
  apiKeyId: string;
  scopes: readonly string[];
};

/** Resolves a raw API key to its principal; the tenants module implements it. */
export interface Authenticator {
  /** null when the key is unknown or revoked. */
  authenticate(rawKey: string): Promise<AuthContext | null>;
}

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by the auth hook on every route under /api/v1; null elsewhere. Read it with `authOf`. */
    auth: AuthContext | null;
  }
}

const ADMIN_SCOPE: ApiKeyScope = 'admin';

export function unauthenticated(message: string): AppError {
  return new AppError({ code: HttpErrorCode.UNAUTHENTICATED, httpStatus: 401, message });
}

/**
 * Installs bearer-key authentication on `api` and everything registered inside it afterwards.
 * It runs in `onRequest`, before the body is parsed or validated, so an anonymous caller learns
 * nothing about the schema and pays for no parsing.
 */
export function installAuth(api: FastifyInstance, authenticator: Authenticator): void {
  api.decorateRequest('auth', null);
  api.addHook('onRequest', async (request, reply) => {
    const rawKey = bearerToken(request.headers.authorization);
    if (!rawKey) {
      void reply.header('www-authenticate', 'Bearer');
      throw unauthenticated('Missing API key: send "Authorization: Bearer <api key>".');
    }
    const auth = await authenticator.authenticate(rawKey);
    if (!auth) {
      void reply.header('www-authenticate', 'Bearer error="invalid_token"');
      request.log.info('rejected an unknown or revoked API key');
      throw unauthenticated('Invalid or revoked API key.');
    }
    request.auth = auth;
  });
}

function bearerToken(header: string | undefined): string | undefined {
  const match = header?.match(/^Bearer[ ]+(\S+)\s*$/i);
  return match?.[1];
}

/** `admin` grants everything; `<area>:manage` also grants `<area>:read`. */
export function hasScope(auth: AuthContext, scope: ApiKeyScope): boolean {
  if (auth.scopes.includes(ADMIN_SCOPE) || auth.scopes.includes(scope)) return true;
  return scope.endsWith(':read') && auth.scopes.includes(scope.replace(/:read$/, ':manage'));
}

/** The caller of an /api/v1 route. Throws 401 if used on a route outside the authenticated scope. */
export function authOf(request: FastifyRequest): AuthContext {
  if (!request.auth) throw unauthenticated('This route requires an API key.');
  return request.auth;
}

/**
 * Route guard: `{ onRequest: requireScope('messages:send') }` (see `hasScope` for what implies what).
 * Missing scope → 403 FORBIDDEN naming the scope (the caller is known, so this reveals nothing).
 */
export function requireScope(scope: ApiKeyScope): onRequestAsyncHookHandler {
  return async (request) => {
    if (hasScope(authOf(request), scope)) return;
    throw new AppError({
      code: HttpErrorCode.FORBIDDEN,
      httpStatus: 403,
      message: `This API key lacks the "${scope}" scope.`,
      details: { requiredScope: scope },
    });
  };
}
