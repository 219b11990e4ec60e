import type { UserRole } from '@valeo/contracts';

/**
 * The server's rules (modules/conversations/work-policy.ts), mirrored so the UI offers only what
 * will succeed. The server decides; this only hides buttons that would answer 403.
 */
export function canWorkConversations(role: UserRole): boolean {
  return role === 'admin' || role === 'supervisor' || role === 'agent';
}

/** Admins and supervisors pick anyone; agents only take or release for themselves. */
export function canAssignOthers(role: UserRole): boolean {
  return role === 'admin' || role === 'supervisor';
}
