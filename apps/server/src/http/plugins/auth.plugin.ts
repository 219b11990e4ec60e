import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyRequest, onRequestAsyncHookHandler } from 'fastify';
import { AuthErrorCode, CSRF_HEADER_NAME, HttpErrorCode, SESSION_COOKIE_NAME, type ApiKeyScope } from '@valeo/contracts';
import { AppError } from '../../core/errors/app-error.js';

/**
 * Who is calling: resolved only from the credentials (RELIABILITY §4.3), never from the request body.
 * An API key sets `apiKeyId`; the session cookie of a signed-in user sets `userId` and `sessionId`.
 */
export type AuthContext = {
  tenantId: string;
  scopes: readonly string[];
  apiKeyId?: string;
  userId?: string;
  sessionId?: string;
};

/** A session's principal: its CSRF token guards the unsafe methods of cookie-authenticated requests. */
export type SessionAuthContext = AuthContext & { userId: string; sessionId: string; csrfToken: string };

/** Resolves credentials to their principal; the tenants module (keys) and users module (sessions) implement it. */
export interface Authenticator {
  /** null when the key is unknown or revoked. */
  authenticate(rawKey: string): Promise<AuthContext | null>;
  /** null when the session is unknown, expired or revoked. Without it, session cookies are ignored. */
  authenticateSession?(token: string): Promise<SessionAuthContext | null>;
}

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by the auth hook on every route under /api/v1; null elsewhere. Read it with `authOf`. */
    auth: AuthContext | null;
    /**
     * Resolves this request's credentials again, for long-lived responses (the SSE stream) to notice
     * a revoked key, a signed-out session or a changed role. Set alongside `auth`; null elsewhere.
     */
    reauthenticate: (() => Promise<AuthContext | null>) | null;
  }
  interface FastifyContextConfig {
    /** The route authenticates itself (sign-in, sign-out): the auth hook lets it through. */
    skipAuth?: boolean;
  }
}

/** Route config of the few /api/v1 routes that must work without credentials: `{ config: PUBLIC_ROUTE }`. */
export const PUBLIC_ROUTE = { skipAuth: true } as const;

const ADMIN_SCOPE: ApiKeyScope = 'admin';

export function unauthenticated(message: string): AppError {
  return new AppError({ code: HttpErrorCode.UNAUTHENTICATED, httpStatus: 401, message });
}

/**
 * Installs authentication on `api` and everything registered inside it afterwards: an
 * `Authorization: Bearer <api key>` header, or else the session cookie. It runs in `onRequest`,
 * before the body is parsed or validated, so an anonymous caller learns nothing about the schema
 * and pays for no parsing.
 */
export function installAuth(api: FastifyInstance, authenticator: Authenticator): void {
  api.decorateRequest('auth', null);
  api.decorateRequest('reauthenticate', null);
  api.addHook('onRequest', async (request, reply) => {
    if (request.routeOptions.config.skipAuth) return;
    const token = (request.headers.authorization ?? '').trim() === '' ? sessionTokenOf(request) : undefined;
    if (token !== undefined && authenticator.authenticateSession) {
      const resolve = authenticator.authenticateSession.bind(authenticator);
      request.auth = await authenticateSession(request, token, resolve);
      request.reauthenticate = () => resolve(token);
      return;
    }
    const rawKey = bearerToken(request.headers.authorization);
    if (!rawKey) {
      void reply.header('www-authenticate', 'Bearer');
      throw unauthenticated('Missing credentials: send "Authorization: Bearer <api key>" or sign in.');
    }
    const auth = await authenticator.authenticate(rawKey);
    if (!auth) {
      void reply.header('www-authenticate', 'Bearer error="invalid_token"');
      request.log.info('rejected an unknown or revoked API key');
      throw unauthenticated('Invalid or revoked API key.');
    }
    request.auth = auth;
    request.reauthenticate = () => authenticator.authenticate(rawKey);
  });
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Cookie authentication. A browser attaches cookies to requests other sites trigger, so an unsafe
 * method must also prove it comes from our own page: the X-CSRF-Token header, which only script
 * of our origin can read (from login or /auth/me) and set. API keys need no such proof — no
 * browser sends them on its own.
 */
async function authenticateSession(
  request: FastifyRequest,
  token: string,
  resolve: (token: string) => Promise<SessionAuthContext | null>,
): Promise<SessionAuthContext> {
  const session = await resolve(token);
  if (!session) throw unauthenticated('Not signed in, or the session has expired. Sign in again.');
  if (!SAFE_METHODS.has(request.method)) requireCsrfToken(request, session.csrfToken);
  return session;
}

/** Throws 403 CSRF_TOKEN_INVALID unless the X-CSRF-Token header equals the session's token. */
export function requireCsrfToken(request: FastifyRequest, csrfToken: string): void {
  const header = request.headers[CSRF_HEADER_NAME.toLowerCase()];
  if (typeof header === 'string' && constantTimeEqual(header, csrfToken)) return;
  throw new AppError({
    code: AuthErrorCode.CSRF_TOKEN_INVALID,
    httpStatus: 403,
    message: `Send the session's CSRF token in the ${CSRF_HEADER_NAME} header (from sign-in or GET /api/v1/auth/me).`,
  });
}

/** The session cookie's value, if the request carries one. */
export function sessionTokenOf(request: FastifyRequest): string | undefined {
  return readCookie(request.headers.cookie, SESSION_COOKIE_NAME);
}

/** Minimal RFC 6265 `Cookie` header lookup (no dependency for one cookie). */
export function readCookie(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const pair of header.split(';')) {
    const eq = pair.indexOf('=');
    if (eq < 0 || pair.slice(0, eq).trim() !== name) continue;
    const value = pair.slice(eq + 1).trim().replace(/^"(.*)"$/, '$1');
    return value === '' ? undefined : value;
  }
  return undefined;
}

function constantTimeEqual(a: string, b: string): boolean {
  const digest = (text: string) => createHash('sha256').update(text).digest();
  return timingSafeEqual(digest(a), digest(b));
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
  if (!request.auth) throw unauthenticated('This route requires an API key or a signed-in user.');
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
      message: `${authOf(request).userId ? 'Your role does not grant' : 'This API key lacks'} the "${scope}" scope.`,
      details: { requiredScope: scope },
    });
  };
}
