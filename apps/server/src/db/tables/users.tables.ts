import type { NullableTimestamp, Timestamp } from '../column-types.js';

/** Tables of migration 0005-users: people who sign in, their sessions and the login lockout. */
export interface UsersTable {
  id: string;
  tenant_id: string;
  /** Lower-cased; unique across the Hub because sign-in names no tenant. */
  email: string;
  name: string;
  /** admin | supervisor | agent | marketing | viewer */
  role: string;
  /** Versioned scrypt string (`$scrypt$v=1$…`); never leaves the users module. */
  password_hash: string;
  created_at: Timestamp;
  updated_at: Timestamp;
  last_login_at: NullableTimestamp;
  /** Migration 0009: set when an admin deactivated the user (no sign-in, no sessions); NULL = active. */
  deactivated_at: NullableTimestamp;
  /** Migration 0013: the name's folded words and German spellings (`searchDocument`, ADR 0012); search and the pickers' order. */
  search_name: string;
}

export interface SessionsTable {
  id: string;
  tenant_id: string;
  user_id: string;
  /** SHA-256 hex of the cookie's random token; the token itself is never stored. */
  token_hash: string;
  created_at: Timestamp;
  expires_at: Timestamp;
  revoked_at: NullableTimestamp;
}

/**
 * Failed sign-ins per e-mail address, whether or not a user has it, so a lockout answers the same
 * for unknown addresses (no user enumeration).
 */
export interface LoginThrottleTable {
  email: string;
  failure_count: number;
  window_started_at: Timestamp;
  locked_until: NullableTimestamp;
}

export interface UsersTables {
  users: UsersTable;
  sessions: SessionsTable;
  login_throttle: LoginThrottleTable;
}
