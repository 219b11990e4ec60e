import type { FastifyPluginAsync } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { ContactDetail, ContactIdParams, UpdateContactRequest, type Label } from '@valeo/contracts';
import type { Clock } from '../../core/clock.js';
import type { Db } from '../../db/database.js';
import { API_ERRORS, errorResponses } from '../../http/error-responses.js';
import { authOf, requireScope } from '../../http/plugins/auth.plugin.js';
import { conversationsOfContact } from './contact-conversations.repository.js';
import type { Contact } from './contacts.repository.js';
import type { ContactsService } from './contacts.service.js';

export type ContactRoutesDeps = {
  db: Db;
  contacts: ContactsService;
  clock: Clock;
  /** The contact's labels (from the labels module, wired in composition). */
  labelsOf: (tenantId: string, contactId: string) => Promise<Label[]>;
  /** Tells the other inboxes that the profile changed (the live `contact.updated`); called after the commit. */
  profileChanged: (tenantId: string, contactId: string) => void;
};

const tags = ['contacts'];

/** `GET|PATCH /contacts/:id`: the inbox's contact side panel. */
export function contactRoutes(deps: ContactRoutesDeps): FastifyPluginAsync {
  return async (app) => {
    const r = app.withTypeProvider<TypeBoxTypeProvider>();
    const detail = async (tenantId: string, contact: Contact): Promise<ContactDetail> => ({
      id: contact.id,
      waId: contact.waId,
      profileName: contact.profileName,
      lastInboundAt: contact.lastInboundAt?.toISOString() ?? null,
      createdAt: contact.createdAt.toISOString(),
      erpCustomerId: contact.erpCustomerId,
      attributes: contact.attributes,
      labels: await deps.labelsOf(tenantId, contact.id),
      consent: { status: contact.consent.status, updatedAt: contact.consent.updatedAt?.toISOString() ?? null, source: contact.consent.source },
      conversations: await conversationsOfContact(deps.db, tenantId, contact.id),
    });

    r.get('/contacts/:id', {
      onRequest: requireScope('messages:read'),
      schema: { tags, summary: 'A contact with its profile, labels, consent and conversations', params: ContactIdParams, response: { 200: ContactDetail, ...errorResponses(...API_ERRORS, 404) } },
    }, async (request) => {
      const { tenantId } = authOf(request);
      return detail(tenantId, await deps.contacts.get(tenantId, request.params.id));
    });

    r.patch('/contacts/:id', {
      onRequest: requireScope('contacts:manage'),
      schema: {
        tags, summary: 'Edit the ERP customer id, attributes (merge; null removes) or record consent',
        params: ContactIdParams, body: UpdateContactRequest, response: { 200: ContactDetail, ...errorResponses(...API_ERRORS, 404, 422) },
      },
    }, async (request) => {
      const { tenantId } = authOf(request);
      const { erpCustomerId, attributes, consent } = request.body;
      const contact = await deps.contacts.updateProfile(
        tenantId,
        request.params.id,
        { erpCustomerId, attributes, consent: consent && { status: consent.status, source: consent.source.trim() } },
        deps.clock.now(),
      );
      // updateProfile resolved: its transaction committed (a refused or rolled-back edit threw above).
      deps.profileChanged(tenantId, contact.id);
      return detail(tenantId, contact);
    });
  };
}
