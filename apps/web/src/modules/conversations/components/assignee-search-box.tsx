import './assignee-search.css';
import { useI18n } from '../../i18n/hooks/use-i18n.js';
import { DebouncedSearch } from '../../ui/components/debounced-search.js';

export type AssigneeSearchBoxProps = { label: string; onSearch: (q: string) => void };

/** Typing part of a colleague's name narrows a picker (`useAssigneeSearch`). */
export function AssigneeSearchBox({ label, onSearch }: AssigneeSearchBoxProps) {
  const { t } = useI18n();
  return <DebouncedSearch className="assign-select assignee-search" label={label} placeholder={t('people.searchPlaceholder')} maxLength={100} onSearch={onSearch} />;
}

/** The last, unselectable line of a picker: nobody matched, or more matched than are shown. */
export function PickerHint({ query, found, more }: { query: string; found: number; more: boolean }) {
  const { t } = useI18n();
  if (more) return <option value="-more" disabled>{t('people.more')}</option>;
  if (query !== '' && found === 0) return <option value="-none" disabled>{t('people.noMatch')}</option>;
  return null;
}
