import { ASSIGNABLE_ROLES, type UserRole } from '@valeo/contracts';

/**
 * Who may change a conversation's assignment or state. Pure rules; the service resolves the
 * actor's current role from the database on every call, so a role change applies at once.
 * Machines (API keys) reach these routes only with `messages:send` and are trusted like a supervisor.
 */
export type Actor = { kind: 'api-key' } | { kind: 'user'; userId: string; role: UserRole };

export function isAssignableRole(role: UserRole): boolean {
  return (ASSIGNABLE_ROLES as readonly string[]).includes(role);
}

/** Close, reopen, mark read: the people who answer customers. */
export function canWorkConversations(actor: Actor): boolean {
  return actor.kind === 'api-key' || isAssignableRole(actor.role);
}

/**
 * Admins and supervisors assign anyone; an agent takes a conversation (target = self) or gives
 * up their own (target = null while it is theirs); everyone else may not.
 */
export function canAssign(actor: Actor, currentAssignee: string | null, target: string | null): boolean {
  if (actor.kind === 'api-key' || actor.role === 'admin' || actor.role === 'supervisor') return true;
  if (actor.role !== 'agent') return false;
  if (target === null) return currentAssignee === actor.userId;
  return target === actor.userId;
}

/**
 * Moving a conversation between teams. Admins, supervisors and API keys: anywhere. An agent works
 * within their own teams: they may put a conversation that has no team or is in one of their teams
 * into one of their teams, or take it out of their team (target null); they never pull a conversation
 * out of another team. Everyone else may not.
 */
export function canChangeTeam(actor: Actor, currentTeam: string | null, target: string | null, actorTeams: ReadonlySet<string>): boolean {
  if (actor.kind === 'api-key' || actor.role === 'admin' || actor.role === 'supervisor') return true;
  if (actor.role !== 'agent') return false;
  if (target === null) return currentTeam !== null && actorTeams.has(currentTeam);
  return actorTeams.has(target) && (currentTeam === null || actorTeams.has(currentTeam));
}
