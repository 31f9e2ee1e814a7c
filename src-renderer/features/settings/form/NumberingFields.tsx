import { Select, SimpleGrid, Text } from '@mantine/core';
import { TextInput } from '@mantine/core';
import { DOCUMENT_NUMBER_MAX } from '../../../../src-shared/contract';
import { sampleDocumentNumber } from '../settingsFormValues';
import type { SettingsFormApi } from './settingsFormApi';

const MONTHS = Array.from({ length: 12 }, (_, i) => ({
  value: String(i + 1),
  label: new Date(Date.UTC(2026, i, 1)).toLocaleString('en-GB', { month: 'long', timeZone: 'UTC' }),
}));
export const DIGITS = ['3', '4', '5', '6', '7', '8'].map((d) => ({ value: d, label: `${d} digits` }));

/** What the first number of this year will look like, and its length against GST's limit. */
export function NumberExample({ kind, number }: { kind: string; number: string | null }) {
  if (number === null) return null;
  const tooLong = number.length > DOCUMENT_NUMBER_MAX;
  return (
    <Text size="sm" c={tooLong ? 'red' : undefined} aria-live="polite">
      {kind} look like <strong data-testid={`${kind.toLowerCase().replace(' ', '-')}-example`}>{number}</strong>{' '}
      <Text span size="sm" c={tooLong ? 'red' : 'dimmed'}>
        ({number.length} of at most {DOCUMENT_NUMBER_MAX} characters)
      </Text>
    </Text>
  );
}

/** How invoices and credit notes are numbered: a prefix with the year, and a number that restarts each year. */
export function NumberingFields({ form }: { form: SettingsFormApi }) {
  const { values, errors, set, field } = form;
  const sample = (prefix: string, digits: string) =>
    sampleDocumentNumber(prefix, digits, values.fyStartMonth, values.timeZone);
  const prefixHelp = 'Letters, digits, / and -; {FY} becomes the year';
  return (
    <>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Select
          label="Financial year starts in"
          description="April for India (April to March)"
          data={MONTHS}
          allowDeselect={false}
          value={values.fyStartMonth}
          error={errors.fyStartMonth}
          onChange={(month) => month && set('fyStartMonth', month)}
        />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput label="Invoice prefix" description={prefixHelp} {...field('invoicePrefix')} />
        <Select
          label="Invoice number digits"
          description="Zero-padded: 5 digits gives 00042"
          data={DIGITS}
          allowDeselect={false}
          value={values.invoiceDigits}
          error={errors.invoiceDigits}
          onChange={(digits) => digits && set('invoiceDigits', digits)}
        />
      </SimpleGrid>
      <NumberExample kind="Invoices" number={sample(values.invoicePrefix, values.invoiceDigits)} />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput label="Credit note prefix" description={prefixHelp} {...field('creditNotePrefix')} />
        <Select
          label="Credit note number digits"
          description="Credit notes are numbered on their own"
          data={DIGITS}
          allowDeselect={false}
          value={values.creditNoteDigits}
          error={errors.creditNoteDigits}
          onChange={(digits) => digits && set('creditNoteDigits', digits)}
        />
      </SimpleGrid>
      <NumberExample kind="Credit notes" number={sample(values.creditNotePrefix, values.creditNoteDigits)} />
    </>
  );
}
