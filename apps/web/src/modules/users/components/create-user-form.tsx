import { useState, type FormEvent } from 'react';
import { PASSWORD_MIN_LENGTH, USER_ROLES, type UserRole } from '@valeo/contracts';
import { useI18n } from '../../i18n/hooks/use-i18n.js';
import { useCreateUser } from '../hooks/use-users.js';
import { userErrorKey } from '../utils/user-error-key.js';

const EMPTY = { email: '', name: '', password: '', role: 'agent' as UserRole };

/** Invites a colleague: address, name, role and an initial password the admin passes on. */
export function CreateUserForm() {
  const { t } = useI18n();
  const create = useCreateUser();
  const [form, setForm] = useState(EMPTY);
  const canSubmit = form.email.includes('@') && form.name.trim() !== '' && form.password.length >= PASSWORD_MIN_LENGTH && !create.isPending;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!canSubmit) return;
    create.mutate({ ...form, email: form.email.trim(), name: form.name.trim() }, { onSuccess: () => setForm(EMPTY) });
  }

  return (
    <form className="settings-form create-user-form" onSubmit={submit} aria-label={t('users.create.title')} noValidate>
      <label className="field">
        <span>{t('users.email')}</span>
        <input type="email" autoComplete="off" value={form.email} onChange={(e) => setForm({ ...form, email: e.target.value })} />
      </label>
      <label className="field">
        <span>{t('users.name')}</span>
        <input type="text" autoComplete="off" value={form.name} onChange={(e) => setForm({ ...form, name: e.target.value })} />
      </label>
      <label className="field">
        <span>{t('users.role')}</span>
        <select value={form.role} onChange={(e) => setForm({ ...form, role: e.target.value as UserRole })}>
          {USER_ROLES.map((role) => (
            <option key={role} value={role}>
              {t(`role.${role}`)}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span>{t('users.create.password')}</span>
        <input type="password" autoComplete="new-password" value={form.password} onChange={(e) => setForm({ ...form, password: e.target.value })} />
      </label>
      <p className="muted small">{t('settings.password.rule', { min: PASSWORD_MIN_LENGTH })}</p>
      {create.isError ? <p className="form-error" role="alert">{t(userErrorKey(create.error))}</p> : null}
      {create.isSuccess ? <p className="form-success" role="status">{t('users.create.done', { name: create.data.name })}</p> : null}
      <button type="submit" className="button button-primary" disabled={!canSubmit}>
        {t('users.create.submit')}
      </button>
    </form>
  );
}
