import type { Conversation } from '@valeo/contracts';
import { formatDateTime, formatListTimestamp } from '../../../lib/format.js';
import { useI18n } from '../../i18n/hooks/use-i18n.js';
import { contactDisplayName, isWindowOpen } from '../utils/service-window.js';
import { LabelChips } from '../../labels/components/label-chips.js';

export type ConversationListItemProps = {
  conversation: Conversation;
  selected: boolean;
  now: Date;
  onSelect: (id: string) => void;
};

export function ConversationListItem({ conversation, selected, now, onSelect }: ConversationListItemProps) {
  const { t, locale } = useI18n();
  const name = contactDisplayName(conversation);
  const open = isWindowOpen(conversation, now);
  const at = conversation.lastMessageAt;
  return (
    <li className="conversation-list-item">
      <button
        type="button"
        className="conversation-button"
        aria-current={selected ? 'true' : undefined}
        onClick={() => onSelect(conversation.id)}
      >
        <span className="avatar" aria-hidden="true">
          {initialOf(name)}
        </span>
        <span className="conversation-main">
          <span className="conversation-row">
            <span className="conversation-name">{name}</span>
            {at === null ? null : (
              <time className="conversation-time" dateTime={at} title={formatDateTime(at, locale)}>
                {formatListTimestamp(at, now, locale)}
              </time>
            )}
          </span>
          <span className="conversation-row">
            <span className="conversation-preview">{conversation.lastMessagePreview ?? t('conversations.noPreview')}</span>
            {conversation.unreadCount > 0 ? (
              <span className="unread-badge" aria-label={t('conversations.unread', { count: conversation.unreadCount })}>
                {conversation.unreadCount}
              </span>
            ) : null}
          </span>
          <span className="conversation-row">
            <span className={open ? 'window-state window-open' : 'window-state window-closed'}>
              {open ? t('conversations.windowOpen') : t('conversations.windowClosed')}
            </span>
            <span className={conversation.assignee ? 'conversation-assignee' : 'conversation-assignee muted'}>
              {conversation.assignee ? t('work.assignedTo', { name: conversation.assignee.name }) : t('work.unassigned')}
            </span>
            {conversation.team ? <span className="conversation-team">{t('teams.inTeam', { name: conversation.team.name })}</span> : null}
          </span>
          <LabelChips labels={conversation.labels} className="conversation-labels" />
        </span>
      </button>
    </li>
  );
}

function initialOf(name: string): string {
  const letter = [...name.replace(/^\+/, '')][0] ?? '?';
  return letter.toLocaleUpperCase();
}
