import { ErrorResponse } from '@valeo/contracts';

type ErrorStatus = 400 | 401 | 403 | 404 | 409 | 413 | 415 | 422 | 429 | 503;

/**
 * Response schemas for the error statuses a route can answer with, for the OpenAPI document:
 * `response: { 201: Channel, ...errorResponses(400, 401, 403, 409) }`.
 */
export function errorResponses<const S extends ErrorStatus>(...statuses: S[]): Record<S, typeof ErrorResponse> {
  return Object.fromEntries(statuses.map((s) => [s, ErrorResponse])) as Record<S, typeof ErrorResponse>;
}

/** The statuses every route behind /api/v1 can answer with (auth + schema). */
export const API_ERRORS = [400, 401, 403] as const;
