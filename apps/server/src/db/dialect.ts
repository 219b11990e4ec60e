/** The SQL dialects the Hub runs on (ADR 0002). Its own file so column helpers need not import the schema. */
export type DialectName = 'sqlite' | 'postgres';
