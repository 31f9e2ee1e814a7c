import { SimpleGrid, TextInput, Textarea } from '@mantine/core';
import type { SettingsFormApi } from './settingsFormApi';

/** How customers pay: printed on every invoice, with a UPI QR code when a UPI id is set. */
export function PaymentFields({ form }: { form: SettingsFormApi }) {
  const { field } = form;
  return (
    <>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput
          label="UPI id"
          description="For the pay-by-UPI QR code on invoices, e.g. skynet@okaxis"
          placeholder="name@bank"
          autoComplete="off"
          spellCheck={false}
          {...field('upiId')}
        />
      </SimpleGrid>
      <Textarea
        label="Bank details"
        description="For bank transfers: bank, branch, account number, IFSC"
        autosize
        minRows={2}
        maxRows={6}
        maxLength={400}
        {...field('bankDetails')}
      />
      <Textarea
        label="Payment instructions"
        description="e.g. Pay at the office or by UPI; quote your account number"
        autosize
        minRows={2}
        maxRows={6}
        maxLength={400}
        {...field('paymentInstructions')}
      />
      <Textarea
        label="Invoice footer"
        description="A last line on every invoice, e.g. terms or a thank-you"
        autosize
        minRows={1}
        maxRows={4}
        maxLength={300}
        {...field('invoiceFooter')}
      />
    </>
  );
}
