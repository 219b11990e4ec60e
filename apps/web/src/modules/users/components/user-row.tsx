import { useState, type FormEvent } from 'react';
import { PASSWORD_MIN_LENGTH, USER_ROLES, type User, type UserRole } from '@valeo/contracts';
import { useI18n } from '../../i18n/hooks/use-i18n.js';
import { useUpdateUser } from '../hooks/use-users.js';
import { userErrorKey } from '../utils/user-error-key.js';

export type UserRowProps = { user: User; isSelf: boolean };

/** One colleague: role, active state and a password reset; an admin's own row cannot deactivate itself. */
export function UserRow({ user, isSelf }: UserRowProps) {
  const { t } = useI18n();
  const update = useUpdateUser();
  const [resetting, setResetting] = useState(false);

  return (
    <li className={user.active ? 'user-row' : 'user-row user-inactive'} data-user-id={user.id}>
      <div className="user-identity">
        <span className="user-name">
          {user.name}
          {isSelf ? <span className="muted small"> ({t('users.you')})</span> : null}
        </span>
        <span className="muted small">{user.email}</span>
        <span className={user.active ? 'user-state user-state-active' : 'user-state user-state-inactive'}>
          {user.active ? t('users.active') : t('users.inactive')}
        </span>
      </div>
      <div className="user-actions">
        <select
          aria-label={t('users.roleOf', { name: user.name })}
          value={user.role}
          disabled={update.isPending}
          onChange={(e) => update.mutate({ id: user.id, changes: { role: e.target.value as UserRole } })}
        >
          {USER_ROLES.map((role) => (
            <option key={role} value={role}>
              {t(`role.${role}`)}
            </option>
          ))}
        </select>
        <button
          type="button"
          className="button button-small"
          disabled={isSelf || update.isPending}
          onClick={() => update.mutate({ id: user.id, changes: { active: !user.active } })}
        >
          {user.active ? t('users.deactivate') : t('users.reactivate')}
        </button>
        <button type="button" className="button button-small" aria-expanded={resetting} onClick={() => setResetting(!resetting)}>
          {t('users.resetPassword')}
        </button>
      </div>
      {resetting ? <ResetPasswordForm user={user} update={update} onDone={() => setResetting(false)} /> : null}
      {update.isError ? <p className="form-error" role="alert">{t(userErrorKey(update.error))}</p> : null}
    </li>
  );
}

type ResetPasswordFormProps = { user: User; update: ReturnType<typeof useUpdateUser>; onDone: () => void };

/** An admin sets a new password for a colleague (who is signed out everywhere). */
function ResetPasswordForm({ user, update, onDone }: ResetPasswordFormProps) {
  const { t } = useI18n();
  const [password, setPassword] = useState('');

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (password.length < PASSWORD_MIN_LENGTH) return;
    update.mutate({ id: user.id, changes: { password } }, { onSuccess: onDone });
  }

  return (
    <form className="user-reset" onSubmit={submit} aria-label={t('users.resetPasswordOf', { name: user.name })} noValidate>
      <label className="field">
        <span>{t('settings.password.new')}</span>
        <input type="password" autoComplete="new-password" value={password} onChange={(e) => setPassword(e.target.value)} />
      </label>
      <button type="submit" className="button button-small button-primary" disabled={password.length < PASSWORD_MIN_LENGTH || update.isPending}>
        {t('users.resetPasswordSubmit')}
      </button>
    </form>
  );
}
