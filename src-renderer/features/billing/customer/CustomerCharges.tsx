import { ActionIcon, Anchor, Badge, Button, Group, Modal, Table, Text, Tooltip } from '@mantine/core';
import { IconX } from '@tabler/icons-react';
import { useState } from 'react';
import type { Charge } from '../../../../src-shared/contract';
import { call } from '../../../api';
import { notifyError, notifySuccess } from '../../../lib/notify';
import { routeHref } from '../../../router/routes';
import { Amount } from '../Amount';
import { rateText } from '../billingText';
import { useDay } from '../useDay';

const KIND_TEXT: Record<Charge['kind'], string> = { one_time: 'One-time', addon: 'Add-on', discount: 'Discount' };
const right = { textAlign: 'right' as const };

function ChargeState({ charge }: { charge: Charge }) {
  if (charge.cancelledAt)
    return (
      <Badge color="gray" variant="light" size="sm">
        Cancelled
      </Badge>
    );
  if (charge.billedInvoice) {
    return (
      <Anchor href={routeHref({ page: 'invoice', id: charge.billedInvoice.id })} size="sm" ff="monospace">
        {charge.billedInvoice.number}
      </Anchor>
    );
  }
  return (
    <Badge color={charge.kind === 'one_time' ? 'orange' : 'teal'} variant="light" size="sm">
      {charge.kind === 'one_time' ? 'Next invoice' : 'Active'}
    </Badge>
  );
}

/** Charges beyond the plan: one-time, add-ons, discounts; an unbilled one can be cancelled. */
export function CustomerCharges({ charges }: { charges: Charge[] }) {
  const day = useDay();
  const [cancelling, setCancelling] = useState<Charge | null>(null);
  const [saving, setSaving] = useState(false);

  async function cancel() {
    if (!cancelling) return;
    setSaving(true);
    try {
      await call('billing.cancelCharge', { id: cancelling.id });
      notifySuccess(`${cancelling.description} cancelled`);
      setCancelling(null);
    } catch (error) {
      notifyError(error, 'Could not cancel');
    } finally {
      setSaving(false);
    }
  }

  if (charges.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        No charges beyond the plan.
      </Text>
    );
  }
  return (
    <>
      <Table.ScrollContainer minWidth={560}>
        <Table verticalSpacing={6} aria-label="Charges">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Kind</Table.Th>
              <Table.Th>Description</Table.Th>
              <Table.Th style={right}>Amount</Table.Th>
              <Table.Th>When</Table.Th>
              <Table.Th>State</Table.Th>
              <Table.Th w={40} />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {charges.map((c) => {
              const open = !c.cancelledAt && !c.billedInvoice;
              return (
                <Table.Tr key={c.id} c={c.cancelledAt ? 'dimmed' : undefined}>
                  <Table.Td>
                    <Text size="sm">{KIND_TEXT[c.kind]}</Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{c.description}</Text>
                    {c.kind !== 'discount' && (
                      <Text size="xs" c="dimmed">
                        {c.sacCode ? `SAC ${c.sacCode} · ` : ''}tax {rateText(c.taxRateBps)}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td style={right}>
                    {c.percentBps !== null ? (
                      <Text size="sm">{rateText(c.percentBps)}</Text>
                    ) : (
                      <Amount minor={c.kind === 'discount' ? -c.amount : c.amount} signColor />
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">
                      {c.kind === 'one_time'
                        ? day(c.startsOn)
                        : `${day(c.startsOn)} – ${c.endsOn ? day(c.endsOn) : 'until cancelled'}`}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <ChargeState charge={c} />
                  </Table.Td>
                  <Table.Td>
                    {open && (
                      <Tooltip label="Cancel this charge">
                        <ActionIcon
                          variant="subtle"
                          color="red"
                          aria-label={`Cancel ${c.description}`}
                          onClick={() => setCancelling(c)}
                        >
                          <IconX size={16} />
                        </ActionIcon>
                      </Tooltip>
                    )}
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Modal opened={cancelling !== null} onClose={() => setCancelling(null)} title="Cancel this charge?" size="sm">
        <Text size="sm">
          “{cancelling?.description}” is not billed from now on. Invoices already issued keep it; a credit note takes it
          off them.
        </Text>
        <Group justify="flex-end" mt="md">
          <Button variant="default" onClick={() => setCancelling(null)} data-autofocus>
            Keep it
          </Button>
          <Button color="red" loading={saving} onClick={() => void cancel()}>
            Cancel charge
          </Button>
        </Group>
      </Modal>
    </>
  );
}
