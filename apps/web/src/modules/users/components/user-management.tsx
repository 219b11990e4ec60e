import { useState } from 'react';
import '../users.css';
import { useI18n } from '../../i18n/hooks/use-i18n.js';
import { useUsers, type UserListFilters } from '../hooks/use-users.js';
import { CreateUserForm } from './create-user-form.js';
import { UserFilters } from './user-filters.js';
import { UserRow } from './user-row.js';

export type UserManagementProps = { currentUserId: string };

/**
 * The admin's part of the settings page: the tenant's users — searched, filtered and loaded a page
 * at a time, however many there are — and a form to add one.
 */
export function UserManagement({ currentUserId }: UserManagementProps) {
  const { t } = useI18n();
  const [filters, setFilters] = useState<UserListFilters>({ q: '' });
  const users = useUsers(filters);
  const rows = users.data?.pages.flatMap((page) => page.data) ?? [];
  const narrowed = filters.q !== '' || filters.role !== undefined || filters.status !== undefined;
  return (
    <section className="settings-section" aria-labelledby="users-title">
      <h2 id="users-title">{t('users.title')}</h2>
      <UserFilters value={filters} onChange={setFilters} />
      {users.isPending ? <p className="muted">{t('common.loading')}</p> : null}
      {users.isError && !users.isFetchNextPageError ? (
        <div role="alert">
          <p>{t('common.loadError')}</p>
          <button type="button" className="button" onClick={() => void users.refetch()}>
            {t('common.retry')}
          </button>
        </div>
      ) : null}
      {users.data && rows.length === 0 ? <p className="muted">{narrowed ? t('users.noMatch') : t('users.none')}</p> : null}
      {rows.length > 0 ? (
        <ul className="user-list" aria-label={t('users.title')} aria-busy={users.isPlaceholderData}>
          {rows.map((user) => (
            <UserRow key={user.id} user={user} isSelf={user.id === currentUserId} />
          ))}
        </ul>
      ) : null}
      <div className="user-list-footer">
        {users.data ? <span className="muted small" role="status">{t('users.shown', { count: rows.length })}</span> : null}
        {users.hasNextPage ? (
          <button type="button" className="button button-small" disabled={users.isFetchingNextPage} onClick={() => void users.fetchNextPage()}>
            {users.isFetchingNextPage ? t('common.loading') : t('users.loadMore')}
          </button>
        ) : null}
        {users.isFetchNextPageError ? <span className="form-error" role="alert">{t('common.loadError')}</span> : null}
      </div>
      <h3>{t('users.create.title')}</h3>
      <CreateUserForm />
    </section>
  );
}
