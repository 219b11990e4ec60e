import { randomBytes } from 'node:crypto';
import { ROLE_SCOPES } from '@valeo/contracts';
import type { Clock } from '../../core/clock.js';
import { newId } from '../../core/ids.js';
import type { Logger } from '../../core/logger.js';
import { ipThrottleKey } from './client-address.js';
import type { LoginThrottleRepository } from './login-throttle.repository.js';
import { hashPassword, verifyPassword } from './password-hash.js';
import { csrfTokenFor, generateSessionToken, hashSessionToken } from './session-token.js';
import type { ActiveSession, SessionsRepository } from './sessions.repository.js';
import type { UsersRepository } from './users.repository.js';
import { accountLocked, currentPasswordWrong, invalidCredentials, noUserSession, signInThrottled } from './users.errors.js';
import type { SessionPrincipal } from './users.types.js';

/** Failures per address that lock it, the window they are counted in, and how long the lock lasts. */
export type LockoutPolicy = { maxFailures: number; windowMs: number; lockMs: number };
export const DEFAULT_LOCKOUT: LockoutPolicy = { maxFailures: 5, windowMs: 15 * 60_000, lockMs: 15 * 60_000 };
/**
 * Failed sign-ins per client IP (IPv6: per /64) across all addresses: one source spraying a
 * password over many accounts stays under every per-address lockout, but not under this. High
 * enough for an office behind one NAT address (AUTH_LOGIN_IP_MAX_FAILURES).
 */
export const DEFAULT_IP_LOCKOUT: LockoutPolicy = { maxFailures: 30, windowMs: 15 * 60_000, lockMs: 15 * 60_000 };
/** One working day; after it the agent signs in again. */
export const DEFAULT_SESSION_TTL_MS = 12 * 60 * 60_000;
/** Longer than any token we issue; anything bigger is not worth hashing. */
const MAX_TOKEN_LENGTH = 256;

export type AuthServiceOptions = {
  users: UsersRepository;
  sessions: SessionsRepository;
  throttle: LoginThrottleRepository;
  clock: Clock;
  logger: Logger;
  sessionTtlMs?: number;
  lockout?: LockoutPolicy;
  ipLockout?: LockoutPolicy;
};

export type LoginResult = { principal: SessionPrincipal; token: string; maxAgeSeconds: number };

/** Normalises an address the same way for storage, lookup and the lockout key. */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** Password sign-in, sessions and the lockout. No Fastify here: the routes own cookies and headers. */
export class AuthService {
  private dummyHash: Promise<string> | undefined;
  private readonly lockout: LockoutPolicy;
  private readonly ipLockout: LockoutPolicy;
  private readonly sessionTtlMs: number;

  constructor(private readonly opts: AuthServiceOptions) {
    this.lockout = opts.lockout ?? DEFAULT_LOCKOUT;
    this.ipLockout = opts.ipLockout ?? DEFAULT_IP_LOCKOUT;
    this.sessionTtlMs = opts.sessionTtlMs ?? DEFAULT_SESSION_TTL_MS;
  }

  /**
   * Checks the password and opens a session. An unknown address costs the same scrypt run as a
   * wrong password and fails the same way, and both count towards the address's lockout, so
   * neither the answer, its timing nor the lockout tells whether an account exists.
   *
   * Failures also count per client IP (`client.ip`: the proxy-aware `request.ip`); a throttled IP
   * is refused before any password is checked. A success clears the address's count but not the
   * IP's, so one valid account cannot reset a password spray from the same source.
   */
  async login(input: { email: string; password: string }, client: { ip: string }): Promise<LoginResult> {
    const email = normalizeEmail(input.email);
    const ipKey = ipThrottleKey(client.ip);
    const ipRetryAfter = await this.lockedFor(ipKey);
    if (ipRetryAfter !== undefined) throw signInThrottled(ipRetryAfter);
    await this.refuseIfLocked(email);
    const record = await this.opts.users.findByEmail(email);
    const matches = await verifyPassword(input.password, record?.passwordHash ?? (await this.dummy()));
    // A deactivated user gets the wrong-password answer: it tells an outsider nothing.
    if (!record || !matches || record.deactivatedAt !== null) {
      await this.countFailure(email);
      await this.countFailure(ipKey, this.ipLockout);
      throw invalidCredentials();
    }
    await this.opts.throttle.clear(email);
    const now = this.opts.clock.now();
    const token = generateSessionToken();
    const sessionId = newId();
    await this.opts.sessions.insert({
      id: sessionId, tenantId: record.tenantId, userId: record.id, tokenHash: hashSessionToken(token),
      createdAt: now, expiresAt: new Date(now.getTime() + this.sessionTtlMs),
    });
    await this.opts.users.touchLastLogin(record.id, now);
    await this.housekeeping(now);
    this.opts.logger.info({ userId: record.id, tenantId: record.tenantId }, 'user signed in');
    const principal = toPrincipal({ sessionId, user: record }, token);
    return { principal, token, maxAgeSeconds: Math.floor(this.sessionTtlMs / 1000) };
  }

