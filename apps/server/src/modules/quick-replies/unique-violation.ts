/** SQLite and PostgreSQL report a unique-index violation with different codes. */
export function isUniqueViolationError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE';
}
