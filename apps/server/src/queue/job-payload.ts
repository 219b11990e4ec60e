import type { TSchema } from 'typebox';
import { Compile } from 'typebox/compile';
import type { Validator } from 'typebox/compile';
import { JobPayloadError } from './job-errors.js';
import type { JobDefinition } from './job-queue.js';

// Compiled once per schema: validation runs twice per job (enqueue, before the handler) on the hot path.
const validators = new WeakMap<TSchema, Validator>();

function validatorFor(schema: TSchema): Validator {
  let validator = validators.get(schema);
  if (!validator) {
    validator = Compile(schema) as Validator;
    validators.set(schema, validator);
  }
  return validator;
}

/** Throws `JobPayloadError` (with field paths) unless `payload` matches the job's schema. */
export function assertJobPayload<P>(job: JobDefinition<P>, payload: unknown): asserts payload is P {
  const validator = validatorFor(job.schema);
  if (validator.Check(payload)) return;
  const details = validator.Errors(payload).slice(0, 10).map((e) => ({ path: e.instancePath, message: e.message }));
  throw new JobPayloadError(job.name, details);
}
