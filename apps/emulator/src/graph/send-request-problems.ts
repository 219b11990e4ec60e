import type { BuildGraphErrorInput } from '@valeo/cloud-api';

/** Helpers shared by the send-request validators: Meta-style `error_data.details` per problem. */
export type Problem = BuildGraphErrorInput | null;
export type Json = Record<string, unknown>;

export const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

export const missing = (path: string): BuildGraphErrorInput => ({
  code: 131008,
  details: `The parameter ${path} is required.`,
});

export const invalid = (path: string, why: string): BuildGraphErrorInput => ({
  code: 131009,
  details: `Parameter ${path} is invalid: ${why}`,
});

/** Meta reports length limits as "Invalid parameter" (100). */
export const tooLong = (path: string, max: number): BuildGraphErrorInput => ({
  code: 100,
  details: `Param ${path} must be at most ${max} characters long.`,
});

/** `undefined` passes (use {@link requireString} for required fields). */
export function checkLength(value: unknown, path: string, max: number): Problem {
  if (value === undefined) return null;
  if (typeof value !== 'string') return invalid(path, 'must be a string');
  return value.length > max ? tooLong(path, max) : null;
}

export function requireString(container: Json, key: string, path: string, max?: number): Problem {
  const value = container[key];
  if (value === undefined || value === null || value === '') return missing(path);
  if (typeof value !== 'string') return invalid(path, 'must be a string');
  return max !== undefined && value.length > max ? tooLong(path, max) : null;
}

/** Returns the first problem of a list of lazily evaluated checks. */
export function firstProblem(checks: ReadonlyArray<() => Problem>): Problem {
  for (const check of checks) {
    const problem = check();
    if (problem) return problem;
  }
  return null;
}
