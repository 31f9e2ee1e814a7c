import { Alert, Button, Group, Modal, Radio, Stack, Table, Text, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import type { IssuedDocument } from '../../../../src-shared/contract';
import { ApiError, call } from '../../../api';
import { FormBanner } from '../../../components/FormBanner';
import { focusFirstError, withoutError } from '../../../lib/formErrors';
import { errorMessage, notifySuccess } from '../../../lib/notify';
import { useSettings } from '../../settings/useSettings';
import { Amount } from '../Amount';
import { useMoney } from '../useMoney';
import { creditNoteInput, EMPTY_CREDIT_NOTE, type CreditNoteValues } from './creditNoteValues';

interface CreditNoteModalProps {
  invoice: IssuedDocument;
  onClose: () => void;
  onIssued: (creditNote: IssuedDocument) => void;
}

/** Reduces an invoice: the whole of what is left (which cancels it) or chosen lines, with a reason. */
export function CreditNoteModal({ invoice, onClose, onIssued }: CreditNoteModalProps) {
  const { settings } = useSettings();
  const money = useMoney();
  const [values, setValues] = useState<CreditNoteValues>(EMPTY_CREDIT_NOTE);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [saving, setSaving] = useState(false);
  const left = invoice.total - invoice.credited;

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const parsed = creditNoteInput(invoice.id, values, settings.currency, settings.locale);
    if (parsed.errors) {
      setErrors(parsed.errors);
      focusFirstError(form);
      return;
    }
    setSaving(true);
    try {
      const note = await call('billing.creditNote', parsed.input);
      notifySuccess(`Credit note ${note.number} issued for ${money(note.total)}`);
      onIssued(note);
      onClose();
    } catch (error) {
      setErrors(error instanceof ApiError ? { '': error.message } : { '': errorMessage(error) });
    } finally {
      setSaving(false);
    }
  }

  const set = (change: Partial<CreditNoteValues>, field: string) => {
    setValues((v) => ({ ...v, ...change }));
    setErrors((e) => withoutError(withoutError(withoutError(e, field), ''), 'lines'));
  };
  const banner = [errors[''], errors.lines].filter((m): m is string => !!m);

  return (
    <Modal opened onClose={onClose} title={`Credit note against ${invoice.number}`} size="xl">
      <form onSubmit={submit} noValidate>
        <Stack>
          <FormBanner messages={banner} />
          <Radio.Group
            label="How much"
            value={values.mode}
            onChange={(mode) => set({ mode: mode as CreditNoteValues['mode'] }, 'mode')}
          >
            <Stack gap="xs" mt={6}>
              <Radio
                value="rest"
                label={`Everything left: ${money(left)} — cancels the invoice`}
                description="For an invoice issued by mistake, or a customer who left before the period."
              />
              <Radio
                value="lines"
                label="Part of some lines"
                description="Type the taxable amount (before tax) to take off each line; the tax follows."
              />
            </Stack>
          </Radio.Group>
          {values.mode === 'lines' && (
            <Table.ScrollContainer minWidth={560}>
              <Table verticalSpacing={4} aria-label="Amounts to credit">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Line</Table.Th>
                    <Table.Th style={{ textAlign: 'right' }}>Taxable left to credit</Table.Th>
                    <Table.Th w={180}>Credit (taxable)</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {invoice.lines
                    .filter((line) => line.taxable - line.creditedTaxable > 0)
                    .map((line, i) => (
                      <Table.Tr key={line.id}>
                        <Table.Td>
                          <Text size="sm">{line.description}</Text>
                        </Table.Td>
                        <Table.Td style={{ textAlign: 'right' }}>
                          <Amount minor={line.taxable - line.creditedTaxable} />
                        </Table.Td>
                        <Table.Td>
                          <TextInput
                            aria-label={`Credit on ${line.description}`}
                            placeholder="0.00"
                            inputMode="decimal"
                            value={values.amounts[line.id] ?? ''}
                            error={errors[`line.${line.id}`]}
                            onChange={(e) =>
                              set(
                                { amounts: { ...values.amounts, [line.id]: e.currentTarget.value } },
                                `line.${line.id}`,
                              )
                            }
                            styles={{ input: { textAlign: 'right', fontVariantNumeric: 'tabular-nums' } }}
                            data-autofocus={i === 0 ? true : undefined}
                          />
                        </Table.Td>
                      </Table.Tr>
                    ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
          <TextInput
            label="Reason"
            description="Printed on the credit note"
            placeholder="e.g. outage 3–7 March, billed twice"
            required
            value={values.reason}
            error={errors.reason}
            onChange={(e) => set({ reason: e.currentTarget.value }, 'reason')}
            maxLength={200}
            data-autofocus
          />
          {values.mode === 'rest' && (
            <Alert color="orange" variant="light">
              The invoice becomes Cancelled. This cannot be undone: a mistake is put right with a new invoice.
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" color="red" loading={saving}>
              Issue credit note
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
