import { inTransaction, type Db, type DbExecutor } from '../../db/database.js';
import { notFound } from '../../core/errors/app-error.js';
import { mergeAttributes } from './contact-attributes.js';
import {
  findContactById,
  lockContact,
  updateContactProfile,
  type ConsentStatus,
  findContactByWaId,
  listContacts,
  upsertContact,
  type Contact,
  type UpsertContactInput,
} from './contacts.repository.js';

export type UpdateContactProfileInput = {
  erpCustomerId?: string | null | undefined;
  attributes?: Record<string, string | null> | undefined;
  consent?: { status: ConsentStatus; source: string } | undefined;
};

function contactNotFound(id: string) {
  return notFound('CONTACT_NOT_FOUND', `Contact ${id} not found`);
}

export type ContactsService = ReturnType<typeof createContactsService>;

/** Contacts are created from traffic (either direction) and looked up by wa_id. */
export function createContactsService(db: Db) {
  return {
    /** Pass `executor` to join the caller's transaction. */
    upsert: (input: UpsertContactInput, executor: DbExecutor = db): Promise<Contact> => upsertContact(executor, input),
    findByWaId: (tenantId: string, waId: string, executor: DbExecutor = db) => findContactByWaId(executor, tenantId, waId),
    async get(tenantId: string, id: string): Promise<Contact> {
      const contact = await findContactById(db, tenantId, id);
      if (!contact) throw contactNotFound(id);
      return contact;
    },
    /**
     * The side panel's edit. `attributes` merges (null removes a key). The row is locked first, so two
     * agents editing different attributes at once both keep their change.
     */
    async updateProfile(tenantId: string, id: string, input: UpdateContactProfileInput, now: Date): Promise<Contact> {
      return inTransaction(db, async (trx) => {
        await lockContact(trx, tenantId, id);
        const contact = await findContactById(trx, tenantId, id);
        if (!contact) throw contactNotFound(id);
        const updated = await updateContactProfile(trx, tenantId, id, {
          erpCustomerId: input.erpCustomerId,
          attributes: input.attributes === undefined ? undefined : mergeAttributes(contact.attributes, input.attributes),
          consent: input.consent === undefined ? undefined : { ...input.consent, at: now },
          now,
        });
        if (!updated) throw contactNotFound(id);
        return updated;
      });
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
