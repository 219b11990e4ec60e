import { useI18n } from '../../i18n/hooks/use-i18n.js';
import { useLabels } from '../hooks/use-labels.js';

export type LabelFilterProps = { value: string | null; onChange: (labelId: string | null) => void };

/** "All labels" or one label, for the conversation list. Hidden while the tenant has no labels. */
export function LabelFilter({ value, onChange }: LabelFilterProps) {
  const { t } = useI18n();
  const labels = useLabels();
  const all = labels.data?.data ?? [];
  if (all.length === 0 && value === null) return null;
  return (
    <select className="filter-label" aria-label={t('labels.filter')} value={value ?? ''} onChange={(event) => onChange(event.target.value === '' ? null : event.target.value)}>
      <option value="">{t('labels.all')}</option>
      {all.map((label) => (
        <option key={label.id} value={label.id}>
          {label.name}
        </option>
      ))}
    </select>
  );
}
