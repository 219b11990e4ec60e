export { createContactsService, type ContactsService } from './contacts.service.js';
export type { Contact, UpsertContactInput } from './contacts.repository.js';
export { normalizeWaId } from './wa-id.js';
