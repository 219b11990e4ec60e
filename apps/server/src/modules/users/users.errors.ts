import { AuthErrorCode, HttpErrorCode, UserErrorCode } from '@valeo/contracts';
import { AppError, conflict, notFound } from '../../core/errors/app-error.js';

export function userNotFound(id: string): AppError {
  return notFound(UserErrorCode.USER_NOT_FOUND, `User ${id} not found`);
}

export function userEmailTaken(): AppError {
  return conflict(UserErrorCode.USER_EMAIL_TAKEN, 'A user with this e-mail address already exists');
}

export function lastAdmin(): AppError {
  return conflict(UserErrorCode.USER_LAST_ADMIN, 'The tenant needs at least one admin; make someone else admin first');
}

export function selfDeactivation(): AppError {
  return conflict(UserErrorCode.USER_SELF_DEACTIVATION, 'You cannot deactivate your own account; ask another admin');
}

/** A wrong current password on a password change (not 401: the session itself is fine). */
export function currentPasswordWrong(): AppError {
  return new AppError({ code: UserErrorCode.USER_PASSWORD_WRONG, httpStatus: 422, message: 'The current password is wrong.' });
}

/** The one answer for a wrong password and an unknown address alike (no user enumeration). */
export function invalidCredentials(): AppError {
  return new AppError({ code: AuthErrorCode.INVALID_CREDENTIALS, httpStatus: 401, message: 'E-mail address or password is wrong.' });
}

export function accountLocked(retryAfterSeconds: number): AppError {
  return new AppError({
    code: AuthErrorCode.ACCOUNT_LOCKED,
    httpStatus: 429,
    message: `Too many failed sign-ins. Try again in ${retryAfterSeconds} seconds.`,
    details: { retryAfterSeconds },
  });
}

/** Too many failed sign-ins from the caller's IP, whatever the addresses: says nothing about an account. */
export function signInThrottled(retryAfterSeconds: number): AppError {
  return new AppError({
    code: AuthErrorCode.SIGN_IN_THROTTLED,
    httpStatus: 429,
    message: `Too many failed sign-ins from your network. Try again in ${retryAfterSeconds} seconds.`,
    details: { retryAfterSeconds },
  });
}

export function noUserSession(): AppError {
  return new AppError({ code: HttpErrorCode.UNAUTHENTICATED, httpStatus: 401, message: 'Not signed in.' });
}
