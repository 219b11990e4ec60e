import { useContext } from 'react';
import { I18nContext, type I18nContextValue } from '../components/i18n-provider.js';

export function useI18n(): I18nContextValue {
  const value = useContext(I18nContext);
  if (value === null) throw new Error('useI18n needs an <I18nProvider> above it');
  return value;
}
