import { useCallback } from 'react';
import { USER_ROLES, USER_STATUSES, type UserRole, type UserStatus } from '@valeo/contracts';
import { useI18n } from '../../i18n/hooks/use-i18n.js';
import { DebouncedSearch } from '../../ui/components/debounced-search.js';
import type { UserListFilters } from '../hooks/use-users.js';

/** The server's bound on `q`. */
const QUERY_MAX_LENGTH = 100;

export type UserFiltersProps = { value: UserListFilters; onChange: (filters: UserListFilters) => void };

/** Search (name or e-mail, asked once typing pauses), role and status above the user list. */
export function UserFilters({ value, onChange }: UserFiltersProps) {
  const { t } = useI18n();
  const search = useCallback((q: string) => {
    if (q !== value.q) onChange({ ...value, q });
  }, [value, onChange]);
  return (
    <div className="user-filters" role="search">
      <DebouncedSearch
        className="user-search"
        label={t('users.search.label')}
        placeholder={t('users.search.placeholder')}
        maxLength={QUERY_MAX_LENGTH}
        initial={value.q}
        onSearch={search}
      />
      <select aria-label={t('users.filter.role')} value={value.role ?? ''} onChange={(e) => onChange({ ...value, role: (e.target.value || undefined) as UserRole | undefined })}>
        <option value="">{t('users.filter.allRoles')}</option>
        {USER_ROLES.map((role) => (
          <option key={role} value={role}>
            {t(`role.${role}`)}
          </option>
        ))}
      </select>
      <select aria-label={t('users.filter.status')} value={value.status ?? ''} onChange={(e) => onChange({ ...value, status: (e.target.value || undefined) as UserStatus | undefined })}>
        <option value="">{t('users.filter.allStates')}</option>
        {USER_STATUSES.map((status) => (
          <option key={status} value={status}>
            {t(status === 'active' ? 'users.active' : 'users.inactive')}
          </option>
        ))}
      </select>
    </div>
  );
}