  /**
   * The signed-in user's own password change. The current password is checked like a sign-in (a
   * wrong one counts towards the address's lockout, so a stolen session cannot guess it); the other
   * sessions end, this one stays.
   */
  async changeOwnPassword(input: { tenantId: string; userId: string; sessionId: string; currentPassword: string; newPassword: string }): Promise<void> {
    const user = await this.opts.users.findById(input.tenantId, input.userId);
    if (!user) throw noUserSession();
    await this.refuseIfLocked(user.email);
    const record = await this.opts.users.findByEmail(user.email);
    if (!record || !(await verifyPassword(input.currentPassword, record.passwordHash))) {
      await this.countFailure(user.email);
      throw currentPasswordWrong();
    }
    await this.opts.throttle.clear(user.email);
    const now = this.opts.clock.now();
    await this.opts.users.update(user.tenantId, user.id, { passwordHash: await hashPassword(input.newPassword), updatedAt: now });
    await this.opts.sessions.revokeAllOfUser(user.id, now, input.sessionId);
    this.opts.logger.info({ userId: user.id, tenantId: user.tenantId }, 'user changed their password');
  }

  /** Revokes the session of this cookie token, if any (idempotent). */
  async logout(token: string): Promise<void> {
    if (!isPlausibleToken(token)) return;
    await this.opts.sessions.revokeByTokenHash(hashSessionToken(token), this.opts.clock.now());
  }

  /** The principal of a live session, or null (unknown, expired, revoked or user deleted). */
  async authenticateSession(token: string): Promise<SessionPrincipal | null> {
    if (!isPlausibleToken(token)) return null;
    const active = await this.opts.sessions.findActive(hashSessionToken(token), this.opts.clock.now());
    return active ? toPrincipal(active, token) : null;
  }

  private async refuseIfLocked(email: string): Promise<void> {
    const retryAfterSeconds = await this.lockedFor(email);
    if (retryAfterSeconds !== undefined) throw accountLocked(retryAfterSeconds);
  }

  /** Seconds until the lock on this key (an address, or an IP key) ends; undefined when it is not locked. */
  private async lockedFor(key: string): Promise<number | undefined> {
    const state = await this.opts.throttle.find(key);
    const now = this.opts.clock.now().getTime();
    if (!state?.lockedUntil || state.lockedUntil.getTime() <= now) return undefined;
    return Math.max(1, Math.ceil((state.lockedUntil.getTime() - now) / 1000));
  }

  /** Counts one failure under an address (default policy) or an IP key, and locks it at the policy's limit. */
  private async countFailure(key: string, policy: LockoutPolicy = this.lockout): Promise<void> {
    const now = this.opts.clock.now();
    const state = await this.opts.throttle.addFailure(key, now, new Date(now.getTime() - policy.windowMs));
    if (state.failureCount < policy.maxFailures) return;
    await this.opts.throttle.lock(key, new Date(now.getTime() + policy.lockMs));
    // Never the address or whether it belongs to a user: logging that would enumerate accounts.
    if (policy === this.ipLockout) this.opts.logger.warn({ client: key, failures: state.failureCount }, 'sign-in throttled for a client IP after repeated failures');
    else this.opts.logger.warn({ failures: state.failureCount }, 'sign-in locked after repeated failures');
  }

  /** Expired sessions and stale lockout rows go on sign-in, so no scheduler is needed. */
  private async housekeeping(now: Date): Promise<void> {
    await this.opts.sessions.purgeExpired(now);
    const keepMs = Math.max(this.lockout.windowMs + this.lockout.lockMs, this.ipLockout.windowMs + this.ipLockout.lockMs);
    await this.opts.throttle.purgeStale(new Date(now.getTime() - keepMs));
  }

  /** A real hash of a random password, made once, to verify against when the address is unknown. */
  private dummy(): Promise<string> {
    this.dummyHash ??= hashPassword(randomBytes(24).toString('base64url'));
    return this.dummyHash;
  }
}

function isPlausibleToken(token: string): boolean {
  return token.length > 0 && token.length <= MAX_TOKEN_LENGTH;
}

function toPrincipal(session: ActiveSession, token: string): SessionPrincipal {
  const { id, tenantId, email, name, role } = session.user;
  return {
    tenantId,
    scopes: ROLE_SCOPES[role] ?? [],
    userId: id,
    sessionId: session.sessionId,
    csrfToken: csrfTokenFor(token),
    user: { id, tenantId, email, name, role },
  };
}
