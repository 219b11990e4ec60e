import type { ContactChange } from '@valeo/contracts';
import type { Clock } from '../core/clock.js';
import type { EventBus } from '../core/events/event-bus.js';
import type { Db } from '../db/database.js';
import { contactRoutes, type ContactsService } from '../modules/contacts/index.js';
import type { ConversationsService } from '../modules/conversations/index.js';
import { createLabelsModule, toLabelDto } from '../modules/labels/index.js';
import { createNotesModule } from '../modules/notes/index.js';
import type { UsersModule } from '../modules/users/index.js';

type Deps = { db: Db; clock: Clock; events: EventBus; contacts: ContactsService; conversations: ConversationsService; users: UsersModule };

/**
 * Labels, private notes and the contact side panel. The labels and notes modules learn whether a
 * conversation or contact exists through the lookups passed here, so neither imports the other.
 */
export function createLabelsAndNotes({ db, clock, events, contacts, conversations, users }: Deps) {
  // Live updates for the other agents' inboxes (ids only: they refetch through the API); a failure
  // to publish never fails the request.
  const publish = (change: 'labels' | 'note') => (tenantId: string, conversationId: string) => {
    conversations.get(tenantId, conversationId).then(
      (c) => events.publish('conversation.updated', { tenantId, conversationId, channelId: c.channelId, change }),
      () => undefined,
    );
  };
  const contactChanged = (change: ContactChange) => (tenantId: string, contactId: string) => events.publish('contact.updated', { tenantId, contactId, change });
  const conversationLabelsChanged = publish('labels');
  const contactLabelsChanged = contactChanged('labels');
  const labels = createLabelsModule({
    db, clock, events,
    targets: { conversation: (tenantId, id) => conversations.get(tenantId, id), contact: (tenantId, id) => contacts.get(tenantId, id) },
    changed: (target, tenantId, id) => (target === 'conversation' ? conversationLabelsChanged : contactLabelsChanged)(tenantId, id),
  });
  const notes = createNotesModule({
    db, clock,
    conversationExists: (tenantId, id) => conversations.get(tenantId, id),
    userName: (tenantId, id) => users.users.getUser(tenantId, id).then((u) => u.name, () => undefined),
    noteAdded: publish('note'),
  });
  const contactProfile = contactRoutes({
    db, contacts, clock, profileChanged: contactChanged('profile'),
    labelsOf: async (tenantId, contactId) => ((await labels.service.of('contact', tenantId, [contactId])).get(contactId) ?? []).map(toLabelDto),
  });
  /** Labels per conversation id, for the conversation views. */
  const conversationLabels = async (tenantId: string, ids: readonly string[]) =>
    new Map([...(await labels.service.of('conversation', tenantId, ids))].map(([id, list]) => [id, list.map(toLabelDto)]));
  return { labels, notes, conversationLabels, routes: [labels.routes, notes.routes, contactProfile] };
}
