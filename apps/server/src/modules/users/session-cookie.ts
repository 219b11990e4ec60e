import { SESSION_COOKIE_NAME } from '@valeo/contracts';

export type SessionCookieOptions = {
  /** `Secure` attribute: on when the Hub is served over https (PUBLIC_BASE_URL). */
  secure: boolean;
};

/**
 * `Set-Cookie` for the session: HttpOnly (no script reads it), SameSite=Strict (no cross-site
 * request carries it — the first CSRF defence; the X-CSRF-Token header is the second), Path=/ (the
 * web app and /api share the origin). Max-Age matches the server-side expiry.
 */
export function sessionCookie(token: string, maxAgeSeconds: number, opts: SessionCookieOptions): string {
  return serialize(token, maxAgeSeconds, opts);
}

/** Expires the cookie in the browser (sign-out, or a cookie that names no live session). */
export function clearedSessionCookie(opts: SessionCookieOptions): string {
  return serialize('', 0, opts);
}

function serialize(value: string, maxAgeSeconds: number, opts: SessionCookieOptions): string {
  const parts = [`${SESSION_COOKIE_NAME}=${value}`, 'Path=/', 'HttpOnly', 'SameSite=Strict', `Max-Age=${maxAgeSeconds}`];
  if (opts.secure) parts.push('Secure');
  return parts.join('; ');
}
