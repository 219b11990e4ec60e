import { sql, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely';
import { searchDocument, searchWordSpellings } from '../../core/search-text.js';
import type { Database } from '../../db/database.js';

type UsersEb = ExpressionBuilder<Database, 'users'>;

/** One typed word: the folded spellings it may be stored under ("Jörg" → jorg, joerg); any one matches. */
export type UserSearchTerm = readonly string[];

/** A query is at most this many words; more would only lengthen the SQL, not improve the answer. */
export const MAX_USER_SEARCH_WORDS = 8;

/**
 * `users.search_name` (migration 0013): the name's folded words plus their German spellings
 * (`searchDocument`, ADR 0012), so "jorg", "joerg" and "Jörg" all find "Jörg". Also the pickers' sort
 * key, which is why it is never null.
 */
export function userSearchName(name: string): string {
  return searchDocument([name]) ?? '';
}

/**
 * The typed words, folded by the Hub's one rule (`core/search-text.ts`): only letters and digits
 * count, everything else (`%`, `_`, `\`, quotes) separates words; duplicates and words beyond
 * `MAX_USER_SEARCH_WORDS` are dropped. Blank → no terms (no filter).
 */
export function userSearchTerms(query: string | undefined): UserSearchTerm[] {
  if (query === undefined) return [];
  const seen = new Set<string>();
  return searchWordSpellings(query).filter((term) => {
    const key = term.join(' ');
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  }).slice(0, MAX_USER_SEARCH_WORDS);
}

/**
 * `%word%` for `LIKE … ESCAPE '\'`. Folded words hold letters and digits only, so this escaping is a
 * second line of defence: should the folding rule ever let `%` or `_` through, they match themselves.
 */
function containsPattern(word: string): string {
  return `%${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

function contains(column: 'search_name' | 'email', word: string): Expression<SqlBool> {
  return sql<SqlBool>`${sql.ref(column)} like ${containsPattern(word)} escape '\\'`;
}

/**
 * Every term occurs (as a substring, in any of its spellings) in the folded name or, with `inEmail`,
 * in the e-mail address (stored lower-cased): "anna example" finds Anna by name and domain.
 */
export function matchesTerms(eb: UsersEb, terms: readonly UserSearchTerm[], opts: { inEmail: boolean }): Expression<SqlBool> {
  const columns = opts.inEmail ? (['search_name', 'email'] as const) : (['search_name'] as const);
  return eb.and(terms.map((spellings) => eb.or(spellings.flatMap((word) => columns.map((column) => contains(column, word))))));
}
