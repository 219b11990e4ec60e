import { DEFAULT_LOCALE, isLocale, type Locale } from './translate.js';

const STORAGE_KEY = 'valeo.locale';

/** The saved choice; German when none is saved or storage is unavailable (private mode). */
export function loadLocale(): Locale {
  try {
    const saved = globalThis.localStorage?.getItem(STORAGE_KEY);
    return isLocale(saved) ? saved : DEFAULT_LOCALE;
  } catch {
    return DEFAULT_LOCALE;
  }
}

export function saveLocale(locale: Locale): void {
  try {
    globalThis.localStorage?.setItem(STORAGE_KEY, locale);
  } catch {
    // Not persisted; the choice still holds for this tab.
  }
}
