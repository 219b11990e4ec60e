import { Type, type Static } from 'typebox';

/**
 * Teams of a tenant: named groups of users that conversations are routed to (Chatwoot's teams).
 *
 * - `GET /api/v1/teams` → `TeamList` (by name, with members); `GET /api/v1/teams/:id` → `Team`. Everyone signed in.
 * - `POST /api/v1/teams` `CreateTeamRequest` → 201 `Team`; `PATCH /api/v1/teams/:id` `UpdateTeamRequest` → `Team`;
 *   `DELETE /api/v1/teams/:id` → 204 (its conversations keep their assignee and lose the team; a channel's
 *   default team falls back to none). `PUT|DELETE /api/v1/teams/:id/members/:userId` add / remove a member
 *   (idempotent) → `Team`. Admins and supervisors (scope `teams:manage`).
 * - A name already used in the tenant, whatever its case → 409 `TEAM_NAME_TAKEN`. A member must be an
 *   active user of the tenant → else 400 `TEAM_MEMBER_NOT_FOUND`. Another tenant's team → 404 `TEAM_NOT_FOUND`.
 * - `POST /api/v1/conversations/:id/team` `SetConversationTeamRequest` → `Conversation`: admins, supervisors
 *   and API keys set any team of the tenant or none; an agent may move a conversation into one of their own
 *   teams, or out of it (`null`), only while it is unassigned to a team or in one of their teams; else 403
 *   `TEAM_CHANGE_FORBIDDEN`. A team of another tenant or an unknown one → 400 `TEAM_NOT_FOUND`.
 *   The assignee is independent: a user outside the conversation's team may still be assigned (as in Chatwoot).
 */
export const TEAM_NAME_MAX_LENGTH = 60;
export const TEAMS_PER_TENANT_MAX = 100;

/** Letters, digits, spaces and a little punctuation; no control characters, no markup. */
export const TeamName = Type.String({ minLength: 1, maxLength: TEAM_NAME_MAX_LENGTH, pattern: '^ *[\\p{L}\\p{N}][\\p{L}\\p{N} _.:/&+#()-]*$' });

export const TeamMemberRef = Type.Object({ id: Type.String(), name: Type.String() });
export type TeamMemberRef = Static<typeof TeamMemberRef>;

export const Team = Type.Object({
  id: Type.String(),
  name: Type.String(),
  /** Users of the tenant in the team, by name. */
  members: Type.Array(TeamMemberRef),
  createdAt: Type.String({ format: 'date-time' }),
});
export type Team = Static<typeof Team>;

export const TeamList = Type.Object({ data: Type.Array(Team) });
export type TeamList = Static<typeof TeamList>;

const UserId = Type.String({ minLength: 1, maxLength: 64 });

export const CreateTeamRequest = Type.Object(
  { name: TeamName, memberIds: Type.Optional(Type.Array(UserId, { maxItems: 500, uniqueItems: true })) },
  { additionalProperties: false },
);
export type CreateTeamRequest = Static<typeof CreateTeamRequest>;

export const UpdateTeamRequest = Type.Object({ name: TeamName }, { additionalProperties: false });
export type UpdateTeamRequest = Static<typeof UpdateTeamRequest>;

export const TeamIdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) });
export const TeamMemberParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }), userId: UserId });

/** The team a conversation belongs to, as shown on it. */
export const ConversationTeam = Type.Object({ id: Type.String(), name: Type.String() });
export type ConversationTeam = Static<typeof ConversationTeam>;

export const SetConversationTeamRequest = Type.Object(
  { teamId: Type.Union([Type.String({ minLength: 1, maxLength: 64 }), Type.Null()], { description: 'null = no team' }) },
  { additionalProperties: false },
);
export type SetConversationTeamRequest = Static<typeof SetConversationTeamRequest>;

export const TeamErrorCode = {
  TEAM_NOT_FOUND: 'TEAM_NOT_FOUND',
  TEAM_NAME_TAKEN: 'TEAM_NAME_TAKEN',
  TEAM_LIMIT_REACHED: 'TEAM_LIMIT_REACHED',
  TEAM_MEMBER_NOT_FOUND: 'TEAM_MEMBER_NOT_FOUND',
  TEAM_CHANGE_FORBIDDEN: 'TEAM_CHANGE_FORBIDDEN',
} as const;
export type TeamErrorCode = (typeof TeamErrorCode)[keyof typeof TeamErrorCode];
