import { TeamErrorCode, TEAMS_PER_TENANT_MAX } from '@valeo/contracts';
import { AppError, badRequest, conflict, notFound } from '../../core/errors/app-error.js';

/** Also the answer for another tenant's team (BOLA). */
export function teamNotFound(id: string): AppError {
  return notFound(TeamErrorCode.TEAM_NOT_FOUND, `Team ${id} not found`);
}

export function teamNameTaken(name: string): AppError {
  return conflict(TeamErrorCode.TEAM_NAME_TAKEN, `A team named "${name}" already exists`);
}

export function teamLimitReached(): AppError {
  return new AppError({ code: TeamErrorCode.TEAM_LIMIT_REACHED, httpStatus: 422, message: `A tenant has at most ${TEAMS_PER_TENANT_MAX} teams` });
}

/** Unknown, deactivated and another tenant's user look the same. */
export function memberNotFound(userId: string): AppError {
  return badRequest(TeamErrorCode.TEAM_MEMBER_NOT_FOUND, `No active user ${userId} in this tenant`);
}
