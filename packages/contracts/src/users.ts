import { Type, type Static } from 'typebox';
import { UserRoleSchema } from './auth.js';
import { Page, PageQuery } from './pagination.js';

/**
 * Users of a tenant (admin only): `GET /api/v1/users` `ListUsersQuery` → `UserPage` (keyset pages in
 * creation order; `q` searches names and e-mail addresses), `POST /api/v1/users`
 * `CreateUserRequest` → 201 `User`, `PATCH /api/v1/users/:id` `UpdateUserRequest` → 200 `User`,
 * `DELETE /api/v1/users/:id` → 204. Passwords are never returned. Emails are unique across the
 * Hub (sign-in names no tenant), compared case-insensitively: taken → 409 `USER_EMAIL_TAKEN`.
 * Removing, demoting or deactivating the tenant's last active admin → 409 `USER_LAST_ADMIN`.
 * `PATCH {active: false}` deactivates a user: sign-in answers as for a wrong password and every
 * session ends; `{active: true}` reactivates. An admin cannot deactivate themselves (409 `USER_SELF_DEACTIVATION`).
 *
 * Every signed-in user: `POST /api/v1/auth/password` `ChangePasswordRequest` → 204 (other sessions
 * end; this one stays). A wrong current password → 422 `USER_PASSWORD_WRONG`, counted towards the
 * sign-in lockout (429 `ACCOUNT_LOCKED`). API keys → 403 (no user to change).
 */
export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 256;

export const UserErrorCode = {
  USER_NOT_FOUND: 'USER_NOT_FOUND',
  USER_EMAIL_TAKEN: 'USER_EMAIL_TAKEN',
  USER_LAST_ADMIN: 'USER_LAST_ADMIN',
  USER_SELF_DEACTIVATION: 'USER_SELF_DEACTIVATION',
  USER_PASSWORD_WRONG: 'USER_PASSWORD_WRONG',
} as const;
export type UserErrorCode = (typeof UserErrorCode)[keyof typeof UserErrorCode];

const Password = Type.String({ minLength: PASSWORD_MIN_LENGTH, maxLength: PASSWORD_MAX_LENGTH, description: 'At least 12 characters.' });
const Email = Type.String({ minLength: 3, maxLength: 254, pattern: '^[^\\s@]+@[^\\s@]+$' });
const Name = Type.String({ minLength: 1, maxLength: 100 });

export const User = Type.Object({
  id: Type.String(),
  tenantId: Type.String(),
  email: Type.String(),
  name: Type.String(),
  role: UserRoleSchema,
  createdAt: Type.String({ format: 'date-time' }),
  updatedAt: Type.String({ format: 'date-time' }),
  lastLoginAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  /** false once deactivated: cannot sign in. */
  active: Type.Boolean(),
});
export type User = Static<typeof User>;
export const UserPage = Page(User);
export type UserPage = Static<typeof UserPage>;

export const USER_STATUSES = ['active', 'deactivated'] as const;
export type UserStatus = (typeof USER_STATUSES)[number];
export const UserStatusSchema = Type.Union([Type.Literal('active'), Type.Literal('deactivated')]);

/**
 * `GET /users`: oldest first, in keyset pages (`limit`, `cursor` → `nextCursor`); the filters combine
 * with AND and keep that order, so a cursor stays valid. `q`: every word occurs in the name or the
 * e-mail address, ignoring case and accents, ä/ö/ü also as ae/oe/ue ("jurgen", "juergen" and
 * "Jürgen" find "Jürgen"; the Hub's one search rule, ADR 0012). Only letters and digits form words;
 * everything else separates them, so `%`, `_` or quotes are never wildcards, and a `q` without any
 * word filters nothing. A cursor this API did not issue → 400 `INVALID_CURSOR`.
 */
export const ListUsersQuery = Type.Object(
  {
    q: Type.Optional(Type.String({ maxLength: 100, description: 'Words (letters and digits) in the name or e-mail address, any case or accent.' })),
    role: Type.Optional(UserRoleSchema),
    status: Type.Optional(UserStatusSchema),
    ...PageQuery.properties,
  },
  { additionalProperties: false },
);
export type ListUsersQuery = Static<typeof ListUsersQuery>;

export const CreateUserRequest = Type.Object(
  { email: Email, name: Name, password: Password, role: UserRoleSchema },
  { additionalProperties: false },
);
export type CreateUserRequest = Static<typeof CreateUserRequest>;

/** Any subset; a new password or `active: false` signs the user out everywhere. */
export const UpdateUserRequest = Type.Object(
  { name: Type.Optional(Name), role: Type.Optional(UserRoleSchema), password: Type.Optional(Password), active: Type.Optional(Type.Boolean()) },
  { additionalProperties: false, minProperties: 1 },
);
export type UpdateUserRequest = Static<typeof UpdateUserRequest>;

export const UserIdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) });
export type UserIdParams = Static<typeof UserIdParams>;

/** The signed-in user's own password change: the current one proves it is them. */
export const ChangePasswordRequest = Type.Object(
  { currentPassword: Type.String({ minLength: 1, maxLength: 1024 }), newPassword: Password },
  { additionalProperties: false },
);
export type ChangePasswordRequest = Static<typeof ChangePasswordRequest>;
