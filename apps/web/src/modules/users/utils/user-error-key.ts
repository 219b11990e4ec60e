import { AuthErrorCode, UserErrorCode } from '@valeo/contracts';
import { ApiError } from '../../../lib/api-client.js';
import type { MessageKey } from '../../i18n/messages/de.js';

const KEYS: Record<string, MessageKey> = {
  [UserErrorCode.USER_EMAIL_TAKEN]: 'users.error.emailTaken',
  [UserErrorCode.USER_LAST_ADMIN]: 'users.error.lastAdmin',
  [UserErrorCode.USER_SELF_DEACTIVATION]: 'users.error.selfDeactivation',
  [UserErrorCode.USER_PASSWORD_WRONG]: 'settings.password.wrong',
  [AuthErrorCode.ACCOUNT_LOCKED]: 'auth.locked',
  VALIDATION_FAILED: 'users.error.invalid',
};

/** The message for a failed user or password change; the Hub's error code picks it. */
export function userErrorKey(error: unknown): MessageKey {
  return (error instanceof ApiError ? KEYS[error.code] : undefined) ?? 'users.error.failed';
}
