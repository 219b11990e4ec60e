/**
 * Free text from the search box → at most `MAX_TERMS` words of letters and digits. Everything else
 * (quotes, `*`, `:`, parentheses, `-`, `&`, `|`) only separates words, so no input can reach the FTS5
 * or tsquery syntax: `NEAR(` becomes the word "near", `"` and `*` vanish. Words are matched as
 * prefixes and combined with AND. Both engines are told the same words, so SQLite and PostgreSQL
 * agree on what matches.
 */
export const MAX_TERMS = 8;
const MAX_TERM_LENGTH = 64;

export function searchTerms(input: string): string[] {
  const words = input.normalize('NFC').toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  return [...new Set(words.map((w) => w.slice(0, MAX_TERM_LENGTH)))].slice(0, MAX_TERMS);
}

/** FTS5 MATCH expression: each word a quoted string with the prefix operator, `"münch"* "grüße"*`. */
export function fts5Query(terms: readonly string[]): string {
  return terms.map((t) => `"${t.replaceAll('"', '""')}"*`).join(' ');
}

/** PostgreSQL tsquery text: `'münch':* & 'grüße':*` (quoted lexemes; to_tsquery still normalizes them). */
export function tsQuery(terms: readonly string[]): string {
  return terms.map((t) => `'${t.replaceAll("'", "''").replaceAll('\\', '\\\\')}':*`).join(' & ');
}
