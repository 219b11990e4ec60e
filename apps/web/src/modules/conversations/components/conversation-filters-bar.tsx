import { useI18n } from '../../i18n/hooks/use-i18n.js';
import { useChannelOptions } from '../hooks/use-work-lookups.js';
import { ASSIGNEE_TABS, type ConversationFilters } from '../utils/conversation-filters.js';
import { LabelFilter } from '../../labels/components/label-filter.js';
import { TeamFilter } from '../../teams/components/team-filter.js';
import { ConversationSearchBox } from './conversation-search-box.js';

export type ConversationFiltersBarProps = {
  filters: ConversationFilters;
  onChange: (filters: ConversationFilters) => void;
};

const TAB_LABELS = { me: 'filters.mine', unassigned: 'filters.unassigned', all: 'filters.all' } as const;
const STATUS_LABELS = { open: 'filters.open', closed: 'filters.closed' } as const;

/** Mine / Unassigned / All, open or closed, which number, team and label. */
export function ConversationFiltersBar({ filters, onChange }: ConversationFiltersBarProps) {
  const { t } = useI18n();
  const channels = useChannelOptions();
  const channelList = channels.data?.data ?? [];
  return (
    <div className="conversation-filters">
      <ConversationSearchBox value={filters.q} onSearch={(q) => onChange({ ...filters, q })} />
      <div className="filter-tabs" role="group" aria-label={t('filters.assignee')}>
        {ASSIGNEE_TABS.map((tab) => (
          <button
            key={tab}
            type="button"
            className="filter-tab"
            aria-pressed={filters.assignee === tab}
            onClick={() => onChange({ ...filters, assignee: tab })}
          >
            {t(TAB_LABELS[tab])}
          </button>
        ))}
      </div>
      <div className="filter-row">
        <div className="filter-status" role="group" aria-label={t('filters.status')}>
          {(['open', 'closed'] as const).map((status) => (
            <button
              key={status}
              type="button"
              className="filter-tab filter-tab-small"
              aria-pressed={filters.status === status}
              onClick={() => onChange({ ...filters, status })}
            >
              {t(STATUS_LABELS[status])}
            </button>
          ))}
        </div>
        {channelList.length > 1 ? (
          <select
            className="filter-channel"
            aria-label={t('filters.channel')}
            value={filters.channelId ?? ''}
            onChange={(event) => onChange({ ...filters, channelId: event.target.value === '' ? null : event.target.value })}
          >
            <option value="">{t('filters.allChannels')}</option>
            {channelList.map((channel) => (
              <option key={channel.id} value={channel.id}>
                {channel.name} ({channel.displayPhoneNumber})
              </option>
            ))}
          </select>
        ) : null}
        <TeamFilter value={filters.team} onChange={(team) => onChange({ ...filters, team })} />
        <LabelFilter value={filters.labelId} onChange={(labelId) => onChange({ ...filters, labelId })} />
      </div>
    </div>
  );
}
