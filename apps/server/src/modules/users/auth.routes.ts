import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { AuthErrorCode } from '@valeo/contracts';
import { isAppError } from '../../core/errors/app-error.js';
import { errorResponses } from '../../http/error-responses.js';
import { authOf, PUBLIC_ROUTE, requireCsrfToken, sessionTokenOf } from '../../http/plugins/auth.plugin.js';
import type { AuthService } from './auth.service.js';
import { clearedSessionCookie, sessionCookie, type SessionCookieOptions } from './session-cookie.js';
import { LoginRequest, SessionResponse } from './users.schemas.js';
import { noUserSession } from './users.errors.js';
import type { SessionPrincipal } from './users.types.js';

const tags = ['auth'];

/** Sign-in, sign-out and "who am I" for the web inbox. Answers carry the CSRF token: never cache them. */
export function authRoutes(service: AuthService, cookie: SessionCookieOptions): FastifyPluginAsync {
  return async (app) => {
    const r = app.withTypeProvider<TypeBoxTypeProvider>();

    r.post('/auth/login', {
      config: PUBLIC_ROUTE,
      schema: { tags, summary: 'Sign in with e-mail and password (sets the session cookie)', body: LoginRequest, response: { 200: SessionResponse, ...errorResponses(400, 401, 429) } },
    }, async (request, reply) => {
      noStore(reply);
      try {
        // request.ip honours HTTP_TRUST_PROXY: behind a proxy it is the client, not the proxy.
        const { principal, token, maxAgeSeconds } = await service.login(request.body, { ip: request.ip });
        void reply.header('set-cookie', sessionCookie(token, maxAgeSeconds, cookie));
        return toSessionResponse(principal);
      } catch (error) {
        if (isAppError(error) && (error.code === AuthErrorCode.ACCOUNT_LOCKED || error.code === AuthErrorCode.SIGN_IN_THROTTLED)) {
          void reply.header('retry-after', String((error.details as { retryAfterSeconds: number }).retryAfterSeconds));
        }
        throw error;
      }
    });

    /**
     * Idempotent, and works with an expired session (it then only clears the cookie). A live
     * session is revoked only with its CSRF token, like every other unsafe cookie request.
     */
    r.post('/auth/logout', {
      config: PUBLIC_ROUTE,
      schema: { tags, summary: 'Sign out (revokes the session, clears the cookie)', response: { 204: Type.Null(), ...errorResponses(403) } },
    }, async (request, reply) => {
      const token = sessionTokenOf(request);
      if (token !== undefined) {
        const session = await service.authenticateSession(token);
        if (session) {
          requireCsrfToken(request, session.csrfToken);
          await service.logout(token);
        }
      }
      noStore(reply);
      return reply.header('set-cookie', clearedSessionCookie(cookie)).status(204).send(null);
    });

    r.get('/auth/me', {
      schema: { tags, summary: 'The signed-in user and the CSRF token', response: { 200: SessionResponse, ...errorResponses(401) } },
    }, async (request, reply) => {
      const token = sessionTokenOf(request);
      const session = authOf(request).sessionId && token !== undefined ? await service.authenticateSession(token) : null;
      if (!session) throw noUserSession();
      noStore(reply);
      return toSessionResponse(session);
    });
  };
}

function toSessionResponse(principal: SessionPrincipal): SessionResponse {
  return { user: principal.user, csrfToken: principal.csrfToken };
}

function noStore(reply: FastifyReply): void {
  void reply.header('cache-control', 'no-store');
}
