import { IsOptional, type TSchema } from 'typebox';
import { ConfigSchema, type ConfigLeafOptions } from './config.schema.js';

/** One configuration key: where it sits in `Config`, and its schema + metadata. */
export type ConfigLeaf = ConfigLeafOptions & {
  /** Property path inside Config, e.g. ['http', 'port']. */
  path: string[];
  schema: TSchema & Record<string, unknown>;
  optional: boolean;
  default: unknown;
};

/** Flattens the nested schema into its keys, in declaration order (the docs keep that order). */
export function configLeaves(schema: TSchema = ConfigSchema): ConfigLeaf[] {
  const leaves: ConfigLeaf[] = [];
  walk(schema as TSchema & Record<string, unknown>, [], leaves);
  return leaves;
}

function walk(node: TSchema & Record<string, unknown>, path: string[], out: ConfigLeaf[]): void {
  if (typeof node.env === 'string') {
    out.push({
      env: node.env,
      description: String(node.description ?? ''),
      ...(node.secret === true ? { secret: true } : {}),
      ...(typeof node.defaultDoc === 'string' ? { defaultDoc: node.defaultDoc } : {}),
      path,
      schema: node,
      optional: IsOptional(node),
      default: node.default,
    });
    return;
  }
  const properties = node.properties as Record<string, TSchema & Record<string, unknown>> | undefined;
  if (!properties) throw new Error(`config schema node ${path.join('.') || '<root>'} has neither env nor properties`);
  for (const [key, child] of Object.entries(properties)) walk(child, [...path, key], out);
}

/** The values an enum (or union-of-literals) leaf allows, or undefined for other leaves. */
export function allowedValues(schema: Record<string, unknown>): string[] | undefined {
  if (Array.isArray(schema.enum)) return schema.enum.map(String);
  const anyOf = schema.anyOf as Array<Record<string, unknown>> | undefined;
  if (!anyOf || !anyOf.every((s) => 'const' in s)) return undefined;
  return anyOf.map((s) => String(s.const));
}
