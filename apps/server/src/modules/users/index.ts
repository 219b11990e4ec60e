import { systemClock, type Clock } from '../../core/clock.js';
import { silentLogger, type Logger } from '../../core/logger.js';
import type { DbExecutor } from '../../db/database.js';
import { AuthService, type LockoutPolicy } from './auth.service.js';
import { createLoginThrottleRepository } from './login-throttle.repository.js';
import { createSessionsRepository } from './sessions.repository.js';
import { createUsersRepository } from './users.repository.js';
import { usersApiRoutes } from './users-api.routes.js';
import { createUsersDirectory } from './users-directory.js';
import { UsersService } from './users.service.js';
import type { SessionPrincipal } from './users.types.js';

export { AuthService, DEFAULT_IP_LOCKOUT, DEFAULT_LOCKOUT, DEFAULT_SESSION_TTL_MS, normalizeEmail, type LockoutPolicy } from './auth.service.js';
export { UsersService } from './users.service.js';
export { hashPassword, verifyPassword } from './password-hash.js';
export type { User, SessionPrincipal } from './users.types.js';
export { createUsersDirectory, type DirectoryPage, type DirectoryPosition, type DirectorySearch, type TeamMember, type UsersDirectory } from './users-directory.js';

export type UsersModuleDeps = {
  db: DbExecutor;
  clock?: Clock;
  logger?: Logger;
  /** `Secure` on the session cookie: true when PUBLIC_BASE_URL is https. */
  secureCookies: boolean;
  /** @defaultValue 12 hours */
  sessionTtlMs?: number;
  /** @defaultValue 5 failures in 15 minutes lock the address for 15 minutes */
  lockout?: LockoutPolicy;
  /** @defaultValue 30 failures in 15 minutes from one IP (IPv6: its /64) stop sign-in from it for 15 minutes */
  ipLockout?: LockoutPolicy;
};

export type UsersModule = ReturnType<typeof createUsersModule>;

/**
 * Users, password sign-in and sessions. `authenticateSession` is what the HTTP auth hook needs
 * (`Authenticator.authenticateSession`); `routes` mounts /auth/* and /users under /api/v1.
 */
export function createUsersModule(deps: UsersModuleDeps) {
  const clock = deps.clock ?? systemClock;
  const logger = deps.logger ?? silentLogger;
  const users = createUsersRepository(deps.db);
  const sessions = createSessionsRepository(deps.db);
  const auth = new AuthService({
    users, sessions, throttle: createLoginThrottleRepository(deps.db), clock, logger,
    ...(deps.sessionTtlMs === undefined ? {} : { sessionTtlMs: deps.sessionTtlMs }),
    ...(deps.lockout === undefined ? {} : { lockout: deps.lockout }),
    ...(deps.ipLockout === undefined ? {} : { ipLockout: deps.ipLockout }),
  });
  const service = new UsersService({ users, sessions, clock, logger });
  return {
    users: service,
    /** Names and roles of colleagues, for other modules (assignment). */
    directory: createUsersDirectory(deps.db),
    auth,
    authenticateSession: (token: string): Promise<SessionPrincipal | null> => auth.authenticateSession(token),
    routes: usersApiRoutes(auth, service, { secure: deps.secureCookies }),
  };
}
