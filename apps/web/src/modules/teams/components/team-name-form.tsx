import { useState, type FormEvent } from 'react';
import { TEAM_NAME_MAX_LENGTH } from '@valeo/contracts';
import { ApiError } from '../../../lib/api-client.js';
import { useI18n } from '../../i18n/hooks/use-i18n.js';

export type TeamNameFormProps = {
  initial: string;
  submitLabel: string;
  pending: boolean;
  error: Error | null;
  onSubmit: (name: string, reset: () => void) => void;
  onCancel?: () => void;
};

/** A team's name, for creating or renaming one; a taken name (409) says so. */
export function TeamNameForm({ initial, submitLabel, pending, error, onSubmit, onCancel }: TeamNameFormProps) {
  const { t } = useI18n();
  const [name, setName] = useState(initial);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (name.trim() === '') return;
    onSubmit(name.trim(), () => setName(initial));
  };
  const taken = error instanceof ApiError && error.status === 409;
  return (
    <form className="team-name-form" onSubmit={submit}>
      <input type="text" value={name} maxLength={TEAM_NAME_MAX_LENGTH} aria-label={t('teams.newName')} placeholder={t('teams.newName')} onChange={(e) => setName(e.target.value)} />
      <button type="submit" className="button button-small" disabled={pending || name.trim() === ''}>
        {submitLabel}
      </button>
      {onCancel ? (
        <button type="button" className="button button-small" onClick={onCancel}>
          {t('contact.cancel')}
        </button>
      ) : null}
      {error ? <p className="work-error" role="alert">{taken ? t('teams.nameTaken') : t('teams.invalid')}</p> : null}
    </form>
  );
}
