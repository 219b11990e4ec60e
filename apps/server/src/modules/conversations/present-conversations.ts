import type { Conversation as ConversationDto, ConversationTeam, Label } from '@valeo/contracts';
import type { ContactsService } from '../contacts/index.js';
import type { Conversation } from './conversations.repository.js';
import { toConversationView } from './conversation-view.js';
import type { TeamDirectory } from './team.js';

/** Labels per conversation id (the labels module, wired in composition). */
export type ConversationLabels = (tenantId: string, conversationIds: readonly string[]) => Promise<Map<string, Label[]>>;

/** Team names by id (another tenant's team is absent). */
export type ConversationTeamNames = (tenantId: string, teamIds: readonly string[]) => Promise<Map<string, ConversationTeam>>;

export type PresentDeps = { contacts: ContactsService; team: TeamDirectory; labels: ConversationLabels; teams: ConversationTeamNames; now: () => Date };

/** API views of conversations: contacts and assignee names in one batched lookup each. */
export async function presentConversations(deps: PresentDeps, tenantId: string, conversations: readonly Conversation[]): Promise<ConversationDto[]> {
  const assigneeIds = conversations.flatMap((c) => (c.assigneeUserId ? [c.assigneeUserId] : []));
  const [contacts, assignees, labels, teams] = await Promise.all([
    deps.contacts.byIds(tenantId, conversations.map((c) => c.contactId)),
    deps.team.byIds(tenantId, assigneeIds),
    deps.labels(tenantId, conversations.map((c) => c.id)),
    deps.teams(tenantId, conversations.flatMap((c) => (c.teamId ? [c.teamId] : []))),
  ]);
  const now = deps.now();
  return conversations.flatMap((c) => {
    const contact = contacts.get(c.contactId);
    const assignee = c.assigneeUserId ? assignees.get(c.assigneeUserId) ?? null : null;
    const team = c.teamId ? teams.get(c.teamId) ?? null : null;
    return contact ? [{ ...toConversationView(c, contact, now, assignee), team, labels: labels.get(c.id) ?? [] }] : [];
  });
}

export async function presentConversation(deps: PresentDeps, conversation: Conversation): Promise<ConversationDto> {
  const [view] = await presentConversations(deps, conversation.tenantId, [conversation]);
  if (!view) throw new Error(`conversation ${conversation.id} has no contact`);
  return view;
}
