import type { UserRole } from '@valeo/contracts';

/**
 * The server's scopes (ROLE_SCOPES), mirrored so the UI offers only what will succeed: creating
 * labels needs `labels:manage` (admin, supervisor); attaching needs `messages:send` (not viewers).
 */
export function canManageLabels(role: UserRole): boolean {
  return role === 'admin' || role === 'supervisor';
}

export function canAttachLabels(role: UserRole): boolean {
  return role !== 'viewer';
}
