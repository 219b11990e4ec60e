import { Type, type Static } from 'typebox';
import { UserRoleSchema } from './auth.js';

/**
 * Work management on conversations (all under /api/v1, each answering the updated `Conversation`):
 *
 * - `POST /conversations/:id/assignment` `AssignConversationRequest` — admins and supervisors assign
 *   anyone eligible; an agent may only take a conversation (`userId` = self) or give up their own
 *   (`null` while assigned to them); viewers and marketing may not (403 `ASSIGNMENT_FORBIDDEN`).
 *   API keys need `messages:send` and may assign anyone. An unknown user or one of another tenant →
 *   400 `ASSIGNEE_NOT_FOUND`; a viewer/marketing user → 400 `ASSIGNEE_NOT_ELIGIBLE`.
 * - `POST /conversations/:id/close`, `POST /conversations/:id/reopen` — idempotent; the assignee
 *   stays. A new inbound message reopens a closed conversation (as in Chatwoot).
 * - `POST /conversations/:id/read` — resets `unreadCount` to 0 (one count per conversation, shared
 *   by all users).
 * - `GET /assignees` `ListAssigneesQuery` → `AssigneeList`: who may be assigned (active admins,
 *   supervisors and agents), by name, with whether they are online now; searchable (`q`) and, with
 *   `limit`, in keyset pages — the pickers search as you type instead of listing everyone.
 * - `GET|PUT /channels/:id/auto-assignment` — round-robin among online agents for new inbound
 *   messages on unassigned open conversations of that channel (default off; PUT needs `channels:manage`).
 *   With a `defaultTeamId`, new conversations of the channel join that team (switch on or off), and the
 *   round-robin of a conversation that has a team picks only among that team's online agents.
 * - `POST /conversations/:id/team` — see `teams.ts`.
 *
 * Another tenant's conversation or channel → 404. Every change publishes `conversation.updated`.
 */
export const WorkErrorCode = {
  ASSIGNEE_NOT_FOUND: 'ASSIGNEE_NOT_FOUND',
  ASSIGNEE_NOT_ELIGIBLE: 'ASSIGNEE_NOT_ELIGIBLE',
  ASSIGNMENT_FORBIDDEN: 'ASSIGNMENT_FORBIDDEN',
  CONVERSATION_ACTION_FORBIDDEN: 'CONVERSATION_ACTION_FORBIDDEN',
} as const;
export type WorkErrorCode = (typeof WorkErrorCode)[keyof typeof WorkErrorCode];

/** Roles a conversation can be assigned to (they can answer customers). */
export const ASSIGNABLE_ROLES = ['admin', 'supervisor', 'agent'] as const;

export const AssignConversationRequest = Type.Object(
  { userId: Type.Union([Type.String({ minLength: 1, maxLength: 64 }), Type.Null()], { description: 'null = unassign' }) },
  { additionalProperties: false },
);
export type AssignConversationRequest = Static<typeof AssignConversationRequest>;

export const Assignee = Type.Object({
  id: Type.String(),
  name: Type.String(),
  role: UserRoleSchema,
  /** Has an open live-events connection to this server right now. */
  online: Type.Boolean(),
});
export type Assignee = Static<typeof Assignee>;
/** `nextCursor` is null on the last page, and always without `limit`. */
export const AssigneeList = Type.Object({ data: Type.Array(Assignee), nextCursor: Type.Union([Type.String(), Type.Null()]) });
export type AssigneeList = Static<typeof AssigneeList>;

/**
 * `q`: every word occurs in the name, ignoring case and accents (ADR 0012; only letters and digits form
 * words, a `q` without any filters nothing; the e-mail is not searched: colleagues do not see it). `limit` pages by name (`cursor` = the previous `nextCursor`; a cursor the API did not
 * issue → 400 `INVALID_CURSOR`); without `limit` every match comes at once, as before paging existed.
 * The cursor carries the last name, hence its larger size bound.
 */
export const ListAssigneesQuery = Type.Object(
  {
    q: Type.Optional(Type.String({ maxLength: 100, description: 'Words of the name (any case or accent).' })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, description: 'Page size (1–100); every match when left out.' })),
    cursor: Type.Optional(Type.String({ minLength: 1, maxLength: 1024, description: 'nextCursor of the previous page.' })),
  },
  { additionalProperties: false },
);
export type ListAssigneesQuery = Static<typeof ListAssigneesQuery>;

export const AutoAssignment = Type.Object({
  channelId: Type.String(),
  enabled: Type.Boolean(),
  /** New conversations of the channel join this team; the round-robin then picks among its online agents. */
  defaultTeamId: Type.Union([Type.String(), Type.Null()]),
});
export type AutoAssignment = Static<typeof AutoAssignment>;
/** `defaultTeamId` left out keeps the current one; a team of another tenant → 400 `TEAM_NOT_FOUND`. */
export const UpdateAutoAssignmentRequest = Type.Object(
  { enabled: Type.Boolean(), defaultTeamId: Type.Optional(Type.Union([Type.String({ minLength: 1, maxLength: 64 }), Type.Null()])) },
  { additionalProperties: false },
);
export type UpdateAutoAssignmentRequest = Static<typeof UpdateAutoAssignmentRequest>;

export const CONVERSATION_CHANGES = ['assigned', 'closed', 'reopened', 'read', 'labels', 'note', 'team'] as const;
export type ConversationChange = (typeof CONVERSATION_CHANGES)[number];
