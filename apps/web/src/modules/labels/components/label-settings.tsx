import { useState } from 'react';
import type { Label } from '@valeo/contracts';
import { useI18n } from '../../i18n/hooks/use-i18n.js';
import { useCreateLabel, useEditLabel, useLabels } from '../hooks/use-labels.js';
import { LABEL_PALETTE } from '../utils/label-color.js';
import { LabelChip } from './label-chips.js';
import { LabelForm } from './label-form.js';

/** Admins' and supervisors' part of the settings page: the tenant's labels, added, renamed, recoloured, deleted. */
export function LabelSettings() {
  const { t } = useI18n();
  const labels = useLabels();
  const create = useCreateLabel();
  return (
    <section className="settings-section" aria-labelledby="label-settings-title">
      <h2 id="label-settings-title">{t('labels.title')}</h2>
      <p className="muted small">{t('labels.explain')}</p>
      {labels.isPending ? <p className="muted">{t('common.loading')}</p> : null}
      {labels.isError ? <p role="alert">{t('common.loadError')}</p> : null}
      {labels.data?.data.length === 0 ? <p className="muted">{t('labels.none')}</p> : null}
      <ul className="label-settings-list">
        {(labels.data?.data ?? []).map((label) => <LabelRow key={label.id} label={label} />)}
      </ul>
      <h3>{t('labels.create')}</h3>
      <LabelForm
        initial={{ name: '', color: LABEL_PALETTE[0] }}
        submitLabel={t('labels.create')}
        pending={create.isPending}
        error={create.error}
        onSubmit={(draft, reset) => create.mutate(draft, { onSuccess: reset })}
      />
    </section>
  );
}

function LabelRow({ label }: { label: Label }) {
  const { t } = useI18n();
  const [editing, setEditing] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const { update, remove } = useEditLabel();
  if (editing) {
    return (
      <li className="label-settings-row">
        <LabelForm
          initial={{ name: label.name, color: label.color }}
          submitLabel={t('contact.save')}
          pending={update.isPending}
          error={update.error}
          onCancel={() => setEditing(false)}
          onSubmit={(draft) => update.mutate({ id: label.id, changes: draft }, { onSuccess: () => setEditing(false) })}
        />
      </li>
    );
  }
  return (
    <li className="label-settings-row">
      <LabelChip label={label} />
      <span className="form-actions">
        <button type="button" className="button button-small" aria-label={t('labels.editOne', { name: label.name })} onClick={() => setEditing(true)}>
          {t('contact.edit')}
        </button>
        {confirming ? (
          <>
            <button type="button" className="button button-small" disabled={remove.isPending} onClick={() => remove.mutate(label.id)}>
              {t('labels.deleteConfirm', { name: label.name })}
            </button>
            <button type="button" className="button button-small" onClick={() => setConfirming(false)}>
              {t('contact.cancel')}
            </button>
          </>
        ) : (
          <button type="button" className="button button-small" aria-label={t('labels.deleteOne', { name: label.name })} onClick={() => setConfirming(true)}>
            {t('labels.delete')}
          </button>
        )}
      </span>
      {remove.isError ? <p className="work-error" role="alert">{t('labels.failed')}</p> : null}
    </li>
  );
}
