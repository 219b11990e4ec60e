import { useEffect, useState } from 'react';
import { useDebouncedValue } from '../hooks/use-debounced-value.js';

export type DebouncedSearchProps = {
  label: string;
  placeholder: string;
  className: string;
  /** The server's bound on the query. */
  maxLength: number;
  /** Called with the trimmed text once typing pauses (also once on mount); keep it cheap to repeat. */
  onSearch: (text: string) => void;
  initial?: string;
};

/** A search field that reports what was typed once typing pauses: one request per pause, not per key. */
export function DebouncedSearch({ label, placeholder, className, maxLength, onSearch, initial = '' }: DebouncedSearchProps) {
  const [text, setText] = useState(initial);
  const settled = useDebouncedValue(text.trim(), 300);
  useEffect(() => onSearch(settled), [settled, onSearch]);
  return (
    <input
      type="search"
      className={className}
      value={text}
      maxLength={maxLength}
      placeholder={placeholder}
      aria-label={label}
      onChange={(event) => setText(event.target.value)}
    />
  );
}
