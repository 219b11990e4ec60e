import type { Db, DbExecutor } from '../../db/database.js';
import { notFound } from '../../core/errors/app-error.js';
import {
  findContactById,
  findContactByWaId,
  listContacts,
  upsertContact,
  type Contact,
  type UpsertContactInput,
} from './contacts.repository.js';

export type ContactsService = ReturnType<typeof createContactsService>;

/** Contacts are created from traffic (either direction) and looked up by wa_id. */
export function createContactsService(db: Db) {
  return {
    /** Pass `executor` to join the caller's transaction. */
    upsert: (input: UpsertContactInput, executor: DbExecutor = db): Promise<Contact> => upsertContact(executor, input),
    findByWaId: (tenantId: string, waId: string, executor: DbExecutor = db) => findContactByWaId(executor, tenantId, waId),
    async get(tenantId: string, id: string): Promise<Contact> {
      const contact = await findContactById(db, tenantId, id);
      if (!contact) throw notFound('CONTACT_NOT_FOUND', `Contact ${id} not found`);
      return contact;
    },
    list: (opts: { tenantId: string; limit: number; beforeId?: string | undefined; search?: string | undefined }) => listContacts(db, opts),
    /** Contacts by id, for views that show wa_id and name beside other rows. */
    async byIds(tenantId: string, ids: readonly string[]): Promise<Map<string, Contact>> {
      const unique = [...new Set(ids)];
      const contacts = await Promise.all(unique.map((id) => findContactById(db, tenantId, id)));
      return new Map(contacts.filter((c): c is Contact => c !== undefined).map((c) => [c.id, c]));
    },
  };
}
