import { useState } from 'react';
import { useI18n } from '../../i18n/hooks/use-i18n.js';
import { useNow } from '../../ui/hooks/use-now.js';
import { useConversations } from '../hooks/use-conversations.js';
import { DEFAULT_FILTERS, type ConversationFilters } from '../utils/conversation-filters.js';
import { ConversationFiltersBar } from './conversation-filters-bar.js';
import { ConversationListItem } from './conversation-list-item.js';

export type ConversationListProps = {
  selectedId: string | null;
  onSelect: (id: string) => void;
};

/** The filters above the conversations they select. */
export function ConversationList(props: ConversationListProps) {
  const [filters, setFilters] = useState<ConversationFilters>(DEFAULT_FILTERS);
  return (
    <>
      <ConversationFiltersBar filters={filters} onChange={setFilters} />
      <FilteredConversations {...props} filters={filters} />
    </>
  );
}

/** Conversations, most recent activity first (the server's order), with unread counts, assignee and window state. */
function FilteredConversations({ selectedId, onSelect, filters }: ConversationListProps & { filters: ConversationFilters }) {
  const { t } = useI18n();
  const now = useNow(30_000);
  const query = useConversations(filters);

  if (query.isPending) return <p className="list-state">{t('common.loading')}</p>;
  if (query.isError) {
    return (
      <div className="list-state" role="alert">
        <p>{t('common.loadError')}</p>
        <button type="button" className="button" onClick={() => void query.refetch()}>
          {t('common.retry')}
        </button>
      </div>
    );
  }
  const conversations = query.data.pages.flatMap((page) => page.data);
  if (conversations.length === 0) {
    const filtered = filters.assignee !== DEFAULT_FILTERS.assignee || filters.status !== DEFAULT_FILTERS.status || filters.channelId !== null || filters.team !== null || filters.labelId !== null || filters.q !== '';
    return <p className="list-state">{filtered ? t('filters.empty') : t('conversations.empty')}</p>;
  }
  return (
    <nav className="conversation-list" aria-label={t('conversations.title')}>
      <ul>
        {conversations.map((conversation) => (
          <ConversationListItem
            key={conversation.id}
            conversation={conversation}
            selected={conversation.id === selectedId}
            now={now}
            onSelect={onSelect}
          />
        ))}
      </ul>
      {query.hasNextPage ? (
        <button type="button" className="button load-more" disabled={query.isFetchingNextPage} onClick={() => void query.fetchNextPage()}>
          {query.isFetchingNextPage ? t('common.loading') : t('conversations.loadMore')}
        </button>
      ) : null}
    </nav>
  );
}
