import { Anchor, SimpleGrid, Stack, Text } from '@mantine/core';
import type { Customer, Plan } from '../../../../src-shared/contract';
import { gstStateName } from '../../../../src-shared/gstStates';
import { StatusBadge } from '../../../components/StatusBadge';
import { formatDay, formatTimestamp } from '../../../lib/formatDate';
import { billingDayText, formatSpeed, PER_PERIOD, priceWithTax } from '../../plans/planText';
import { useSettings } from '../../settings/useSettings';
import { DetailCard } from './DetailCard';
import { DetailField } from './DetailField';
import { PppoePasswordReveal } from './PppoePasswordReveal';

/** "Karnataka (29)"; no place of supply is the company's own state. */
function placeOfSupply(code: string | null, companyCode: string): string {
  const state = code ?? companyCode;
  const name = state ? `${gstStateName(state) ?? 'State'} (${state})` : '';
  if (code) return name;
  return name ? `${name}, the company's state` : "The company's state";
}

/** The customer's record laid out in cards: contact, connection, plan and billing, the account. */
export function CustomerSections({ customer, plan }: { customer: Customer; plan: Plan | undefined }) {
  const { settings } = useSettings();
  const { currency, locale } = settings;
  const hasPosition = customer.latitude !== null && customer.longitude !== null;
  return (
    <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="lg">
      <DetailCard title="Contact">
        <DetailField label="Phone">{customer.phones.join(', ')}</DetailField>
        <DetailField label="E-mail">{customer.email}</DetailField>
        <DetailField label="Address">{customer.address}</DetailField>
        <DetailField label="GPS">{hasPosition ? `${customer.latitude}, ${customer.longitude}` : null}</DetailField>
        <DetailField label="ID proof">{customer.idProof}</DetailField>
      </DetailCard>
      <DetailCard title="Connection">
        <DetailField label="Type">{customer.connectionType === 'pppoe' ? 'PPPoE' : 'Static IP'}</DetailField>
        {customer.connectionType === 'pppoe' && (
          <>
            <DetailField label="PPPoE username" mono>
              {customer.pppoeUsername}
            </DetailField>
            <DetailField label="PPPoE password">
              {customer.hasPppoePassword ? <PppoePasswordReveal customerId={customer.id} /> : 'Not set'}
            </DetailField>
          </>
        )}
        <DetailField label="Static IP" mono>
          {customer.staticIp}
        </DetailField>
        <DetailField label="MAC address" mono>
          {customer.macAddress}
        </DetailField>
        <DetailField label="CPE model">{customer.cpeModel}</DetailField>
        <DetailField label="Access point">{customer.accessPoint}</DetailField>
      </DetailCard>
      <DetailCard title="Plan and billing">
        <DetailField label="Plan">
          {customer.planId === null ? null : (
            <Stack gap={0}>
              <Anchor href="#/plans" size="sm" fw={500}>
                {customer.planName}
              </Anchor>
              {plan && (
                <Text size="xs" c="dimmed">
                  {formatSpeed(plan.downloadKbps)} down / {formatSpeed(plan.uploadKbps)} up
                  {plan.status === 'retired' ? ' · retired plan' : ''}
                </Text>
              )}
            </Stack>
          )}
        </DetailField>
        <DetailField label="Price">
          {plan
            ? `${priceWithTax(plan.priceMinor, plan.taxRateBps, currency, locale)}${PER_PERIOD[plan.billingPeriod]}`
            : null}
        </DetailField>
        <DetailField label="Billing day">
          {billingDayText(customer.billingDay, plan?.billingPeriod ?? null)}
        </DetailField>
        <DetailField label="Installed on">{formatDay(customer.installedOn, locale)}</DetailField>
        <DetailField label="Billing starts on">{formatDay(customer.billingStartOn, locale)}</DetailField>
        {currency === 'INR' && (
          <>
            <DetailField label="GSTIN" mono>
              {customer.gstin}
            </DetailField>
            <DetailField label="Place of supply">
              {placeOfSupply(customer.placeOfSupply, settings.stateCode)}
            </DetailField>
          </>
        )}
      </DetailCard>
      <DetailCard title="Account">
        <DetailField label="Status">
          <StatusBadge status={customer.status} />
        </DetailField>
        <DetailField label="Status since">
          {formatTimestamp(customer.statusChangedAt, locale, settings.timeZone)}
        </DetailField>
        <DetailField label="Customer since">
          {formatTimestamp(customer.createdAt, locale, settings.timeZone)}
        </DetailField>
        <DetailField label="Last changed">{formatTimestamp(customer.updatedAt, locale, settings.timeZone)}</DetailField>
        <DetailField label="Notes">{customer.notes}</DetailField>
      </DetailCard>
    </SimpleGrid>
  );
}
