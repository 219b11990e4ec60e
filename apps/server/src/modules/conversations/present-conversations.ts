import type { Conversation as ConversationDto } from '@valeo/contracts';
import type { ContactsService } from '../contacts/index.js';
import type { Conversation } from './conversations.repository.js';
import { toConversationView } from './conversation-view.js';
import type { TeamDirectory } from './team.js';

export type PresentDeps = { contacts: ContactsService; team: TeamDirectory; now: () => Date };

/** API views of conversations: contacts and assignee names in one batched lookup each. */
export async function presentConversations(deps: PresentDeps, tenantId: string, conversations: readonly Conversation[]): Promise<ConversationDto[]> {
  const assigneeIds = conversations.flatMap((c) => (c.assigneeUserId ? [c.assigneeUserId] : []));
  const [contacts, assignees] = await Promise.all([
    deps.contacts.byIds(tenantId, conversations.map((c) => c.contactId)),
    deps.team.byIds(tenantId, assigneeIds),
  ]);
  const now = deps.now();
  return conversations.flatMap((c) => {
    const contact = contacts.get(c.contactId);
    const assignee = c.assigneeUserId ? assignees.get(c.assigneeUserId) ?? null : null;
    return contact ? [toConversationView(c, contact, now, assignee)] : [];
  });
}

export async function presentConversation(deps: PresentDeps, conversation: Conversation): Promise<ConversationDto> {
  const [view] = await presentConversations(deps, conversation.tenantId, [conversation]);
  if (!view) throw new Error(`conversation ${conversation.id} has no contact`);
  return view;
}
