import { Alert, Anchor, Breadcrumbs, Button, Group, Stack, Text, Title } from '@mantine/core';
import { IconArchive, IconCash, IconPencil } from '@tabler/icons-react';
import { useState } from 'react';
import { PageLoader } from '../../components/PageLoader';
import { StatusBadge } from '../../components/StatusBadge';
import { errorMessage } from '../../lib/notify';
import { CustomerBillingSection } from '../billing/customer/CustomerBillingSection';
import { counterHref } from '../payments/counter/counterParams';
import { CustomerPaymentsSection } from '../payments/customer/CustomerPaymentsSection';
import { CustomerStatementSection } from '../payments/customer/CustomerStatementSection';
import { usePlans } from '../plans/usePlans';
import { CustomerSections } from './detail/CustomerSections';
import { CustomerTimeline } from './detail/CustomerTimeline';
import { STATUS_ACTIONS, type StatusAction } from './detail/statusActions';
import { StatusChangeModal } from './detail/StatusChangeModal';
import { useCustomer } from './detail/useCustomer';
import { useCustomerDialogs } from './useCustomerDialogs';
import { lastCustomerListHref } from './list/useCustomerListState';

export function CustomerDetailPage({ id }: { id: number }) {
  const { customer, error, reload } = useCustomer(id);
  const { plans } = usePlans();
  const { openCustomerForm } = useCustomerDialogs();
  const [action, setAction] = useState<StatusAction | null>(null);

  if (!customer) {
    return error ? (
      <Alert color="red" title="Customer not found">
        {errorMessage(error)} <Anchor href={lastCustomerListHref()}>Back to customers</Anchor>
      </Alert>
    ) : (
      <PageLoader label="Loading customer" />
    );
  }

  const archived = customer.status === 'archived';
  const plan = plans?.find((p) => p.id === customer.planId);
  return (
    <Stack gap="lg">
      <Breadcrumbs>
        <Anchor href={lastCustomerListHref()} size="sm">
          Customers
        </Anchor>
        <Text size="sm">{customer.accountNo}</Text>
      </Breadcrumbs>
      <Group justify="space-between" align="flex-start" wrap="wrap">
        <Stack gap={4}>
          <Group gap="sm">
            <Title order={2}>{customer.name}</Title>
            <StatusBadge status={customer.status} size="md" />
          </Group>
          <Text c="dimmed" size="sm" ff="monospace">
            {customer.accountNo}
          </Text>
        </Stack>
        <Group gap="sm">
          {STATUS_ACTIONS[customer.status].map((a) => (
            <Button key={a.label} variant="light" color={a.color} onClick={() => setAction(a)}>
              {a.label}
            </Button>
          ))}
          <Button
            component="a"
            href={counterHref(customer.id)}
            variant="light"
            color="teal"
            leftSection={<IconCash size={16} />}
            disabled={archived}
          >
            Take payment
          </Button>
          <Button
            leftSection={<IconPencil size={16} />}
            disabled={archived}
            onClick={() => openCustomerForm({ customer, onSaved: reload })}
          >
            Edit
          </Button>
        </Group>
      </Group>
      {archived && (
        <Alert color="gray" icon={<IconArchive />} title="This customer is archived">
          Archived customers cannot be edited. Use “Bring back” to make the account active again.
        </Alert>
      )}
      <CustomerSections customer={customer} plan={plan} />
      <CustomerBillingSection customerId={customer.id} planId={customer.planId} archived={archived} />
      <CustomerPaymentsSection customerId={customer.id} archived={archived} />
      <CustomerStatementSection customerId={customer.id} />
      <CustomerTimeline customerId={customer.id} />
      {action && (
        <StatusChangeModal customer={customer} action={action} onClose={() => setAction(null)} onChanged={reload} />
      )}
    </Stack>
  );
}
