import { Divider, Modal, Stack } from '@mantine/core';
import { useRef, useState, type FormEvent } from 'react';
import { DiscardChangesDialog } from '../../components/DiscardChangesDialog';
import { FormBanner } from '../../components/FormBanner';
import { ModalFooter } from '../../components/ModalFooter';
import type { Customer } from '../../../src-shared/contract';
import { todayIn } from '../../../src-shared/dates';
import { ApiError, call, invoke } from '../../api';
import { useDiscardGuard } from '../../hooks/useDiscardGuard';
import { bannerMessages, focusFirstError, isDirty, withoutError } from '../../lib/formErrors';
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
  const [initial] = useState<CustomerFormValues>(() =>
    existing ? customerValues(existing) : emptyCustomerValues(todayIn(settings.timeZone)),
  );
  const [values, setValues] = useState<CustomerFormValues>(initial);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [macWarning, setMacWarning] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const guard = useDiscardGuard(isDirty(values, initial), onClose);

  const set: CustomerFieldsProps['set'] = (field, value) => {
    setValues((v) => ({ ...v, [field]: value }));
    setErrors((current) => {
      // A phone's error is under "phones.N": changing any phone clears them.
      if (field !== 'phones') return withoutError(current, field);
      return Object.fromEntries(Object.entries(current).filter(([key]) => !key.startsWith('phones.')));
    });
    if (field === 'macAddress') setMacWarning(null);
  };

  /** Another customer with this MAC is worth a warning, not a refusal: a CPE moves between homes. */
  async function checkMac() {
    if (!values.macAddress.trim()) return;
    const result = await invoke('customers.macHolders', {
      macAddress: values.macAddress,
      exceptId: existing?.id ?? null,
    });
    if (!result.ok || result.value.length === 0) return setMacWarning(null);
    const names = result.value.map((h) => `${h.accountNo} ${h.name}`).join(', ');
    setMacWarning(`Also the MAC of ${names}. Save anyway if the CPE moved.`);
  }

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
      if (error instanceof ApiError) {
        setErrors(remapPhoneErrors(error.fieldErrors(), phoneIndex));
        focusFirstError(formRef.current);
      } else notifyError(error, 'Customer not saved');
    } finally {
      setSaving(false);
    }
  }

  const banner = bannerMessages(errors, SHOWN_FIELDS);
  const fieldProps: CustomerFieldsProps = { values, errors, set };
  return (
    <Modal
      opened
      onClose={guard.requestClose}
      closeOnEscape={!guard.asking}
      size="xl"
      title={existing ? `Edit ${existing.name}` : 'New customer'}
    >
      <DiscardChangesDialog {...guard} />
      <form ref={formRef} onSubmit={save} noValidate>
        <Stack gap="md">
          <FormBanner messages={banner} />
          <Divider label="Contact" labelPosition="left" />
          <ContactFields {...fieldProps} />
          <Divider label="Connection" labelPosition="left" />
          <ConnectionFields
            {...fieldProps}
            hasPppoePassword={existing?.hasPppoePassword ?? false}
            macWarning={macWarning}
            onMacBlur={() => void checkMac()}
          />
          <Divider label="Plan and billing" labelPosition="left" />
          <ServiceFields {...fieldProps} currentPlanId={existing?.planId ?? null} />
          <ModalFooter onCancel={guard.requestClose} saving={saving} />
        </Stack>
      </form>
    </Modal>
  );
}
