import { AppError, notFound } from '../../core/errors/app-error.js';

export const MessageErrorCode = {
  MESSAGE_NOT_FOUND: 'MESSAGE_NOT_FOUND',
  MESSAGE_WINDOW_CLOSED: 'MESSAGE_WINDOW_CLOSED',
  IDEMPOTENCY_KEY_REUSED: 'IDEMPOTENCY_KEY_REUSED',
} as const;

export function messageNotFound(id: string): AppError {
  return notFound(MessageErrorCode.MESSAGE_NOT_FOUND, `Message ${id} not found`);
}

export function windowClosed(waId: string): AppError {
  return new AppError({
    code: MessageErrorCode.MESSAGE_WINDOW_CLOSED,
    httpStatus: 422,
    message: `The 24-hour customer-service window with ${waId} is closed: only approved templates can be sent`,
    hint: 'Send a template message (type "template"); the window opens again when the customer writes.',
  });
}

export function idempotencyKeyReused(): AppError {
  return new AppError({
    code: MessageErrorCode.IDEMPOTENCY_KEY_REUSED,
    httpStatus: 422,
    message: 'This Idempotency-Key was already used for a different message (channel, recipient, type or content differ)',
  });
}
