import { useCallback, useSyncExternalStore } from 'react';

const PREFIX = '#/c/';

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

function readSelected(): string | null {
  const hash = window.location.hash;
  if (!hash.startsWith(PREFIX)) return null;
  try {
    const id = decodeURIComponent(hash.slice(PREFIX.length));
    return id === '' ? null : id;
  } catch {
    return null;
  }
}

/**
 * The open conversation lives in the URL hash (`#/c/<id>`): a reload keeps it, and the phone's back
 * button returns from the chat to the list.
 */
export function useSelectedConversation(): [string | null, (id: string | null) => void] {
  const selected = useSyncExternalStore(subscribe, readSelected, () => null);
  const select = useCallback((id: string | null) => {
    window.location.hash = id === null ? '#/' : `${PREFIX}${encodeURIComponent(id)}`;
  }, []);
  return [selected, select];
}
