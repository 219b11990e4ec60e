import { describe, expect, it } from 'vitest';
import { readCookie } from '../../../http/plugins/auth.plugin.js';
import { clearedSessionCookie, sessionCookie } from '../session-cookie.js';
import { csrfTokenFor, generateSessionToken, hashSessionToken } from '../session-token.js';

describe('session cookie', () => {
  it('is HttpOnly, SameSite=Strict, Path=/, with Max-Age; Secure only when asked', () => {
    expect(sessionCookie('tok', 3600, { secure: false })).toBe('hub_session=tok; Path=/; HttpOnly; SameSite=Strict; Max-Age=3600');
    expect(sessionCookie('tok', 3600, { secure: true })).toBe('hub_session=tok; Path=/; HttpOnly; SameSite=Strict; Max-Age=3600; Secure');
    expect(clearedSessionCookie({ secure: true })).toBe('hub_session=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0; Secure');
  });

  it('is read from a Cookie header among others, ignoring look-alike names and empty values', () => {
    expect(readCookie('a=1; hub_session=abc; b=2', 'hub_session')).toBe('abc');
    expect(readCookie('xhub_session=evil; hub_session_old=1', 'hub_session')).toBeUndefined();
    expect(readCookie('hub_session=', 'hub_session')).toBeUndefined();
    expect(readCookie('hub_session="quoted"', 'hub_session')).toBe('quoted');
    expect(readCookie(undefined, 'hub_session')).toBeUndefined();
  });
});

describe('session token', () => {
  it('is 32 random bytes; only its SHA-256 is stored; the CSRF token derives from it', () => {
    const token = generateSessionToken();
    expect(Buffer.from(token, 'base64url')).toHaveLength(32);
    expect(generateSessionToken()).not.toBe(token);
    expect(hashSessionToken(token)).toMatch(/^[0-9a-f]{64}$/);
    expect(csrfTokenFor(token)).toBe(csrfTokenFor(token));
    expect(csrfTokenFor(token)).not.toBe(csrfTokenFor(generateSessionToken()));
    expect(csrfTokenFor(token)).not.toContain(token);
  });

});
