export { createContactsService, type ContactsService, type UpdateContactProfileInput } from './contacts.service.js';
export type { Contact, ContactConsent, ConsentStatus, UpsertContactInput } from './contacts.repository.js';
export { normalizeWaId } from './wa-id.js';
export { contactRoutes, type ContactRoutesDeps } from './contacts.routes.js';
