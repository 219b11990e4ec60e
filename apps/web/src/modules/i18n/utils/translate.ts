import { de, type Catalogue, type MessageKey } from '../messages/de.js';
import { en } from '../messages/en.js';

export const LOCALES = ['de', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'de';

export const LOCALE_NAMES: Record<Locale, string> = { de: 'Deutsch', en: 'English' };

const CATALOGUES: Record<Locale, Catalogue> = { de, en };

export type TranslateParams = Record<string, string | number>;
export type Translate = (key: MessageKey, params?: TranslateParams) => string;

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/**
 * Looks the key up and fills `{name}` placeholders. The result is a plain string that React renders
 * as text, so a customer's name in a parameter can never become markup.
 */
export function translate(locale: Locale, key: MessageKey, params?: TranslateParams): string {
  const template = CATALOGUES[locale][key];
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (match, name: string) => {
    const value = params[name];
    return value === undefined ? match : String(value);
  });
}
