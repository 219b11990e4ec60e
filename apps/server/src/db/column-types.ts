import type { ColumnType } from 'kysely';
import type { DialectName } from './dialect.js';

/**
 * Where SQLite and PostgreSQL differ, one helper decides (ADR 0002):
 * - timestamps: `timestamptz` on PG, ISO-8601 text on SQLite. Always written as
 *   `toISOString()` strings, so SQLite compares them correctly as text; read back as Date.
 * - JSON: `jsonb` on PG, text on SQLite; always written as a JSON string, parsed on read.
 * - booleans: `integer` 0/1 on both, because better-sqlite3 cannot bind JS booleans.
 */
export type Timestamp = ColumnType<Date | string, string, string>;
export type NullableTimestamp = ColumnType<Date | string | null, string | null, string | null>;
export type Json = ColumnType<unknown, string, string>;
export type NullableJson = ColumnType<unknown, string | null, string | null>;
export type BoolInt = ColumnType<number | boolean, number, number>;

export function timestampType(dialect: DialectName): 'timestamptz' | 'text' {
  return dialect === 'postgres' ? 'timestamptz' : 'text';
}

export function jsonType(dialect: DialectName): 'jsonb' | 'text' {
  return dialect === 'postgres' ? 'jsonb' : 'text';
}

export function toDbTime(date: Date): string {
  return date.toISOString();
}

export function fromDbTime(value: Date | string): Date {
  return value instanceof Date ? value : new Date(value);
}

export function fromDbTimeOrNull(value: Date | string | null): Date | null {
  return value === null ? null : fromDbTime(value);
}

export function toDbJson(value: unknown): string {
  return JSON.stringify(value);
}

export function fromDbJson<T = unknown>(value: unknown): T {
  return (typeof value === 'string' ? JSON.parse(value) : value) as T;
}

export function toDbBool(value: boolean): number {
  return value ? 1 : 0;
}

export function fromDbBool(value: number | boolean): boolean {
  return value === true || value === 1;
}
