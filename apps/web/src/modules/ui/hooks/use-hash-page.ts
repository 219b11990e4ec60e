import { useSyncExternalStore } from 'react';

/** The app's pages, by URL hash: `#/settings` is the settings page, anything else the inbox (`#/c/<id>`). */
export type AppPage = 'inbox' | 'settings';

export const SETTINGS_HASH = '#/settings';
export const INBOX_HASH = '#/';

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

function readPage(): AppPage {
  return window.location.hash === SETTINGS_HASH ? 'settings' : 'inbox';
}

/** Which page the hash names; links (`<a href="#/settings">`) switch pages and the back button returns. */
export function useHashPage(): AppPage {
  return useSyncExternalStore(subscribe, readPage, () => 'inbox');
}
