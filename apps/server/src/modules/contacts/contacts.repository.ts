import { sql } from 'kysely';
import type { DbExecutor } from '../../db/database.js';
import { fromDbJson, fromDbTime, fromDbTimeOrNull, toDbJson, toDbTime } from '../../db/column-types.js';
import type { ContactsTable } from '../../db/tables/messaging.tables.js';
import { newId } from '../../core/ids.js';
import { searchDocument, searchWordSpellings } from '../../core/search-text.js';
import { PreparedQuery } from '../../db/prepared-query.js';
import type { Selectable } from 'kysely';

export type Contact = {
  id: string;
  tenantId: string;
  waId: string;
  profileName: string | null;
  lastInboundAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
  erpCustomerId: string | null;
  attributes: Record<string, string>;
  consent: ContactConsent;
};

export type ConsentStatus = 'opted_in' | 'opted_out' | 'unknown';
export type ContactConsent = { status: ConsentStatus; updatedAt: Date | null; source: string | null };

export type UpsertContactInput = {
  tenantId: string;
  waId: string;
  profileName?: string | undefined;
  /** Set when the customer wrote; only ever moves forward. */
  inboundAt?: Date | undefined;
  now: Date;
};

/** Insert-or-update in one statement (both dialects support ON CONFLICT … RETURNING). */
type UpsertContactParams = {
  id: string; tenantId: string; waId: string; profileName: string | null; searchName: string | null; inboundAt: string | null; now: string;
};

/** Prepared once: it runs for every message sent and received. */
const upsertContactStatement = new PreparedQuery<UpsertContactParams, Selectable<ContactsTable>>((db, p) =>
  db
    .insertInto('contacts')
    .values({
      id: p('id'),
      tenant_id: p('tenantId'),
      wa_id: p('waId'),
      profile_name: p('profileName'),
      search_name: p('searchName'),
      last_inbound_at: p('inboundAt'),
      created_at: p('now'),
      updated_at: p('now'),
    })
    .onConflict((oc) =>
      oc.columns(['tenant_id', 'wa_id']).doUpdateSet({
        profile_name: sql`coalesce(excluded.profile_name, contacts.profile_name)`,
        // Follows profile_name (not coalesce: a new name without words folds to null and must replace the old one).
        search_name: sql`case when excluded.profile_name is null then contacts.search_name else excluded.search_name end`,
        last_inbound_at: sql`case when contacts.last_inbound_at is null or excluded.last_inbound_at > contacts.last_inbound_at
          then excluded.last_inbound_at else contacts.last_inbound_at end`,
        updated_at: sql`excluded.updated_at`,
      }),
    )
    .returningAll());

export async function upsertContact(db: DbExecutor, input: UpsertContactInput): Promise<Contact> {
  const row = await upsertContactStatement.takeFirst(db, {
    id: newId(),
    tenantId: input.tenantId,
    waId: input.waId,
    profileName: input.profileName ?? null,
    searchName: searchDocument([input.profileName]),
    inboundAt: input.inboundAt ? toDbTime(input.inboundAt) : null,
    now: toDbTime(input.now),
  });
  if (row === undefined) throw new Error('contact upsert returned no row');
  return toContact(row);
}

export async function findContactByWaId(db: DbExecutor, tenantId: string, waId: string): Promise<Contact | undefined> {
  const row = await db.selectFrom('contacts').selectAll().where('tenant_id', '=', tenantId).where('wa_id', '=', waId).executeTakeFirst();
  return row ? toContact(row) : undefined;
}

export async function findContactById(db: DbExecutor, tenantId: string, id: string): Promise<Contact | undefined> {
  const row = await db.selectFrom('contacts').selectAll().where('tenant_id', '=', tenantId).where('id', '=', id).executeTakeFirst();
  return row ? toContact(row) : undefined;
}

export type ContactProfilePatch = {
  erpCustomerId?: string | null | undefined;
  /** The whole map after merging; the service bounds its size. */
  attributes?: Record<string, string> | undefined;
  consent?: { status: ConsentStatus; source: string; at: Date } | undefined;
  now: Date;
};

/** Takes the row's write lock for the rest of the transaction (a no-op update works on both dialects). */
export async function lockContact(db: DbExecutor, tenantId: string, id: string): Promise<void> {
  await db.updateTable('contacts').set({ updated_at: sql`updated_at` }).where('tenant_id', '=', tenantId).where('id', '=', id).execute();
}

/** Writes the side panel's fields; undefined when the tenant has no such contact. */
export async function updateContactProfile(db: DbExecutor, tenantId: string, id: string, patch: ContactProfilePatch): Promise<Contact | undefined> {
  const row = await db
    .updateTable('contacts')
    .set({
      ...(patch.erpCustomerId === undefined ? {} : { erp_customer_id: patch.erpCustomerId }),
      ...(patch.attributes === undefined ? {} : { attributes: toDbJson(patch.attributes) }),
      ...(patch.consent === undefined
        ? {}
        : { consent_status: patch.consent.status, consent_source: patch.consent.source, consent_updated_at: toDbTime(patch.consent.at) }),
      updated_at: toDbTime(patch.now),
    })
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirst();
  return row ? toContact(row) : undefined;
}

const MAX_SEARCH_WORDS = 8;
const PHONE_LIKE = /^[\s\d+\-()/.]+$/;

/** Newest first, keyset-paginated by id (UUIDv7 ids sort by creation time); `search` folds accents and case. */
export async function listContacts(
  db: DbExecutor,
  opts: { tenantId: string; limit: number; beforeId?: string | undefined; search?: string | undefined },
): Promise<Contact[]> {
  let query = db.selectFrom('contacts').selectAll().where('tenant_id', '=', opts.tenantId);
  if (opts.beforeId) query = query.where('id', '<', opts.beforeId);
  if (opts.search !== undefined && opts.search.trim() !== '') {
    // The folding rule of search (ADR 0012): every typed word, in one of its spellings, must be in the
    // folded name or the number. Words are letters and digits only, so they carry no LIKE wildcards;
    // a search without any word ("%", quotes) is an empty box, as in the inbox and the users list.
    // A number typed with spaces, dashes or brackets ("+49 151 234-56") is one number, not words.
    const digits = PHONE_LIKE.test(opts.search) ? opts.search.replace(/\D/g, '') : '';
    const terms = digits !== '' ? [[digits]] : searchWordSpellings(opts.search).slice(0, MAX_SEARCH_WORDS);
    if (terms.length > 0) query = query.where((eb) => eb.and(terms.map((spellings) => eb.or([
      ...spellings.map((spelling) => eb('search_name', 'like', `%${spelling}%`)),
      eb('wa_id', 'like', `%${spellings[0] ?? ''}%`),
    ]))));
  }
  const rows = await query.orderBy('id', 'desc').limit(opts.limit).execute();
  return rows.map(toContact);
}

function toContact(row: Selectable<ContactsTable>): Contact {
  return {
    id: row.id,
    tenantId: row.tenant_id,
    waId: row.wa_id,
    profileName: row.profile_name,
    lastInboundAt: fromDbTimeOrNull(row.last_inbound_at),
    createdAt: fromDbTime(row.created_at),
    updatedAt: fromDbTime(row.updated_at),
    erpCustomerId: row.erp_customer_id,
    attributes: fromDbJson<Record<string, string>>(row.attributes),
    consent: {
      status: row.consent_status === 'opted_in' || row.consent_status === 'opted_out' ? row.consent_status : 'unknown',
      updatedAt: fromDbTimeOrNull(row.consent_updated_at),
      source: row.consent_source,
    },
  };
}
