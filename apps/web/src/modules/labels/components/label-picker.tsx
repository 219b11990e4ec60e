import { useId, useState } from 'react';
import type { Label } from '@valeo/contracts';
import { useI18n } from '../../i18n/hooks/use-i18n.js';
import { useLabels, useToggleLabel, type LabelTarget } from '../hooks/use-labels.js';
import { LabelChip } from './label-chips.js';
import { NewLabelForm } from './new-label-form.js';

export type LabelPickerProps = {
  target: LabelTarget;
  targetId: string;
  /** The labels the target carries now. */
  attached: readonly Label[];
  /** Admins and supervisors may also create a label here. */
  canCreate: boolean;
};

/** A button that opens the tenant's labels as checkboxes: ticking attaches, unticking detaches. */
export function LabelPicker({ target, targetId, attached, canCreate }: LabelPickerProps) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const panelId = useId();
  return (
    <span className="label-picker">
      <button type="button" className="button button-small" aria-expanded={open} aria-controls={panelId} onClick={() => setOpen(!open)}>
        {t('labels.edit')}
      </button>
      {open ? (
        <div id={panelId} className="label-picker-panel" role="group" aria-label={t('labels.title')}>
          <LabelOptions target={target} targetId={targetId} attached={attached} />
          {canCreate ? <NewLabelForm target={target} targetId={targetId} /> : null}
          <button type="button" className="button button-small" onClick={() => setOpen(false)}>
            {t('labels.done')}
          </button>
        </div>
      ) : null}
    </span>
  );
}

function LabelOptions({ target, targetId, attached }: Omit<LabelPickerProps, 'canCreate'>) {
  const { t } = useI18n();
  const labels = useLabels();
  const toggle = useToggleLabel(target, targetId);
  if (labels.isPending) return <p className="muted small">{t('common.loading')}</p>;
  if (labels.isError) return <p className="muted small" role="alert">{t('common.loadError')}</p>;
  const attachedIds = new Set(attached.map((l) => l.id));
  const all = labels.data.data;
  return (
    <>
      {all.length === 0 ? <p className="muted small">{t('labels.none')}</p> : null}
      <ul className="label-options">
        {all.map((label) => (
          <li key={label.id}>
            <label className="label-option">
              <input
                type="checkbox"
                checked={attachedIds.has(label.id)}
                disabled={toggle.isPending}
                onChange={(event) => toggle.mutate({ labelId: label.id, attach: event.target.checked })}
              />
              <LabelChip label={label} />
            </label>
          </li>
        ))}
      </ul>
      {toggle.isError ? <p className="work-error" role="alert">{t('labels.failed')}</p> : null}
    </>
  );
}

