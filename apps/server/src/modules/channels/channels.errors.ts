import { AppError, badRequest, conflict, notFound } from '../../core/errors/app-error.js';

export const ChannelErrorCode = {
  CHANNEL_NOT_FOUND: 'CHANNEL_NOT_FOUND',
  CHANNEL_PHONE_NUMBER_TAKEN: 'CHANNEL_PHONE_NUMBER_TAKEN',
  CHANNEL_INVALID: 'CHANNEL_INVALID',
  CHANNEL_CREDENTIALS_UNREADABLE: 'CHANNEL_CREDENTIALS_UNREADABLE',
} as const;

/** Also the answer for another tenant's channel: its existence is not ours to reveal (BOLA). */
export function channelNotFound(id: string): AppError {
  return notFound(ChannelErrorCode.CHANNEL_NOT_FOUND, `Channel ${id} not found`);
}

export function phoneNumberTaken(phoneNumberId: string): AppError {
  return conflict(ChannelErrorCode.CHANNEL_PHONE_NUMBER_TAKEN, `Phone number id ${phoneNumberId} already belongs to a channel`, { phoneNumberId });
}

export function channelInvalid(message: string): AppError {
  return badRequest(ChannelErrorCode.CHANNEL_INVALID, message);
}

export function credentialsUnreadable(channelId: string, cause: unknown): AppError {
  return new AppError({
    code: ChannelErrorCode.CHANNEL_CREDENTIALS_UNREADABLE,
    httpStatus: 500,
    message: `The stored credentials of channel ${channelId} cannot be decrypted`,
    hint: 'Was SECRETS_KEY changed? Restore the previous key or re-enter the channel credentials.',
    cause,
  });
}
