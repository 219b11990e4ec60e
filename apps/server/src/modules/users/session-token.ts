import { createHash, createHmac, randomBytes } from 'node:crypto';

/**
 * The session cookie holds 32 random bytes (base64url). The database keeps only their SHA-256, so
 * a leaked table lets nobody sign in; a plain hash suffices for a high-entropy secret (RELIABILITY
 * §4.3). Looking a session up by the hash of a secret the caller cannot steer leaks nothing
 * through timing.
 */
export function generateSessionToken(): string {
  return randomBytes(32).toString('base64url');
}

export function hashSessionToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/**
 * The CSRF token is derived from the session token (HMAC keyed by it), so it needs no storage,
 * changes with every session, and only someone holding the cookie's value can compute it — which
 * a cross-site attacker never does (the cookie is HttpOnly and SameSite=Strict).
 */
export function csrfTokenFor(sessionToken: string): string {
  return createHmac('sha256', sessionToken).update('hub-csrf-v1').digest('base64url');
}

