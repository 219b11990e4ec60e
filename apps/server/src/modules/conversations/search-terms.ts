import { searchWordSpellings } from '../../core/search-text.js';

/**
 * One typed word: the folded spellings it may be stored under (`["jorg", "joerg"]` for "Jörg"); a
 * match needs any of them. Folding is the rule of `core/search-text.ts` (ADR 0012), the same the
 * stored documents went through.
 */
export type SearchTerm = readonly string[];

/**
 * Free text from the search box → at most `MAX_TERMS` folded words of letters and digits. Everything
 * else (quotes, `*`, `:`, parentheses, `-`, `&`, `|`, `%`, `_`) only separates words, so no input can
 * reach the FTS5, tsquery or LIKE syntax: `NEAR(` becomes the word "near", `"` and `*` vanish. Words
 * are matched as prefixes and combined with AND. Both engines are told the same words, so SQLite and
 * PostgreSQL agree on what matches.
 */
export const MAX_TERMS = 8;
const MAX_TERM_LENGTH = 64;

export function searchTerms(input: string): SearchTerm[] {
  const seen = new Set<string>();
  const terms: SearchTerm[] = [];
  for (const spellings of searchWordSpellings(input)) {
    const term = [...new Set(spellings.map((s) => s.slice(0, MAX_TERM_LENGTH)))];
    const key = term.join(' ');
    if (seen.has(key)) continue;
    seen.add(key);
    terms.push(term);
  }
  return terms.slice(0, MAX_TERMS);
}

/** FTS5 MATCH expression, each spelling a quoted prefix: `("jorg"* OR "joerg"*) AND "grusse"*`. */
export function fts5Query(terms: readonly SearchTerm[]): string {
  return terms.map((t) => anyOf(t.map((s) => `"${s.replaceAll('"', '""')}"*`), ' OR ')).join(' AND ');
}

/** PostgreSQL tsquery text: `('jorg':* | 'joerg':*) & 'grusse':*` (quoted lexemes). */
export function tsQuery(terms: readonly SearchTerm[]): string {
  return terms.map((t) => anyOf(t.map((s) => `'${s.replaceAll("'", "''").replaceAll('\\', '\\\\')}':*`), ' | ')).join(' & ');
}

function anyOf(spellings: readonly string[], or: string): string {
  return spellings.length === 1 ? (spellings[0] ?? '') : `(${spellings.join(or)})`;
}
