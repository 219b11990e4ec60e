/**
 * Domain events: `<entity>.<past-tense>`. Modules to the left of the dependency order emit them;
 * automation, outbound webhooks, the realtime inbox and analytics subscribe (ARCHITECTURE.md §3.5).
 * Events are published after the transaction that caused them committed.
 */
export type MessageDirection = 'inbound' | 'outbound';

export type DomainEventMap = {
  'message.received': { tenantId: string; channelId: string; conversationId: string; messageId: string; contactWaId: string; type: string };
  'message.queued': { tenantId: string; channelId: string; conversationId: string; messageId: string };
  'message.status-changed': {
    tenantId: string;
    channelId: string;
    conversationId: string;
    messageId: string;
    status: string;
    previousStatus: string;
  };
  /** Assignment, close, reopen or read (modules/conversations); `change` names which. */
  'conversation.updated': { tenantId: string; conversationId: string; channelId: string; change: 'assigned' | 'closed' | 'reopened' | 'read' | 'labels' | 'note' | 'team' };
  /** An inbound message's medium finished downloading (its bytes can now be served). */
  'media.stored': { tenantId: string; conversationId: string; messageId: string; mediaId: string };
  /** A contact's labels were attached/detached, or its profile (ERP id, attributes, consent) edited. */
  'contact.updated': { tenantId: string; contactId: string; change: 'labels' | 'profile' };
  /** A team was created, renamed or deleted, or its members changed (conversations show team names). */
  'team.updated': { tenantId: string; teamId: string; change: 'created' | 'renamed' | 'deleted' | 'members' };
  /** A label was created, renamed/recoloured or deleted (conversations and contacts show label names and colours). */
  'label.updated': { tenantId: string; labelId: string; change: 'created' | 'updated' | 'deleted' };
};

export type DomainEventName = keyof DomainEventMap;
export type DomainEvent<N extends DomainEventName = DomainEventName> = { name: N; payload: DomainEventMap[N]; at: Date };
