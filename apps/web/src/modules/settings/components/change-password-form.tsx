import { useState, type FormEvent } from 'react';
import { PASSWORD_MIN_LENGTH } from '@valeo/contracts';
import { useI18n } from '../../i18n/hooks/use-i18n.js';
import { userErrorKey } from '../../users/utils/user-error-key.js';
import { useChangePassword } from '../hooks/use-change-password.js';

/** The own password: the current one, the new one twice. Other sessions end; this one stays. */
export function ChangePasswordForm() {
  const { t } = useI18n();
  const change = useChangePassword();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const tooShort = next !== '' && next.length < PASSWORD_MIN_LENGTH;
  const mismatch = repeat !== '' && repeat !== next;
  const canSubmit = current !== '' && next.length >= PASSWORD_MIN_LENGTH && repeat === next && !change.isPending;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!canSubmit) return;
    change.mutate({ currentPassword: current, newPassword: next }, {
      onSuccess: () => {
        setCurrent('');
        setNext('');
        setRepeat('');
      },
    });
  }

  return (
    <form className="settings-form" onSubmit={submit} aria-label={t('settings.password.title')} noValidate>
      <label className="field">
        <span>{t('settings.password.current')}</span>
        <input type="password" autoComplete="current-password" value={current} onChange={(e) => setCurrent(e.target.value)} />
      </label>
      <label className="field">
        <span>{t('settings.password.new')}</span>
        <input type="password" autoComplete="new-password" value={next} onChange={(e) => setNext(e.target.value)} aria-invalid={tooShort} />
      </label>
      <label className="field">
        <span>{t('settings.password.repeat')}</span>
        <input type="password" autoComplete="new-password" value={repeat} onChange={(e) => setRepeat(e.target.value)} aria-invalid={mismatch} />
      </label>
      <p className="muted small">{t('settings.password.rule', { min: PASSWORD_MIN_LENGTH })}</p>
      {mismatch ? <p className="form-error">{t('settings.password.mismatch')}</p> : null}
      {change.isError ? <p className="form-error" role="alert">{t(userErrorKey(change.error))}</p> : null}
      {change.isSuccess ? <p className="form-success" role="status">{t('settings.password.changed')}</p> : null}
      <button type="submit" className="button button-primary" disabled={!canSubmit}>
        {t('settings.password.submit')}
      </button>
    </form>
  );
}
