import { HttpErrorCode, TeamErrorCode, WorkErrorCode } from '@valeo/contracts';
import { AppError, badRequest, notFound } from '../../core/errors/app-error.js';

/** Also the answer for another tenant's conversation (BOLA). */
export function conversationNotFound(id: string): AppError {
  return notFound('CONVERSATION_NOT_FOUND', `Conversation ${id} not found`);
}

/** Unknown and another tenant's user look the same: user ids of other tenants are not ours to confirm. */
export function assigneeNotFound(userId: string): AppError {
  return badRequest(WorkErrorCode.ASSIGNEE_NOT_FOUND, `No user ${userId} in this tenant`);
}

/** `reason` completes "User <id> …", e.g. `has the role "viewer"` or `is deactivated`. */
export function assigneeNotEligible(userId: string, reason: string): AppError {
  return badRequest(WorkErrorCode.ASSIGNEE_NOT_ELIGIBLE, `User ${userId} ${reason} and cannot be assigned conversations (active admins, supervisors and agents can)`);
}

export function assignmentForbidden(): AppError {
  return new AppError({
    code: WorkErrorCode.ASSIGNMENT_FORBIDDEN,
    httpStatus: 403,
    message: 'Your role may not make this assignment: agents may only take a conversation themselves or give up their own',
  });
}

export function actionForbidden(): AppError {
  return new AppError({ code: WorkErrorCode.CONVERSATION_ACTION_FORBIDDEN, httpStatus: 403, message: 'Your role may not change conversations' });
}

/** A session whose user was deleted between sign-in and this request. */
export function unknownActor(): AppError {
  return new AppError({ code: HttpErrorCode.UNAUTHENTICATED, httpStatus: 401, message: 'Your user no longer exists. Sign in again.' });
}

/** In a request body: unknown and another tenant's team look the same. */
export function teamNotFoundInBody(teamId: string): AppError {
  return badRequest(TeamErrorCode.TEAM_NOT_FOUND, `No team ${teamId} in this tenant`);
}

export function teamChangeForbidden(): AppError {
  return new AppError({
    code: TeamErrorCode.TEAM_CHANGE_FORBIDDEN,
    httpStatus: 403,
    message: 'Your role may not make this team change: agents may only move conversations into or out of their own teams',
  });
}
