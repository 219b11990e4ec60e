import type { ValidationIssue } from '@valeo/contracts';

/** The parts of a validation error we read; TypeBox 1.x and Ajv both produce this shape. */
export type SchemaError = {
  keyword: string;
  instancePath: string;
  schemaPath?: string;
  params?: Record<string, unknown>;
  message?: string;
};

/**
 * Turns schema errors into `{ path, message }` issues with dotted field paths
 * (`body.accessToken`), one issue per field: union branches collapse into one line, and a missing
 * or unexpected property is named by its own path rather than its parent's.
 */
export function toValidationIssues(errors: readonly SchemaError[], context: string | undefined): ValidationIssue[] {
  const byPath = new Map<string, SchemaError[]>();
  for (const error of errors) {
    for (const [path, err] of expand(error)) {
      const full = [context, path].filter(Boolean).join('.');
      byPath.set(full, [...(byPath.get(full) ?? []), err]);
    }
  }
  return [...byPath.entries()].map(([path, errs]) => ({ path: path || (context ?? 'request'), message: describe(errs) }));
}

function expand(error: SchemaError): Array<[string, SchemaError]> {
  const base = pointerToPath(error.instancePath);
  const params = error.params ?? {};
  const join = (name: string) => (base ? `${base}.${name}` : name);
  if (error.keyword === 'required') {
    const names = (params.requiredProperties as string[] | undefined) ?? [String(params.missingProperty ?? '')];
    return names.map((n) => [join(n), { ...error, message: 'is required' }]);
  }
  if (error.keyword === 'additionalProperties') {
    const extra = params.additionalProperties;
    const names = Array.isArray(extra) ? (extra as string[]) : [String(params.additionalProperty ?? '')];
    return names.map((n) => [join(n), { ...error, message: 'is not allowed' }]);
  }
  // TypeBox also reports each extra property as failing the `false` schema; the line above covers it.
  if (error.keyword === 'boolean' && error.schemaPath?.endsWith('/additionalProperties')) return [];
  return [[base, error]];
}

function describe(errors: SchemaError[]): string {
  const allowed = errors.find((e) => e.keyword === 'enum')?.params?.allowedValues;
  if (Array.isArray(allowed)) return `must be one of ${allowed.map((v) => JSON.stringify(v)).join(', ')}`;
  const consts = errors.filter((e) => e.keyword === 'const').map((e) => JSON.stringify(e.params?.allowedValue));
  const others = errors.filter((e) => e.keyword !== 'const' && e.keyword !== 'anyOf' && e.keyword !== 'oneOf');
  if (consts.length > 1 && others.length === 0) return `must be one of ${consts.join(', ')}`;
  const messages = [...new Set([...consts.map((c) => `must be ${c}`), ...others.map((e) => e.message ?? 'is invalid')])];
  return messages.length > 0 ? messages.join(' or ') : (errors[0]?.message ?? 'is invalid');
}

function pointerToPath(pointer: string): string {
  return pointer
    .split('/')
    .slice(1)
    .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'))
    .join('.');
}
