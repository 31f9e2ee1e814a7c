import { Alert, Divider, Modal, Stack } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { ModalFooter } from '../../components/ModalFooter';
import type { Customer } from '../../../src-shared/contract';
import { todayIn } from '../../../src-shared/dates';
import { ApiError, call } from '../../api';
import { notifyError, notifySuccess } from '../../lib/notify';
import { navigate } from '../../router/routes';
import { useSettings } from '../settings/useSettings';
import type { CustomerFormRequest } from './customerDialogsContext';
import {
  customerValues,
  emptyCustomerValues,
  remapPhoneErrors,
  toCustomerInput,
  type CustomerFormValues,
} from './customerFormValues';
import { ConnectionFields } from './form/ConnectionFields';
import { ContactFields } from './form/ContactFields';
import type { CustomerFieldsProps } from './form/customerFieldProps';
import { ServiceFields } from './form/ServiceFields';

/** Fields the form shows an error under; anything else goes in the alert at the top. */
const SHOWN_FIELDS = new Set<string>([
  ...Object.keys(emptyCustomerValues()),
  'phones.0',
  'phones.1',
  'phones.2',
  'phones.3',
]);

interface CustomerFormModalProps {
  request: CustomerFormRequest;
  onClose: () => void;
}

export function CustomerFormModal({ request, onClose }: CustomerFormModalProps) {
  const existing = request.customer;
  const { settings } = useSettings();
  const [values, setValues] = useState<CustomerFormValues>(() =>
    existing ? customerValues(existing) : emptyCustomerValues(todayIn(settings.timeZone)),
  );
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [saving, setSaving] = useState(false);

  const set: CustomerFieldsProps['set'] = (field, value) => {
    setValues((v) => ({ ...v, [field]: value }));
    setErrors((current) => {
      const rest = { ...current };
      delete rest[field];
      return rest;
    });
  };

  async function save(event: FormEvent) {
    event.preventDefault();
    const { input, errors: localErrors, phoneIndex } = toCustomerInput(values, Boolean(existing));
    setErrors(localErrors);
    if (!input) return;
    setSaving(true);
    try {
      const saved: Customer = existing
        ? await call('customers.update', { id: existing.id, customer: input })
        : await call('customers.create', input);
      notifySuccess(existing ? `${saved.name} saved` : `${saved.name} added as ${saved.accountNo}`);
      request.onSaved?.(saved);
      onClose();
      if (!existing) navigate({ page: 'customer', id: saved.id });
    } catch (error) {
      if (error instanceof ApiError) setErrors(remapPhoneErrors(error.fieldErrors(), phoneIndex));
      notifyError(error, 'Customer not saved');
    } finally {
      setSaving(false);
    }
  }

  const otherErrors = Object.entries(errors).filter(([field]) => !SHOWN_FIELDS.has(field));
  const fieldProps: CustomerFieldsProps = { values, errors, set };
  return (
    <Modal opened onClose={onClose} size="xl" title={existing ? `Edit ${existing.name}` : 'New customer'}>
      <form onSubmit={save} noValidate>
        <Stack gap="md">
          {otherErrors.length > 0 && (
            <Alert color="red" title="Please check">
              {otherErrors.map(([field, message]) => (
                <div key={field}>{field ? `${field}: ${message}` : message}</div>
              ))}
            </Alert>
          )}
          <Divider label="Contact" labelPosition="left" />
          <ContactFields {...fieldProps} />
          <Divider label="Connection" labelPosition="left" />
          <ConnectionFields {...fieldProps} hasPppoePassword={existing?.hasPppoePassword ?? false} />
          <Divider label="Plan and billing" labelPosition="left" />
          <ServiceFields {...fieldProps} currentPlanId={existing?.planId ?? null} />
          <ModalFooter onCancel={onClose} saving={saving} />
        </Stack>
      </form>
    </Modal>
  );
}
