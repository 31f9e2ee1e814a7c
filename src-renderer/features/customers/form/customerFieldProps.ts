import type { CustomerFormValues } from '../customerFormValues';

/** What each section of the customer form gets: the values, the errors, and a setter. */
export interface CustomerFieldsProps {
  values: CustomerFormValues;
  errors: Record<string, string>;
  set: <K extends keyof CustomerFormValues>(field: K, value: CustomerFormValues[K]) => void;
}

/** Props for a plain text input bound to one field. */
export function textField(
  { values, errors, set }: CustomerFieldsProps,
  field: Exclude<keyof CustomerFormValues, 'phones' | 'connectionType' | 'planId' | 'placeOfSupply'>,
) {
  return {
    value: values[field],
    error: errors[field],
    onChange: (event: { currentTarget: { value: string } }) => set(field, event.currentTarget.value),
  };
}
