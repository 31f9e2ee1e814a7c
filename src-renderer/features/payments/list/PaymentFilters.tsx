import { Group, SegmentedControl, Select, TextInput } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import type { PaymentMethod } from '../../../../src-shared/contract';
import { CustomerPicker } from '../../billing/CustomerPicker';
import { METHOD_OPTIONS } from '../paymentText';
import type { PaymentListState } from './paymentListState';

interface PaymentFiltersProps {
  state: PaymentListState;
  search: string;
  onSearchChange: (search: string) => void;
  onChange: (change: Partial<PaymentListState>) => void;
}

export function PaymentFilters({ state, search, onSearchChange, onChange }: PaymentFiltersProps) {
  return (
    <Group mb="md" gap="sm" align="flex-end" wrap="wrap">
      <SegmentedControl
        aria-label="Kind"
        value={state.kind ?? 'all'}
        onChange={(v) => onChange({ kind: v === 'all' ? null : (v as 'payment' | 'refund') })}
        data={[
          { value: 'all', label: 'All' },
          { value: 'payment', label: 'Payments' },
          { value: 'refund', label: 'Refunds' },
        ]}
      />
      <TextInput
        label="Receipt or reference"
        placeholder="e.g. 00042, UTR, UPI id"
        leftSection={<IconSearch size={16} />}
        value={search}
        onChange={(e) => onSearchChange(e.currentTarget.value)}
        w={190}
      />
      <TextInput
        label="From"
        type="date"
        value={state.from ?? ''}
        onChange={(e) => onChange({ from: e.currentTarget.value || null })}
        w={150}
      />
      <TextInput
        label="To"
        type="date"
        value={state.to ?? ''}
        onChange={(e) => onChange({ to: e.currentTarget.value || null })}
        w={150}
      />
      <Select
        label="Method"
        placeholder="Any"
        clearable
        data={METHOD_OPTIONS}
        value={state.method}
        onChange={(v) => onChange({ method: (v as PaymentMethod | null) ?? null })}
        w={150}
      />
      <CustomerPicker
        label="Customer"
        placeholder="Any customer"
        value={state.customerId}
        onChange={(customerId) => onChange({ customerId })}
        w={230}
      />
    </Group>
  );
}
