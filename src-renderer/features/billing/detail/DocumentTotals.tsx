import { Group, Stack, Text } from '@mantine/core';
import type { IssuedDocument } from '../../../../src-shared/contract';
import { Amount } from '../Amount';

function Row({ label, minor, strong }: { label: string; minor: number; strong?: boolean }) {
  return (
    <Group justify="space-between" gap="xl" wrap="nowrap">
      <Text size="sm" c={strong ? undefined : 'dimmed'} fw={strong ? 600 : undefined}>
        {label}
      </Text>
      <Amount minor={minor} fw={strong ? 700 : undefined} size={strong ? 'md' : 'sm'} signColor />
    </Group>
  );
}

/** Taxable, tax, round-off, total; then what the customer owed before and owes with this document. */
export function DocumentTotals({ doc }: { doc: IssuedDocument }) {
  const label = doc.parties.tax.label || 'Tax';
  return (
    <Stack component="section" gap={4} w={340} ml="auto" mt="md" aria-label="Totals">
      <Row label="Taxable" minor={doc.taxable} />
      <Row label={label} minor={doc.tax} />
      {doc.roundOff !== 0 && <Row label="Round-off" minor={doc.roundOff} />}
      <Row label="Total" minor={doc.total} strong />
      {doc.kind === 'invoice' && doc.credited !== 0 && <Row label="Credited" minor={-doc.credited} />}
      {doc.kind === 'invoice' && doc.paid !== 0 && <Row label="Paid" minor={-doc.paid} />}
      {doc.kind === 'invoice' && <Row label="Left to pay on this invoice" minor={doc.outstanding} />}
      <Row label="Previous balance" minor={doc.previousBalance} />
      <Row label="Amount due" minor={doc.amountDue} strong />
    </Stack>
  );
}
