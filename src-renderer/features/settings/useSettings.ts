import { useContext } from 'react';
import { SettingsContext, type SettingsContextValue } from './settingsContext';

/** The company settings (currency, locale, name…) loaded once at start-up. */
export function useSettings(): SettingsContextValue {
  const value = useContext(SettingsContext);
  if (!value) throw new Error('useSettings must be used inside <SettingsProvider>');
  return value;
}
