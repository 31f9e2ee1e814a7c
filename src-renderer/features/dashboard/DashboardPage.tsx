import { Button, Group, SimpleGrid, Stack } from '@mantine/core';
import { IconFileImport, IconUserPlus } from '@tabler/icons-react';
import type { CustomerStatus } from '../../../src-shared/contract';
import { PageHeader } from '../../components/PageHeader';
import { PageLoader } from '../../components/PageLoader';
import { customerListHref } from '../customers/list/customerListState';
import { NoCustomersYet } from '../customers/list/NoCustomersYet';
import { useCustomerDialogs } from '../customers/useCustomerDialogs';
import { useStatusCounts } from '../customers/useStatusCounts';
import { useSettings } from '../settings/useSettings';
import { PlanMixCard } from './PlanMixCard';
import { StatusCountCard } from './StatusCountCard';

const STATUS_CARDS: { status: CustomerStatus; label: string; color: string }[] = [
  { status: 'active', label: 'Active', color: 'teal' },
  { status: 'suspended', label: 'Suspended', color: 'orange' },
  { status: 'disconnected', label: 'Disconnected', color: 'red' },
  { status: 'archived', label: 'Archived', color: 'gray' },
];

export function DashboardPage() {
  const { settings } = useSettings();
  const { counts } = useStatusCounts();
  const { openCustomerForm, openImport } = useCustomerDialogs();
  const current = counts ? counts.total - counts.archived : 0;

  return (
    <>
      <PageHeader
        title="Dashboard"
        description={settings.companyName}
        actions={
          counts?.total ? (
            <Group gap="sm">
              <Button variant="default" leftSection={<IconFileImport size={18} />} onClick={openImport}>
                Import CSV
              </Button>
              <Button leftSection={<IconUserPlus size={18} />} onClick={() => openCustomerForm({})}>
                New customer
              </Button>
            </Group>
          ) : undefined
        }
      />
      {!counts && <PageLoader label="Loading counts" />}
      {counts?.total === 0 && <NoCustomersYet />}
      {counts && counts.total > 0 && (
        <Stack gap="lg">
          <SimpleGrid cols={{ base: 1, xs: 2, md: 3, lg: 5 }}>
            <StatusCountCard
              label="Current customers"
              count={current}
              color="indigo"
              href={customerListHref({})}
              note={`not counting ${counts.archived.toLocaleString()} archived`}
            />
            {STATUS_CARDS.map(({ status, label, color }) => (
              <StatusCountCard
                key={status}
                label={label}
                status={status}
                count={counts[status]}
                color={color}
                href={customerListHref({ status })}
                share={status === 'archived' ? undefined : { of: current, label: 'of current customers' }}
                note={status === 'archived' ? 'left; not in the current list' : undefined}
              />
            ))}
          </SimpleGrid>
          <PlanMixCard />
        </Stack>
      )}
    </>
  );
}
