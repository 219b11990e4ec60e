import type { Static, TSchema } from 'typebox';
import { Value } from 'typebox/value';
import { EmulatorError } from '../errors.js';

/**
 * Validates a control-API payload with TypeBox (not Fastify's Ajv, whose type coercion would turn
 * `rateLimit: 1` into `true`). Fails with 400 and the field paths.
 */
export function parseBody<T extends TSchema>(schema: T, value: unknown): Static<T> {
  if (Value.Check(schema, value)) return value as Static<T>;
  const details = Value.Errors(schema, value).slice(0, 5).map((e) => `${e.instancePath || '/'} ${e.message}`);
  throw new EmulatorError(400, 'INVALID_REQUEST', 'The request body is invalid.', details);
}
