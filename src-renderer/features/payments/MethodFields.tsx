import { Group, SegmentedControl, Stack, Text, TextInput } from '@mantine/core';
import type { ReactNode } from 'react';
import type { PaymentMethod } from '../../../src-shared/contract';
import { METHOD_OPTIONS, REFERENCE_LABELS, REFERENCE_REQUIRED } from './paymentText';

export interface MethodValues {
  method: PaymentMethod;
  reference: string;
  chequeBank: string;
  chequeDate: string;
}

interface MethodFieldsProps {
  values: MethodValues;
  errors: Record<string, string>;
  onChange: (change: Partial<MethodValues>, field: keyof MethodValues) => void;
  /** Refunds have no cheque bank or date on the contract: only the reference. */
  withCheque?: boolean;
  /** Where a reused reference is already recorded, under the reference field. */
  referenceHint?: ReactNode;
  /** Payments need the reference for UPI, cheques and gateways; a refund's is optional. */
  referenceRequired?: boolean;
}

const PLACEHOLDERS: Record<PaymentMethod, string> = {
  cash: '',
  upi: 'e.g. 412345678901',
  bank: 'e.g. SBIN326123456789',
  card: 'e.g. 004512',
  cheque: 'e.g. 004512',
  gateway: 'e.g. pay_N8sX2k9LmQ',
};

/** How the money came: the method (arrow keys move along), then the reference that method has. */
export function MethodFields({
  values,
  errors,
  onChange,
  withCheque = true,
  referenceHint,
  referenceRequired = true,
}: MethodFieldsProps) {
  const method = values.method;
  const referenceLabel = REFERENCE_LABELS[method];
  return (
    <Stack gap="sm">
      <Stack gap={4}>
        <Text size="sm" fw={500} id="payment-method-label">
          Method
        </Text>
        <SegmentedControl
          aria-labelledby="payment-method-label"
          fullWidth
          data={METHOD_OPTIONS}
          value={method}
          onChange={(v) => onChange({ method: v as PaymentMethod }, 'method')}
          styles={{ label: { paddingInline: 6 } }}
        />
      </Stack>
      {referenceLabel && (
        <Group grow align="flex-start" gap="sm" wrap="wrap">
          <TextInput
            label={referenceLabel}
            placeholder={PLACEHOLDERS[method]}
            required={referenceRequired && REFERENCE_REQUIRED.has(method)}
            value={values.reference}
            error={errors.reference}
            description={referenceHint}
            inputWrapperOrder={['label', 'input', 'error', 'description']}
            onChange={(e) => onChange({ reference: e.currentTarget.value }, 'reference')}
            maxLength={60}
            miw={180}
          />
          {withCheque && method === 'cheque' && (
            <>
              <TextInput
                label="Bank"
                placeholder="e.g. HDFC Bank, Kothrud"
                required
                value={values.chequeBank}
                error={errors.chequeBank}
                onChange={(e) => onChange({ chequeBank: e.currentTarget.value }, 'chequeBank')}
                maxLength={60}
                miw={180}
              />
              <TextInput
                label="Cheque date"
                type="date"
                value={values.chequeDate}
                error={errors.chequeDate}
                onChange={(e) => onChange({ chequeDate: e.currentTarget.value }, 'chequeDate')}
                miw={150}
              />
            </>
          )}
        </Group>
      )}
    </Stack>
  );
}
