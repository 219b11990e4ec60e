import type { Team, UserRole } from '@valeo/contracts';

/** Mirrors the server (ROLE_SCOPES `teams:manage`): admins and supervisors manage teams and move any conversation. */
export function canManageTeams(role: UserRole): boolean {
  return role === 'admin' || role === 'supervisor';
}

/**
 * The teams an agent may pick for a conversation (server: `canChangeTeam`): their own teams, and
 * only while the conversation has no team or is in one of them. Others may not pick at all.
 */
export function pickableTeams(role: UserRole, userId: string, teams: readonly Team[], currentTeamId: string | null): Team[] | null {
  if (canManageTeams(role)) return [...teams];
  if (role !== 'agent') return null;
  const own = teams.filter((team) => team.members.some((m) => m.id === userId));
  if (currentTeamId !== null && !own.some((team) => team.id === currentTeamId)) return null;
  return own;
}
