import { NumberInput, SegmentedControl, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { headerAfter } from './statementLayout';
import { STATEMENT_PRESETS, type StatementLayout } from './statementPresets';

const DATE_FORMATS = [
  { value: 'dmy', label: 'Day first (31/12/2026)' },
  { value: 'mdy', label: 'Month first (12/31/2026)' },
  { value: 'ymd', label: 'Year first (2026-12-31)' },
];

const METHODS = [
  { value: 'bank', label: 'Bank transfer' },
  { value: 'upi', label: 'UPI' },
  { value: 'gateway', label: 'Payment gateway' },
];

type ColumnField = 'date' | 'amount' | 'credit' | 'debit' | 'reference' | 'narration' | 'payer';

/** The columns of a new bank's statement, picked from its header row; the built-in layouts as a start. */
export function StatementLayoutEditor({
  head,
  layout,
  presetId,
  saveAs,
  disabled,
  onLayout,
  onPreset,
  onSaveAs,
}: {
  head: string;
  layout: StatementLayout;
  presetId: string | null;
  saveAs: string;
  disabled: boolean;
  onLayout: (layout: StatementLayout) => void;
  onPreset: (id: string | null) => void;
  onSaveAs: (name: string) => void;
}) {
  const headers = headerAfter(head, layout.skipLines);
  const change = (changes: Partial<StatementLayout>) => onLayout({ ...layout, ...changes });
  // Which columns carry the amounts: from the layout when it names some, else the operator's choice.
  const [mode, setMode] = useState<'one' | 'split'>('one');
  const amountMode = layout.amount ? 'one' : layout.credit || layout.debit ? 'split' : mode;
  const setAmountMode = (next: string) => {
    setMode(next === 'split' ? 'split' : 'one');
    change(next === 'split' ? { amount: '' } : { credit: '', debit: '' });
  };

  const column = (field: ColumnField, label: string, required: boolean, description?: string) => {
    const value = layout[field];
    const data = value && !headers.includes(value) ? [value, ...headers] : headers;
    return (
      <Select
        label={label}
        description={description}
        placeholder={required ? 'Pick a column' : 'None'}
        data={data}
        value={value || null}
        onChange={(picked) => change({ [field]: picked ?? '' })}
        clearable={!required}
        searchable
        required={required}
        disabled={disabled}
        error={value && !headers.includes(value) ? `Not in this file's header` : undefined}
        comboboxProps={{ withinPortal: true }}
      />
    );
  };

  return (
    <Stack gap="sm" aria-label="Columns of this statement" role="group">
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="sm" verticalSpacing="sm">
        <Select
          label="Start from"
          description="A layout banks commonly export"
          placeholder="Map the columns myself"
          data={STATEMENT_PRESETS.map((p) => ({ value: p.id, label: p.name }))}
          value={presetId}
          onChange={onPreset}
          clearable
          disabled={disabled}
        />
        <NumberInput
          label="Lines before the header"
          description="The bank's letterhead, skipped"
          min={0}
          max={50}
          value={layout.skipLines}
          onChange={(value) => change({ skipLines: typeof value === 'number' ? Math.max(0, Math.min(50, value)) : 0 })}
          disabled={disabled}
          allowDecimal={false}
        />
        <TextInput
          label="Save this layout as"
          description="Offered next time; leave empty not to save it"
          placeholder="HDFC current account"
          value={saveAs}
          maxLength={60}
          onChange={(event) => onSaveAs(event.currentTarget.value)}
          disabled={disabled}
        />
      </SimpleGrid>
      {headers.length === 0 ? (
        <Text size="sm" c="orange.8" role="status">
          No header row after {layout.skipLines} {layout.skipLines === 1 ? 'line' : 'lines'}: change the lines before
          the header.
        </Text>
      ) : (
        <Text size="xs" c="dimmed">
          Header on line {layout.skipLines + 1}: {headers.join(', ')}
        </Text>
      )}
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="sm" verticalSpacing="sm">
        {column('date', 'Date column', true)}
        <Select
          label="Dates are written"
          data={DATE_FORMATS}
          value={layout.dateFormat}
          onChange={(value) => value && change({ dateFormat: value as StatementLayout['dateFormat'] })}
          allowDeselect={false}
          disabled={disabled}
        />
        <Select
          label="Record payments as"
          data={METHODS}
          value={layout.method}
          onChange={(value) => value && change({ method: value as StatementLayout['method'] })}
          allowDeselect={false}
          disabled={disabled}
        />
      </SimpleGrid>
      <Stack gap={4}>
        <Text size="sm" fw={500} id="amount-mode-label">
          Amounts
        </Text>
        <SegmentedControl
          aria-labelledby="amount-mode-label"
          value={amountMode}
          onChange={setAmountMode}
          disabled={disabled}
          data={[
            { value: 'one', label: 'One amount column (Cr/Dr or signed)' },
            { value: 'split', label: 'Credit and debit columns' },
          ]}
          style={{ alignSelf: 'flex-start', maxWidth: '100%' }}
        />
      </Stack>
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="sm" verticalSpacing="sm">
        {amountMode === 'one' ? (
          column('amount', 'Amount column', true)
        ) : (
          <>
            {column('credit', 'Credit (deposit) column', true)}
            {column('debit', 'Debit (withdrawal) column', false)}
          </>
        )}
        {column('narration', 'Narration column', true, 'Where invoice and account numbers are found')}
        {column('reference', 'Reference column', false, 'UTR, UPI or cheque number')}
        {column('payer', 'Payer column', false)}
      </SimpleGrid>
    </Stack>
  );
}
