import { Type, type Static } from 'typebox';

/**
 * Every error the Hub answers with has this envelope. `code` is machine-readable
 * (SCREAMING_SNAKE, prefixed by area when public, e.g. `CHANNEL_NOT_FOUND`); `message` is for
 * humans and never carries internals on 5xx; `requestId` lets an operator find the log line.
 */
export const ErrorBody = Type.Object(
  {
    code: Type.String({ description: 'Machine-readable error code, e.g. VALIDATION_FAILED.' }),
    message: Type.String(),
    details: Type.Optional(Type.Unknown({ description: 'Structured context, e.g. the failing field paths.' })),
    hint: Type.Optional(Type.String()),
    requestId: Type.Optional(Type.String()),
  },
  { additionalProperties: false },
);
export type ErrorBody = Static<typeof ErrorBody>;

export const ErrorResponse = Type.Object({ error: ErrorBody }, { additionalProperties: false });
export type ErrorResponse = Static<typeof ErrorResponse>;

/** One failing field of a schema validation: `path` is dotted, e.g. `body.phoneNumberId`. */
export const ValidationIssue = Type.Object({ path: Type.String(), message: Type.String() });
export type ValidationIssue = Static<typeof ValidationIssue>;

/** Codes the HTTP layer itself produces; modules add their own (`CHANNEL_NOT_FOUND`, …). */
export const HttpErrorCode = {
  VALIDATION_FAILED: 'VALIDATION_FAILED',
  INVALID_JSON: 'INVALID_JSON',
  PAYLOAD_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  UNSUPPORTED_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  BAD_REQUEST: 'BAD_REQUEST',
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  FORBIDDEN: 'FORBIDDEN',
  NOT_FOUND: 'NOT_FOUND',
  RATE_LIMITED: 'RATE_LIMITED',
  INTERNAL: 'INTERNAL',
  SERVICE_UNAVAILABLE: 'SERVICE_UNAVAILABLE',
} as const;
export type HttpErrorCode = (typeof HttpErrorCode)[keyof typeof HttpErrorCode];
