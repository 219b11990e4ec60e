import { useEffect, useState } from 'react';
import { useI18n } from '../../i18n/hooks/use-i18n.js';
import { useDebouncedValue } from '../../ui/hooks/use-debounced-value.js';

export type ConversationSearchBoxProps = { value: string; onSearch: (q: string) => void };

/** Search across message text, captions, names and numbers; asks the server once typing pauses. */
export function ConversationSearchBox({ value, onSearch }: ConversationSearchBoxProps) {
  const { t } = useI18n();
  const [text, setText] = useState(value);
  const settled = useDebouncedValue(text, 300);
  useEffect(() => {
    if (settled.trim() !== value) onSearch(settled.trim());
  }, [settled, value, onSearch]);
  return (
    <input
      type="search"
      className="conversation-search"
      value={text}
      maxLength={200}
      placeholder={t('search.placeholder')}
      aria-label={t('search.label')}
      onChange={(event) => setText(event.target.value)}
    />
  );
}
