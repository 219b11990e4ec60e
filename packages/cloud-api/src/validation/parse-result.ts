
export type ValidationIssue = { path: string; message: string };
export type ParseResult<T> = { ok: true; value: T } | { ok: false; errors: ValidationIssue[] };

import { Settings } from 'typebox/system';

type RawError = { keyword: string; schemaPath: string; instancePath: string; message: string };

/** The part of a `Compile(...)` result we use. */
export type CompiledValidator = { Check(value: unknown): boolean; Errors(value: unknown): readonly RawError[] };

const DISCRIMINANT = /\/(?:type|field|object|status|name)$/;
/** The innermost union branch (`…/anyOf/N`) a schema path lies in (greedy `.*` finds the last one). */
function branchOf(schemaPath: string): string | undefined {
  return /^(.*\/anyOf\/\d+)/.exec(schemaPath)?.[1];
}

/**
 * Union errors list every branch. Drop branches whose discriminant (`type`, `field`, …) did not match,
 * then drop the generic "anyOf" summaries when something more specific remains, so callers see
 * "text/body: must have required properties" instead of 17 branch mismatches.
 */
function reduceUnionNoise(errors: RawError[]): RawError[] {
  const mismatched = new Set<string>();
  for (const e of errors) {
    if ((e.keyword === 'const' || e.keyword === 'enum' || e.keyword === 'pattern') && DISCRIMINANT.test(e.instancePath)) {
      const branch = branchOf(e.schemaPath);
      if (branch) mismatched.add(branch);
    }
  }
  const inMismatched = (e: RawError) => [...mismatched].some((b) => e.schemaPath === b || e.schemaPath.startsWith(`${b}/`));
  const kept = errors.filter((e) => !inMismatched(e));
  const specific = kept.filter((e) => e.keyword !== 'anyOf');
  return specific.length > 0 ? specific : kept.length > 0 ? kept : errors;
}

function toIssues(errors: readonly RawError[]): ValidationIssue[] {
  const seen = new Set<string>();
  const issues: ValidationIssue[] = [];
  for (const e of reduceUnionNoise([...errors])) {
    const issue = { path: e.instancePath === '' ? '/' : e.instancePath, message: e.message };
    const key = `${issue.path}\u0000${issue.message}`;
    if (!seen.has(key)) issues.push(issue);
    seen.add(key);
  }
  return issues;
}

/**
 * TypeBox stops collecting at `maxErrors` (default 8, a DoS guard). A union reports a mismatch for every
 * branch before the real problem, so 8 is too few to find it. Raise the cap only while collecting
 * diagnostics for an already-failed value, and restore it (synchronous, so no other caller sees it).
 */
const DIAGNOSTIC_MAX_ERRORS = 256;

function collectErrors(validator: CompiledValidator, input: unknown): readonly RawError[] {
  const previous = Settings.Get().maxErrors;
  Settings.Set({ maxErrors: Math.max(previous, DIAGNOSTIC_MAX_ERRORS) });
  try {
    return validator.Errors(input);
  } finally {
    Settings.Set({ maxErrors: previous });
  }
}

/** Wraps a compiled validator into a typed `parse` function that never throws. */
export function createParser<T>(validator: CompiledValidator): (input: unknown) => ParseResult<T> {
  return (input) =>
    validator.Check(input) ? { ok: true, value: input as T } : { ok: false, errors: toIssues(collectErrors(validator, input)) };
}
