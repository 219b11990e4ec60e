import type { ApiKeyScope, UserRole, UserStatus } from '@valeo/contracts';

/** A user as the rest of the Hub sees it: never the password hash. */
export type User = {
  id: string;
  tenantId: string;
  email: string;
  name: string;
  role: UserRole;
  createdAt: Date;
  updatedAt: Date;
  lastLoginAt: Date | null;
  /** Set while deactivated (no sign-in, no sessions); null = active. */
  deactivatedAt: Date | null;
};

/**
 * Who a valid session cookie speaks for. Structurally the HTTP layer's `AuthContext` plus what
 * `GET /auth/me` answers. Scopes come from the user's role at request time, so a role change
 * applies to open sessions at once.
 */
export type SessionPrincipal = {
  tenantId: string;
  scopes: readonly ApiKeyScope[];
  userId: string;
  sessionId: string;
  csrfToken: string;
  user: Pick<User, 'id' | 'tenantId' | 'email' | 'name' | 'role'>;
};

export type Page<T> = { items: T[]; nextCursor: string | null };
export type PageRequest = { limit?: number | undefined; cursor?: string | undefined };

/** Narrows the user list: every term (`userSearchTerms`) in the name or e-mail, a role, active or not. */
export type UserFilter = { terms: readonly (readonly string[])[]; role?: UserRole | undefined; status?: UserStatus | undefined };
/** `GET /users`: a page plus the filters (`q` is the raw search text). */
export type ListUsersRequest = PageRequest & { q?: string | undefined; role?: UserRole | undefined; status?: UserStatus | undefined };
