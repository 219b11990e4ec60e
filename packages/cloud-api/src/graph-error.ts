import { randomBytes } from 'node:crypto';
import { Type, type Static } from 'typebox';
import { describeGraphError } from './graph-error-codes.js';

/**
 * Graph API error envelope ([OAS23] `GraphAPIError`; REFERENCE.md §1.5). Lenient: Meta adds fields.
 * `error_subcode` is documented as "not returned for v16.0+" yet appears in Meta's own 130429 sample.
 */
export const GraphErrorData = Type.Object({
  messaging_product: Type.Optional(Type.Literal('whatsapp')),
  details: Type.String(),
});
export type GraphErrorData = Static<typeof GraphErrorData>;

export const GraphErrorBody = Type.Object({
  message: Type.String(),
  type: Type.String(),
  code: Type.Integer(),
  error_subcode: Type.Optional(Type.Integer()),
  error_data: Type.Optional(GraphErrorData),
  fbtrace_id: Type.Optional(Type.String()),
  error_user_title: Type.Optional(Type.String()),
  error_user_msg: Type.Optional(Type.String()),
  is_transient: Type.Optional(Type.Boolean()),
});
export type GraphErrorBody = Static<typeof GraphErrorBody>;

export const GraphErrorEnvelope = Type.Object({ error: GraphErrorBody });
export type GraphErrorEnvelope = Static<typeof GraphErrorEnvelope>;

export type BuildGraphErrorInput = {
  code: number;
  /** Full `error.message`; defaults to Meta's `(#<code>) <title>`. */
  message?: string;
  /** `error_data.details`; omitted from the body when absent. */
  details?: string;
  subcode?: number;
  /** Defaults to `OAuthException`, which Meta uses for Cloud API errors. */
  type?: string;
  /** Overrides the HTTP status from the catalogue. */
  status?: number;
  /** Defaults to a random id shaped like Meta's (23 base64url chars). */
  fbtraceId?: string;
};

export type BuiltGraphError = { status: number; body: GraphErrorEnvelope };

/** Status for codes missing from the catalogue: Meta answers most request errors with 400. */
const UNKNOWN_CODE_STATUS = 400;

/** Builds the error body and HTTP status Meta returns for `code` (used by the emulator and tests). */
export function buildGraphError(input: BuildGraphErrorInput): BuiltGraphError {
  const info = describeGraphError(input.code);
  const error: GraphErrorBody = {
    message: input.message ?? `(#${input.code}) ${info?.title ?? 'Unknown error'}`,
    type: input.type ?? 'OAuthException',
    code: input.code,
  };
  if (input.details !== undefined) error.error_data = { messaging_product: 'whatsapp', details: input.details };
  if (input.subcode !== undefined) error.error_subcode = input.subcode;
  error.fbtrace_id = input.fbtraceId ?? randomBytes(17).toString('base64url').slice(0, 23);
  return { status: input.status ?? info?.httpStatus ?? UNKNOWN_CODE_STATUS, body: { error } };
}
