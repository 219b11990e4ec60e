import { QUICK_REPLIES_PER_TENANT_MAX, QuickReplyErrorCode } from '@valeo/contracts';
import { AppError } from '../../core/errors/app-error.js';

/** Also the answer for another tenant's quick reply: its existence is not revealed. */
export function quickReplyNotFound(): AppError {
  return new AppError({ code: QuickReplyErrorCode.QUICK_REPLY_NOT_FOUND, httpStatus: 404, message: 'Quick reply not found' });
}

export function shortcutTaken(shortcut: string): AppError {
  return new AppError({
    code: QuickReplyErrorCode.QUICK_REPLY_SHORTCUT_TAKEN, httpStatus: 409,
    message: `The shortcut "/${shortcut}" is already in use`, details: { shortcut },
  });
}

export function quickReplyLimitReached(): AppError {
  return new AppError({
    code: QuickReplyErrorCode.QUICK_REPLY_LIMIT_REACHED, httpStatus: 409,
    message: `A tenant can have at most ${QUICK_REPLIES_PER_TENANT_MAX} quick replies`, details: { max: QUICK_REPLIES_PER_TENANT_MAX },
  });
}

export function quickReplyTextEmpty(): AppError {
  return new AppError({ code: QuickReplyErrorCode.QUICK_REPLY_TEXT_EMPTY, httpStatus: 400, message: 'The text must not be blank' });
}
