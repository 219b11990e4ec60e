import { Type, type Static } from 'typebox';
import type { ApiKeyScope } from './api-keys.js';

/**
 * Sign-in for people (the web inbox). Machines keep using API keys; every `/api/v1/*` route accepts
 * either `Authorization: Bearer <api key>` or the session cookie.
 *
 * - `POST /api/v1/auth/login` `LoginRequest` → 200 `SessionResponse` + `Set-Cookie: hub_session=…`
 *   (HttpOnly, SameSite=Strict, Path=/, Secure when PUBLIC_BASE_URL is https). Wrong password and
 *   unknown email both answer 401 `INVALID_CREDENTIALS`. 5 failures within 15 minutes lock the
 *   account: 429 `ACCOUNT_LOCKED`, `error.details.retryAfterSeconds` and a `Retry-After` header.
 * - `POST /api/v1/auth/logout` → 204, revokes the session and clears the cookie (idempotent).
 * - `GET /api/v1/auth/me` → 200 `SessionResponse`, or 401 `UNAUTHENTICATED`.
 * - With the cookie, POST/PUT/PATCH/DELETE need header `X-CSRF-Token: <csrfToken>`, else
 *   403 `CSRF_TOKEN_INVALID`. Requests authenticated by API key need no CSRF token.
 */
export const SESSION_COOKIE_NAME = 'hub_session';
/** Header name as sent; HTTP header names are case-insensitive. */
export const CSRF_HEADER_NAME = 'X-CSRF-Token';

export const USER_ROLES = ['admin', 'supervisor', 'agent', 'marketing', 'viewer'] as const;
export type UserRole = (typeof USER_ROLES)[number];
export const UserRoleSchema = Type.Enum(USER_ROLES);

/** What each role may do, expressed in API-key scopes (`admin` implies every scope). */
export const ROLE_SCOPES: Readonly<Record<UserRole, readonly ApiKeyScope[]>> = {
  admin: ['admin'],
  // labels:manage = create, rename, delete labels; attaching them needs only messages:send. teams:manage = teams and their members.
  supervisor: ['messages:send', 'messages:read', 'channels:read', 'contacts:manage', 'labels:manage', 'quick-replies:manage', 'teams:manage'],
  agent: ['messages:send', 'messages:read', 'channels:read', 'contacts:manage'],
  marketing: ['messages:send', 'messages:read', 'channels:read', 'contacts:manage'],
  viewer: ['messages:read', 'channels:read'],
};

export const AuthErrorCode = {
  INVALID_CREDENTIALS: 'INVALID_CREDENTIALS',
  ACCOUNT_LOCKED: 'ACCOUNT_LOCKED',
  /** Too many failed sign-ins from one client IP across addresses (429 with Retry-After). */
  SIGN_IN_THROTTLED: 'SIGN_IN_THROTTLED',
  CSRF_TOKEN_INVALID: 'CSRF_TOKEN_INVALID',
} as const;
export type AuthErrorCode = (typeof AuthErrorCode)[keyof typeof AuthErrorCode];

export const LoginRequest = Type.Object(
  {
    email: Type.String({ minLength: 3, maxLength: 254 }),
    password: Type.String({ minLength: 1, maxLength: 1024 }),
  },
  { additionalProperties: false },
);
export type LoginRequest = Static<typeof LoginRequest>;

/** The signed-in person; never carries the password hash. */
export const AuthUser = Type.Object({
  id: Type.String(),
  tenantId: Type.String(),
  email: Type.String(),
  name: Type.String(),
  role: UserRoleSchema,
});
export type AuthUser = Static<typeof AuthUser>;

/** Answer of login and of `GET /auth/me`: send `csrfToken` as `X-CSRF-Token` on unsafe requests. */
export const SessionResponse = Type.Object({
  user: AuthUser,
  csrfToken: Type.String(),
});
export type SessionResponse = Static<typeof SessionResponse>;
export const LoginResponse = SessionResponse;
export type LoginResponse = SessionResponse;

/** `details` of a 429 `ACCOUNT_LOCKED` error. */
export const AccountLockedDetails = Type.Object({ retryAfterSeconds: Type.Integer({ minimum: 1 }) });
export type AccountLockedDetails = Static<typeof AccountLockedDetails>;
