import { useState, type FormEvent } from 'react';
import { LABEL_NAME_MAX_LENGTH } from '@valeo/contracts';
import { ApiError } from '../../../lib/api-client.js';
import { useI18n } from '../../i18n/hooks/use-i18n.js';
import { useCreateLabel, useToggleLabel, type LabelTarget } from '../hooks/use-labels.js';
import { LABEL_PALETTE } from '../utils/label-color.js';

export type NewLabelFormProps = { target: LabelTarget; targetId: string };

/** Creates a label and attaches it to the target at once. */
export function NewLabelForm({ target, targetId }: NewLabelFormProps) {
  const { t } = useI18n();
  const [name, setName] = useState('');
  const [color, setColor] = useState<string>(LABEL_PALETTE[0]);
  const create = useCreateLabel();
  const attach = useToggleLabel(target, targetId);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (name.trim() === '') return;
    create.mutate(
      { name: name.trim(), color },
      {
        onSuccess: (label) => {
          setName('');
          attach.mutate({ labelId: label.id, attach: true });
        },
      },
    );
  };
  const taken = create.error instanceof ApiError && create.error.status === 409;
  return (
    <form className="new-label-form" onSubmit={submit}>
      <input
        type="text"
        value={name}
        maxLength={LABEL_NAME_MAX_LENGTH}
        aria-label={t('labels.newName')}
        placeholder={t('labels.newName')}
        onChange={(event) => setName(event.target.value)}
      />
      <input type="color" value={color} aria-label={t('labels.color')} onChange={(event) => setColor(event.target.value)} />
      <button type="submit" className="button button-small" disabled={create.isPending || name.trim() === ''}>
        {t('labels.create')}
      </button>
      {create.isError ? <p className="work-error" role="alert">{taken ? t('labels.nameTaken') : t('labels.invalid')}</p> : null}
    </form>
  );
}
