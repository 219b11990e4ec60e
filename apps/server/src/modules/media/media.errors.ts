import { AppError } from '../../core/errors/app-error.js';
import type { ProviderError } from '../../providers/provider-error.js';

export const MediaErrorCode = {
  MEDIA_NOT_FOUND: 'MEDIA_NOT_FOUND',
  MEDIA_NOT_STORED: 'MEDIA_NOT_STORED',
  MEDIA_TYPE_NOT_ALLOWED: 'MEDIA_TYPE_NOT_ALLOWED',
  MEDIA_TOO_LARGE: 'MEDIA_TOO_LARGE',
  MEDIA_CONTENT_MISMATCH: 'MEDIA_CONTENT_MISMATCH',
  MEDIA_UPLOAD_INVALID: 'MEDIA_UPLOAD_INVALID',
  MEDIA_CHANNEL_NOT_FOUND: 'MEDIA_CHANNEL_NOT_FOUND',
  MEDIA_UPLOAD_FAILED: 'MEDIA_UPLOAD_FAILED',
} as const;

/** Also the answer for another tenant's media: its existence is not revealed (API1 BOLA). */
export function mediaNotFound(): AppError {
  return new AppError({ code: MediaErrorCode.MEDIA_NOT_FOUND, httpStatus: 404, message: 'Media not found' });
}

export function mediaNotStored(status: string): AppError {
  return new AppError({
    code: MediaErrorCode.MEDIA_NOT_STORED,
    httpStatus: 409,
    message: `Media content is not available (status: ${status})`,
    details: { status },
  });
}

export function mediaTypeNotAllowed(mimeType: string): AppError {
  return new AppError({
    code: MediaErrorCode.MEDIA_TYPE_NOT_ALLOWED,
    httpStatus: 415,
    message: `WhatsApp does not accept media of type ${mimeType || '(none)'}`,
    hint: 'Allowed: JPEG/PNG images, WebP stickers, MP4/3GPP video, AAC/AMR/MPEG/MP4/OGG audio, PDF/Office/plain-text documents.',
  });
}

export function mediaTooLarge(maxBytes: number, type: string): AppError {
  return new AppError({
    code: MediaErrorCode.MEDIA_TOO_LARGE,
    httpStatus: 413,
    message: `A ${type} may be at most ${maxBytes} bytes`,
    details: { maxBytes, type },
  });
}

export function mediaContentMismatch(mimeType: string): AppError {
  return new AppError({
    code: MediaErrorCode.MEDIA_CONTENT_MISMATCH,
    httpStatus: 400,
    message: `The file content does not match its declared type ${mimeType}`,
  });
}

export function mediaUploadInvalid(message: string): AppError {
  return new AppError({ code: MediaErrorCode.MEDIA_UPLOAD_INVALID, httpStatus: 400, message });
}

export function mediaChannelNotFound(): AppError {
  return new AppError({ code: MediaErrorCode.MEDIA_CHANNEL_NOT_FOUND, httpStatus: 404, message: 'Channel not found' });
}

/** The provider refused or failed the upload; its code says whether retrying can help. */
export function mediaUploadFailed(error: ProviderError): AppError {
  return new AppError({
    code: MediaErrorCode.MEDIA_UPLOAD_FAILED,
    httpStatus: 502,
    message: 'The WhatsApp provider did not accept the upload',
    details: { providerCode: error.code, ...(error.vendorCode === undefined ? {} : { vendorCode: error.vendorCode }) },
    cause: error,
  });
}
