import { useState, type FormEvent } from 'react';
import { LABEL_NAME_MAX_LENGTH } from '@valeo/contracts';
import { ApiError } from '../../../lib/api-client.js';
import { useI18n } from '../../i18n/hooks/use-i18n.js';

export type LabelDraft = { name: string; color: string };
export type LabelFormProps = {
  initial: LabelDraft;
  submitLabel: string;
  pending: boolean;
  error: Error | null;
  onSubmit: (draft: LabelDraft, reset: () => void) => void;
  onCancel?: () => void;
};

/** Name and colour of a label, for creating or editing one. */
export function LabelForm({ initial, submitLabel, pending, error, onSubmit, onCancel }: LabelFormProps) {
  const { t } = useI18n();
  const [draft, setDraft] = useState(initial);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (draft.name.trim() === '') return;
    onSubmit({ name: draft.name.trim(), color: draft.color }, () => setDraft(initial));
  };
  const taken = error instanceof ApiError && error.status === 409;
  return (
    <form className="new-label-form" onSubmit={submit}>
      <input
        type="text"
        value={draft.name}
        maxLength={LABEL_NAME_MAX_LENGTH}
        aria-label={t('labels.newName')}
        placeholder={t('labels.newName')}
        onChange={(e) => setDraft({ ...draft, name: e.target.value })}
      />
      <input type="color" value={draft.color} aria-label={t('labels.color')} onChange={(e) => setDraft({ ...draft, color: e.target.value })} />
      <button type="submit" className="button button-small" disabled={pending || draft.name.trim() === ''}>
        {submitLabel}
      </button>
      {onCancel ? (
        <button type="button" className="button button-small" onClick={onCancel}>
          {t('contact.cancel')}
        </button>
      ) : null}
      {error ? <p className="work-error" role="alert">{taken ? t('labels.nameTaken') : t('labels.invalid')}</p> : null}
    </form>
  );
}
