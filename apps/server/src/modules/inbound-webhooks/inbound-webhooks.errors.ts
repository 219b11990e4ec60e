import { AppError } from '../../core/errors/app-error.js';

export const InboundWebhookErrorCode = {
  WEBHOOK_SIGNATURE_INVALID: 'WEBHOOK_SIGNATURE_INVALID',
  WEBHOOK_MALFORMED: 'WEBHOOK_MALFORMED',
  WEBHOOK_CHANNEL_NOT_FOUND: 'WEBHOOK_CHANNEL_NOT_FOUND',
  WEBHOOK_VERIFY_TOKEN_INVALID: 'WEBHOOK_VERIFY_TOKEN_INVALID',
} as const;

/** One message for every signature failure: the caller learns nothing about which check failed. */
export function signatureInvalid(): AppError {
  return new AppError({
    code: InboundWebhookErrorCode.WEBHOOK_SIGNATURE_INVALID,
    httpStatus: 401,
    message: 'Missing or invalid X-Hub-Signature-256',
  });
}

export function webhookMalformed(reason: string): AppError {
  return new AppError({ code: InboundWebhookErrorCode.WEBHOOK_MALFORMED, httpStatus: 400, message: `Malformed webhook: ${reason}` });
}

export function webhookChannelNotFound(): AppError {
  return new AppError({ code: InboundWebhookErrorCode.WEBHOOK_CHANNEL_NOT_FOUND, httpStatus: 404, message: 'No channel for this webhook URL' });
}

export function verifyTokenInvalid(): AppError {
  return new AppError({
    code: InboundWebhookErrorCode.WEBHOOK_VERIFY_TOKEN_INVALID,
    httpStatus: 403,
    message: 'Webhook verification failed',
  });
}
