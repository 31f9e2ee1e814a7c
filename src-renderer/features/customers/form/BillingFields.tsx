import { Select, SimpleGrid, TextInput } from '@mantine/core';
import { gstinProblem } from '../../../../src-shared/gstin';
import { GST_STATES, gstStateName } from '../../../../src-shared/gstStates';
import { useSettings } from '../../settings/useSettings';
import { textField, type CustomerFieldsProps } from './customerFieldProps';

const STATE_OPTIONS = GST_STATES.map((s) => ({ value: s.code, label: `${s.code} ${s.name}` }));

/** When billing starts, and in GST mode (INR) the customer's GSTIN and place of supply. */
export function BillingFields(props: CustomerFieldsProps) {
  const { values, errors, set } = props;
  const { settings } = useSettings();
  const gst = settings.currency === 'INR';
  const companyState = gstStateName(settings.stateCode);

  const setGstin = (typed: string) => {
    set('gstin', typed);
    // A complete GSTIN names its state: take it as the place of supply unless one was chosen.
    const gstin = typed.replace(/\s/g, '').toUpperCase();
    if (values.placeOfSupply === null && !gstinProblem(gstin)) set('placeOfSupply', gstin.slice(0, 2));
  };

  return (
    <SimpleGrid cols={{ base: 1, sm: 3 }}>
      <TextInput
        label="Billing starts on"
        type="date"
        description="Blank: later of installation and today"
        {...textField(props, 'billingStartOn')}
      />
      {gst && (
        <>
          <TextInput
            label="GSTIN"
            description="Only for registered businesses"
            placeholder="27AABCS1234F1ZR"
            maxLength={20}
            autoComplete="off"
            {...textField(props, 'gstin')}
            onChange={(event) => setGstin(event.currentTarget.value)}
          />
          <Select
            label="Place of supply"
            description="Blank: the company's state"
            placeholder={companyState ?? "Company's state"}
            data={STATE_OPTIONS}
            value={values.placeOfSupply}
            error={errors.placeOfSupply}
            onChange={(code) => set('placeOfSupply', code)}
            clearable
            searchable
            nothingFoundMessage="No state by that name"
          />
        </>
      )}
    </SimpleGrid>
  );
}
