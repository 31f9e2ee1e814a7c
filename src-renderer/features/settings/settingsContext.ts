import { createContext } from 'react';
import type { Settings } from '../../../src-shared/contract';

export interface SettingsContextValue {
  settings: Settings;
  /** Replace the settings after a save, without another round trip. */
  setSettings: (settings: Settings) => void;
  reload: () => void;
}

export const SettingsContext = createContext<SettingsContextValue | null>(null);
