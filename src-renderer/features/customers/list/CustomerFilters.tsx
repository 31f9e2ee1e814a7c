import { Group, Select, TextInput } from '@mantine/core';
import { IconFilter } from '@tabler/icons-react';
import type { CustomerStatusFilter } from '../../../../src-shared/contract';
import { usePlans } from '../../plans/usePlans';

const STATUS_OPTIONS: { value: CustomerStatusFilter; label: string }[] = [
  { value: 'current', label: 'Current (not archived)' },
  { value: 'all', label: 'All, with archived' },
  { value: 'active', label: 'Active' },
  { value: 'suspended', label: 'Suspended' },
  { value: 'disconnected', label: 'Disconnected' },
  { value: 'archived', label: 'Archived' },
];

interface CustomerFiltersProps {
  query: string;
  status: CustomerStatusFilter;
  planId: number | null;
  onQueryChange: (query: string) => void;
  onStatusChange: (status: CustomerStatusFilter) => void;
  onPlanChange: (planId: number | null) => void;
}

export function CustomerFilters(props: CustomerFiltersProps) {
  const { plans } = usePlans();
  const planOptions = (plans ?? []).map((plan) => ({
    value: String(plan.id),
    label: plan.status === 'retired' ? `${plan.name} (retired)` : plan.name,
  }));
  return (
    <Group gap="sm" mb="md" align="flex-end" wrap="wrap">
      <TextInput
        label="Filter"
        placeholder="Name, phone, account, e-mail, IP, MAC"
        leftSection={<IconFilter size={16} />}
        value={props.query}
        onChange={(event) => props.onQueryChange(event.currentTarget.value)}
        w={{ base: 240, lg: 320 }}
      />
      <Select
        label="Status"
        data={STATUS_OPTIONS}
        value={props.status}
        allowDeselect={false}
        onChange={(status) => status && props.onStatusChange(status as CustomerStatusFilter)}
        w={220}
      />
      <Select
        label="Plan"
        placeholder="Any plan"
        data={planOptions}
        value={props.planId === null ? null : String(props.planId)}
        onChange={(planId) => props.onPlanChange(planId === null ? null : Number(planId))}
        clearable
        searchable
        w={{ base: 220, lg: 240 }}
      />
    </Group>
  );
}
