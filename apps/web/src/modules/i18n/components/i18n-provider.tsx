import { createContext, useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { MessageKey } from '../messages/de.js';
import { loadLocale, saveLocale } from '../utils/locale-storage.js';
import { translate, type Locale, type Translate, type TranslateParams } from '../utils/translate.js';

export type I18nContextValue = {
  locale: Locale;
  setLocale: (locale: Locale) => void;
  t: Translate;
};

export const I18nContext = createContext<I18nContextValue | null>(null);

export type I18nProviderProps = {
  children: ReactNode;
  /** Tests pin a language; the app reads the saved choice (German by default). */
  initialLocale?: Locale;
};

export function I18nProvider({ children, initialLocale }: I18nProviderProps) {
  const [locale, setLocaleState] = useState<Locale>(() => initialLocale ?? loadLocale());

  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);

  const setLocale = useCallback((next: Locale) => {
    saveLocale(next);
    setLocaleState(next);
  }, []);

  const value = useMemo<I18nContextValue>(
    () => ({ locale, setLocale, t: (key: MessageKey, params?: TranslateParams) => translate(locale, key, params) }),
    [locale, setLocale],
  );
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}
