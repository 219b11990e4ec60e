import { sql, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely';
import type { Database, DialectName } from '../../db/database.js';
import { fts5Query, tsQuery, type SearchTerm } from './search-terms.js';

/** `q` of the conversation list, already split into safe, folded words (`searchTerms`). */
export type MessageSearch = { terms: readonly SearchTerm[]; dialect: DialectName };

type ConversationsEb = ExpressionBuilder<Database, 'conversations'>;

/**
 * The tsvector expression of migration 0011's GIN index `messages_search_text_idx`: PostgreSQL uses
 * the index only when the query repeats it exactly (a test checks the plan).
 */
export const PG_MESSAGE_DOCUMENT = sql.raw(`to_tsvector('simple'::regconfig, search_text)`);

/**
 * A conversation matches when one of its messages contains every word (as a prefix, in one of its
 * spellings) in its folded text (`messages.search_text`), or when its contact's folded name
 * (`contacts.search_name`) or number contains every word. Folding happened in the app on both sides
 * (ADR 0012), so the engines compare plain lower-case words.
 */
export function matchesSearch(eb: ConversationsEb, tenantId: string, search: MessageSearch): Expression<SqlBool> {
  const inMessages = search.dialect === 'postgres'
    ? sql<string>`(select conversation_id from messages where tenant_id = ${tenantId} and ${PG_MESSAGE_DOCUMENT} @@ to_tsquery('simple', ${tsQuery(search.terms)}))`
    : sql<string>`(select m.conversation_id from messages_fts f join messages m on m.rowid = f.rowid
        where messages_fts match ${fts5Query(search.terms)} and m.tenant_id = ${tenantId})`;
  // Words are letters and digits only, so they carry no LIKE wildcards.
  const contactMatches = eb
    .selectFrom('contacts')
    .select('contacts.id')
    .where('contacts.tenant_id', '=', tenantId)
    .where((c) => c.and(search.terms.map((spellings) => c.or([
      ...spellings.map((s) => c('contacts.search_name', 'like', `%${s}%`)),
      c('contacts.wa_id', 'like', `%${spellings[0] ?? ''}%`),
    ]))));
  return eb.or([eb('conversations.id', 'in', inMessages), eb('conversations.contact_id', 'in', contactMatches)]);
}

/** Conversations carrying the label (another tenant's label id simply matches nothing). */
export function hasLabel(eb: ConversationsEb, tenantId: string, labelId: string): Expression<SqlBool> {
  return eb('conversations.id', 'in', eb.selectFrom('conversation_labels').select('conversation_labels.conversation_id')
    .where('conversation_labels.tenant_id', '=', tenantId)
    .where('conversation_labels.label_id', '=', labelId));
}
