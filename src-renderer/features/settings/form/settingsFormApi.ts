import type { SettingsFormValues } from '../settingsFormValues';

export type TextField = {
  [K in keyof SettingsFormValues]: SettingsFormValues[K] extends string ? K : never;
}[keyof SettingsFormValues];

/** What each section of the settings form needs: the values, their errors, and how to change one. */
export interface SettingsFormApi {
  values: SettingsFormValues;
  errors: Record<string, string>;
  set: <K extends keyof SettingsFormValues>(name: K, value: SettingsFormValues[K]) => void;
  /** Props for a text input bound to `name`: value, error and onChange. */
  field: (name: TextField) => {
    value: string;
    error: string | undefined;
    onChange: (event: { currentTarget: { value: string } }) => void;
  };
}
