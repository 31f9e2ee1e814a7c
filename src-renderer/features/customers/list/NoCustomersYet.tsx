import { Button, EmptyState, Paper } from '@mantine/core';
import { IconFileImport, IconUserPlus, IconUsers } from '@tabler/icons-react';
import { useCustomerDialogs } from '../useCustomerDialogs';

export function NoCustomersYet() {
  const { openCustomerForm, openImport } = useCustomerDialogs();
  return (
    <Paper withBorder p="xl">
      <EmptyState
        icon={<IconUsers size={28} />}
        title="No customers yet — add one or import a spreadsheet"
        description="Sign up your first subscriber, or bring your existing list over from a CSV file."
      >
        <EmptyState.Actions>
          <Button leftSection={<IconUserPlus size={18} />} onClick={() => openCustomerForm({})}>
            New customer
          </Button>
          <Button variant="default" leftSection={<IconFileImport size={18} />} onClick={openImport}>
            Import CSV
          </Button>
        </EmptyState.Actions>
      </EmptyState>
    </Paper>
  );
}
