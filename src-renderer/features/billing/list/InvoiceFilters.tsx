import { Group, SegmentedControl, Select, TextInput } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import { DocumentStatus, type DocumentKind } from '../../../../src-shared/contract';
import { STATUS_LABELS } from '../billingText';
import { CustomerPicker } from '../CustomerPicker';
import type { InvoiceListState } from './invoiceListState';

const STATUS_OPTIONS = DocumentStatus.options.map((s) => ({ value: s, label: STATUS_LABELS[s] }));

interface InvoiceFiltersProps {
  state: InvoiceListState;
  number: string;
  onNumberChange: (number: string) => void;
  onChange: (change: Partial<InvoiceListState>) => void;
}

export function InvoiceFilters({ state, number, onNumberChange, onChange }: InvoiceFiltersProps) {
  return (
    <Group mb="md" gap="sm" align="flex-end" wrap="wrap">
      <SegmentedControl
        aria-label="Kind"
        value={state.kind ?? 'all'}
        onChange={(v) => onChange({ kind: v === 'all' ? null : (v as DocumentKind) })}
        data={[
          { value: 'all', label: 'All' },
          { value: 'invoice', label: 'Invoices' },
          { value: 'credit_note', label: 'Credit notes' },
        ]}
      />
      <TextInput
        label="Number"
        placeholder="e.g. 00042"
        leftSection={<IconSearch size={16} />}
        value={number}
        onChange={(e) => onNumberChange(e.currentTarget.value)}
        w={150}
      />
      <TextInput
        label="Issued from"
        type="date"
        value={state.from ?? ''}
        onChange={(e) => onChange({ from: e.currentTarget.value || null })}
        w={150}
      />
      <TextInput
        label="Issued to"
        type="date"
        value={state.to ?? ''}
        onChange={(e) => onChange({ to: e.currentTarget.value || null })}
        w={150}
      />
      <Select
        label="Status"
        placeholder="Any"
        clearable
        data={STATUS_OPTIONS}
        value={state.status}
        onChange={(v) => onChange({ status: (v as DocumentStatus | null) ?? null })}
        w={140}
      />
      <CustomerPicker
        label="Customer"
        placeholder="Any customer"
        value={state.customerId}
        onChange={(customerId) => onChange({ customerId })}
        w={240}
      />
    </Group>
  );
}
