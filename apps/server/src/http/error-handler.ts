import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { HttpErrorCode, type ErrorBody, type ErrorResponse } from '@valeo/contracts';
import { isAppError } from '../core/errors/app-error.js';
import { toValidationIssues, type SchemaError } from './validation-issues.js';

export type MappedError = { status: number; body: ErrorResponse };

const GENERIC_500 = 'Internal server error. Quote the request id when reporting this.';

/** Fastify's own client errors, by code, mapped to our codes. */
const FASTIFY_CODES: Record<string, { status: number; code: string }> = {
  FST_ERR_CTP_BODY_TOO_LARGE: { status: 413, code: HttpErrorCode.PAYLOAD_TOO_LARGE },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: { status: 415, code: HttpErrorCode.UNSUPPORTED_MEDIA_TYPE },
  FST_ERR_CTP_INVALID_JSON_BODY: { status: 400, code: HttpErrorCode.INVALID_JSON },
  FST_ERR_CTP_EMPTY_JSON_BODY: { status: 400, code: HttpErrorCode.INVALID_JSON },
};

/** Fallback codes for other 4xx errors raised by Fastify or its plugins. */
const STATUS_CODES: Record<number, string> = {
  401: HttpErrorCode.UNAUTHENTICATED,
  403: HttpErrorCode.FORBIDDEN,
  404: HttpErrorCode.NOT_FOUND,
  413: HttpErrorCode.PAYLOAD_TOO_LARGE,
  415: HttpErrorCode.UNSUPPORTED_MEDIA_TYPE,
  429: HttpErrorCode.RATE_LIMITED,
};

/**
 * The one mapping from an error to a response (house rule 9). AppErrors carry their own code
 * and status; schema failures become 400 VALIDATION_FAILED with field paths; Fastify's client
 * errors keep their status under our codes; everything else is a 500 whose message is generic —
 * internals (SQL, stack, vendor text) go to the log, never to the client.
 */
export function mapError(error: unknown, requestId: string): MappedError {
  const reply = (status: number, body: Omit<ErrorBody, 'requestId'>): MappedError => ({ status, body: errorResponse(requestId, body) });
  if (isAppError(error)) {
    return reply(error.httpStatus, {
      code: error.code,
      message: error.message,
      ...(error.details === undefined ? {} : { details: error.details }),
      ...(error.hint === undefined ? {} : { hint: error.hint }),
    });
  }
  const fastifyError = error as Partial<FastifyError> | undefined;
  if (Array.isArray(fastifyError?.validation)) {
    const issues = toValidationIssues(fastifyError.validation as unknown as SchemaError[], fastifyError.validationContext);
    return reply(400, { code: HttpErrorCode.VALIDATION_FAILED, message: 'The request does not match the schema.', details: { issues } });
  }
  const known = fastifyError?.code ? FASTIFY_CODES[fastifyError.code] : undefined;
  if (known) return reply(known.status, { code: known.code, message: fastifyError?.message ?? known.code });
  const status = fastifyError?.statusCode;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    return reply(status, { code: STATUS_CODES[status] ?? HttpErrorCode.BAD_REQUEST, message: fastifyError?.message ?? 'Bad request' });
  }
  return reply(500, { code: HttpErrorCode.INTERNAL, message: GENERIC_500 });
}

export function errorResponse(requestId: string, body: Omit<ErrorBody, 'requestId'>): ErrorResponse {
  return { error: { ...body, requestId } };
}

/** Installs the error handler, the 404 handler and a formatter for errors Fastify raises before routing. */
export function installErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler(async (error: unknown, request: FastifyRequest, reply: FastifyReply) => sendError(error, request, reply));
  app.setNotFoundHandler(async (request, reply) => {
    const message = `Route ${request.method} ${request.url.split('?')[0] ?? ''} not found`;
    return reply.status(404).send(errorResponse(request.id, { code: HttpErrorCode.NOT_FOUND, message }));
  });
}

/** Also used as Fastify's `frameworkErrors` option (bad URLs, constraint failures). */
export function sendError(error: unknown, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  const { status, body } = mapError(error, request.id);
  if (status >= 500) request.log.error({ err: error }, 'request failed');
  else request.log.info({ code: body.error.code, status }, 'request rejected');
  return reply.status(status).send(body);
}
