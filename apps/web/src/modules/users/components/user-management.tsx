import { useI18n } from '../../i18n/hooks/use-i18n.js';
import { useUsers } from '../hooks/use-users.js';
import { CreateUserForm } from './create-user-form.js';
import { UserRow } from './user-row.js';

export type UserManagementProps = { currentUserId: string };

/** The admin's part of the settings page: the tenant's users and a form to add one. */
export function UserManagement({ currentUserId }: UserManagementProps) {
  const { t } = useI18n();
  const users = useUsers();
  return (
    <section className="settings-section" aria-labelledby="users-title">
      <h2 id="users-title">{t('users.title')}</h2>
      {users.isPending ? <p className="muted">{t('common.loading')}</p> : null}
      {users.isError ? (
        <div role="alert">
          <p>{t('common.loadError')}</p>
          <button type="button" className="button" onClick={() => void users.refetch()}>
            {t('common.retry')}
          </button>
        </div>
      ) : null}
      {users.data ? (
        <ul className="user-list" aria-label={t('users.title')}>
          {users.data.data.map((user) => (
            <UserRow key={user.id} user={user} isSelf={user.id === currentUserId} />
          ))}
        </ul>
      ) : null}
      <h3>{t('users.create.title')}</h3>
      <CreateUserForm />
    </section>
  );
}
