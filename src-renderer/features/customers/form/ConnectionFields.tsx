import { Input, PasswordInput, SegmentedControl, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import type { ConnectionType } from '../../../../src-shared/contract';
import { textField, type CustomerFieldsProps } from './customerFieldProps';

interface ConnectionFieldsProps extends CustomerFieldsProps {
  /** Editing a customer who already has a PPPoE password: blank keeps it. */
  hasPppoePassword: boolean;
  /** Other customers with this MAC: said, not refused (a CPE moves between homes). */
  macWarning: string | null;
  onMacBlur: () => void;
}

export function ConnectionFields({ hasPppoePassword, macWarning, onMacBlur, ...props }: ConnectionFieldsProps) {
  const { values, set } = props;
  const pppoe = values.connectionType === 'pppoe';
  return (
    <Stack gap="sm">
      <Input.Wrapper label="Connection type" labelElement="div" labelProps={{ id: 'connection-type-label' }}>
        <SegmentedControl
          fullWidth
          aria-labelledby="connection-type-label"
          value={values.connectionType}
          onChange={(value) => set('connectionType', value as ConnectionType)}
          data={[
            { value: 'pppoe', label: 'PPPoE' },
            { value: 'static', label: 'Static' },
          ]}
        />
      </Input.Wrapper>
      {pppoe && (
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label="PPPoE username" required autoComplete="off" {...textField(props, 'pppoeUsername')} />
          <PasswordInput
            label="PPPoE password"
            autoComplete="new-password"
            placeholder={hasPppoePassword ? 'Leave blank to keep the current one' : undefined}
            {...textField(props, 'pppoePassword')}
          />
        </SimpleGrid>
      )}
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput
          label="Static IP"
          required={!pppoe}
          placeholder="10.20.30.40"
          description={pppoe ? 'Optional: a fixed address handed out over PPPoE' : undefined}
          {...textField(props, 'staticIp')}
        />
        <TextInput
          label="MAC address"
          placeholder="AA:BB:CC:DD:EE:FF"
          {...textField(props, 'macAddress')}
          onBlur={onMacBlur}
          inputWrapperOrder={['label', 'input', 'description', 'error']}
          description={
            macWarning && (
              <Text span size="xs" c="orange.8" role="status">
                {macWarning}
              </Text>
            )
          }
        />
        <TextInput label="CPE model" placeholder="e.g. LiteBeam 5AC" {...textField(props, 'cpeModel')} />
        <TextInput label="Access point" placeholder="Tower or AP name" {...textField(props, 'accessPoint')} />
      </SimpleGrid>
    </Stack>
  );
}
