import type { Conversation as ConversationDto, Label } from '@valeo/contracts';
import type { ContactsService } from '../contacts/index.js';
import type { Conversation } from './conversations.repository.js';
import { toConversationView } from './conversation-view.js';
import type { TeamDirectory } from './team.js';

/** Labels per conversation id (the labels module, wired in composition). */
export type ConversationLabels = (tenantId: string, conversationIds: readonly string[]) => Promise<Map<string, Label[]>>;

export type PresentDeps = { contacts: ContactsService; team: TeamDirectory; labels: ConversationLabels; now: () => Date };

/** API views of conversations: contacts and assignee names in one batched lookup each. */
export async function presentConversations(deps: PresentDeps, tenantId: string, conversations: readonly Conversation[]): Promise<ConversationDto[]> {
  const assigneeIds = conversations.flatMap((c) => (c.assigneeUserId ? [c.assigneeUserId] : []));
  const [contacts, assignees, labels] = await Promise.all([
    deps.contacts.byIds(tenantId, conversations.map((c) => c.contactId)),
    deps.team.byIds(tenantId, assigneeIds),
    deps.labels(tenantId, conversations.map((c) => c.id)),
  ]);
  const now = deps.now();
  return conversations.flatMap((c) => {
    const contact = contacts.get(c.contactId);
    const assignee = c.assigneeUserId ? assignees.get(c.assigneeUserId) ?? null : null;
    return contact ? [{ ...toConversationView(c, contact, now, assignee), labels: labels.get(c.id) ?? [] }] : [];
  });
}

export async function presentConversation(deps: PresentDeps, conversation: Conversation): Promise<ConversationDto> {
  const [view] = await presentConversations(deps, conversation.tenantId, [conversation]);
  if (!view) throw new Error(`conversation ${conversation.id} has no contact`);
  return view;
}
