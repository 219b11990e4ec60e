import type { ContactConversationSummary } from '@valeo/contracts';
import { formatDateTime } from '../../../lib/format.js';
import { useI18n } from '../../i18n/hooks/use-i18n.js';

export type PastConversationsProps = {
  conversations: readonly ContactConversationSummary[];
  currentId: string;
  onOpen: (id: string) => void;
};

/** The contact's conversations (one per number), newest first; the open one is marked. */
export function PastConversations({ conversations, currentId, onOpen }: PastConversationsProps) {
  const { t, locale } = useI18n();
  return (
    <ul className="past-conversations">
      {conversations.map((c) => (
        <li key={c.id}>
          <button type="button" className="past-conversation" aria-current={c.id === currentId ? 'true' : undefined} onClick={() => onOpen(c.id)}>
            <span className="past-conversation-preview">{c.lastMessagePreview ?? t('conversations.noPreview')}</span>
            <span className="muted small">
              {c.lastMessageAt === null ? '' : formatDateTime(c.lastMessageAt, locale)} · {c.status === 'closed' ? t('filters.closed') : t('filters.open')}
            </span>
          </button>
        </li>
      ))}
    </ul>
  );
}
