import type { ReactNode } from 'react';
import type { AuthUser, Conversation } from '@valeo/contracts';
import { useI18n } from '../../i18n/hooks/use-i18n.js';
import { useConversationAction } from '../hooks/use-conversation-actions.js';
import { useAssigneeSearch } from '../hooks/use-work-lookups.js';
import { canAssignOthers, canWorkConversations } from '../utils/work-permissions.js';
import { AssigneeSearchBox, PickerHint } from './assignee-search-box.js';

export type AssignControlProps = { conversation: Conversation; user: AuthUser };

/**
 * Who works on the conversation. Admins and supervisors pick anyone from a list (online people
 * marked; with more people than one page, a search field narrows it); an agent takes it or gives
 * their own back; viewers and marketing only see the name.
 */
export function AssignControl({ conversation, user }: AssignControlProps) {
  const { t } = useI18n();
  const action = useConversationAction(conversation.id);
  const assignee = conversation.assignee;
  const failed = action.isError ? <span className="work-error" role="alert">{t('work.failed')}</span> : null;

  if (canAssignOthers(user.role)) return <AssigneeSelect conversation={conversation} failed={failed} onAssign={(userId) => action.mutate({ kind: 'assign', userId })} busy={action.isPending} />;
  if (!canWorkConversations(user.role)) {
    return <span className="assignee-label muted small">{assignee ? t('work.assignedTo', { name: assignee.name }) : t('work.unassigned')}</span>;
  }
  const mine = assignee?.id === user.id;
  return (
    <span className="assign-control">
      <span className="assignee-label muted small">{assignee ? t('work.assignedTo', { name: mine ? t('work.me') : assignee.name }) : t('work.unassigned')}</span>
      <button
        type="button"
        className="button button-small"
        disabled={action.isPending}
        onClick={() => action.mutate({ kind: 'assign', userId: mine ? null : user.id })}
      >
        {mine ? t('work.release') : t('work.take')}
      </button>
      {failed}
    </span>
  );
}

type AssigneeSelectProps = { conversation: Conversation; busy: boolean; failed: ReactNode; onAssign: (userId: string | null) => void };

function AssigneeSelect({ conversation, busy, failed, onAssign }: AssigneeSelectProps) {
  const { t } = useI18n();
  const search = useAssigneeSearch();
  const people = search.people;
  const current = conversation.assignee;
  // The current assignee stays selectable even if the list has not loaded (or does not match the search).
  const listed = current && !people.some((p) => p.id === current.id) ? [{ id: current.id, name: current.name, online: false }, ...people] : people;
  return (
    <span className="assign-control">
      {search.searchable ? <AssigneeSearchBox label={t('work.searchAssignee')} onSearch={search.setQuery} /> : null}
      <select
        className="assign-select"
        aria-label={t('work.assignee')}
        aria-busy={search.isFetching}
        value={current?.id ?? ''}
        disabled={busy}
        onChange={(event) => onAssign(event.target.value === '' ? null : event.target.value)}
      >
        <option value="">{t('work.unassigned')}</option>
        {listed.map((person) => (
          <option key={person.id} value={person.id}>
            {person.online ? t('work.online', { name: person.name }) : person.name}
          </option>
        ))}
        <PickerHint query={search.query} found={people.length} more={search.more} />
      </select>
      {failed}
    </span>
  );
}
