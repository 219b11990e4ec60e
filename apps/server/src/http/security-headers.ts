import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

/**
 * Baseline headers on every response (RELIABILITY §4.6, ASVS 3.4.x). A full CSP comes with the
 * web app; `frame-ancestors 'none'` is safe for the API and the docs page now. HSTS is only
 * meaningful over https, so it follows PUBLIC_BASE_URL.
 */
export function securityHeaders(opts: { https: boolean }): Record<string, string> {
  return {
    'x-content-type-options': 'nosniff',
    'x-frame-options': 'DENY',
    'referrer-policy': 'strict-origin-when-cross-origin',
    'cross-origin-opener-policy': 'same-origin',
    'permissions-policy': 'camera=(), microphone=(), geolocation=()',
    'content-security-policy': "frame-ancestors 'none'",
    ...(opts.https ? { 'strict-transport-security': 'max-age=31536000; includeSubDomains' } : {}),
  };
}

/** Sets the headers a route has not set itself, plus the request id. */
export function applySecurityHeaders(headers: Record<string, string>, request: FastifyRequest, reply: FastifyReply): void {
  for (const [name, value] of Object.entries(headers)) {
    if (!reply.hasHeader(name)) void reply.header(name, value);
  }
  void reply.header('x-request-id', request.id);
}

export function installSecurityHeaders(app: FastifyInstance, headers: Record<string, string>): void {
  app.addHook('onSend', async (request, reply, payload) => {
    applySecurityHeaders(headers, request, reply);
    return payload;
  });
}
