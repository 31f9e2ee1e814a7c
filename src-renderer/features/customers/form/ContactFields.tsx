import { ActionIcon, Button, Group, SimpleGrid, Stack, TextInput, Textarea } from '@mantine/core';
import { IconPlus, IconX } from '@tabler/icons-react';
import { useRef } from 'react';
import { MAX_PHONES } from '../customerFormValues';
import { textField, type CustomerFieldsProps } from './customerFieldProps';

export function ContactFields(props: CustomerFieldsProps) {
  const { values, errors, set } = props;
  // The phone input "Add phone" made takes focus, so typing goes into it, not onto the button.
  const focusPhone = useRef<number | null>(null);
  const setPhone = (index: number, phone: string) =>
    set(
      'phones',
      values.phones.map((p, i) => (i === index ? phone : p)),
    );
  const removePhone = (index: number) =>
    set(
      'phones',
      values.phones.filter((_, i) => i !== index),
    );

  return (
    <Stack gap="sm">
      <TextInput label="Name" required data-autofocus {...textField(props, 'name')} />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        {values.phones.map((phone, index) => (
          <TextInput
            key={index}
            label={index === 0 ? 'Phone' : `Phone ${index + 1}`}
            type="tel"
            value={phone}
            error={errors[`phones.${index}`]}
            onChange={(event) => setPhone(index, event.currentTarget.value)}
            ref={(input) => {
              if (input && focusPhone.current === index) {
                focusPhone.current = null;
                input.focus();
              }
            }}
            rightSection={
              index > 0 && (
                <ActionIcon
                  variant="subtle"
                  color="gray"
                  aria-label={`Remove phone ${index + 1}`}
                  onClick={() => removePhone(index)}
                >
                  <IconX size={14} />
                </ActionIcon>
              )
            }
          />
        ))}
      </SimpleGrid>
      {values.phones.length < MAX_PHONES && (
        <Group>
          <Button
            variant="subtle"
            size="compact-sm"
            leftSection={<IconPlus size={14} />}
            onClick={() => {
              focusPhone.current = values.phones.length;
              set('phones', [...values.phones, '']);
            }}
          >
            Add phone
          </Button>
        </Group>
      )}
      <TextInput label="E-mail" type="email" {...textField(props, 'email')} />
      <Textarea label="Address" autosize minRows={2} maxRows={5} {...textField(props, 'address')} />
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <TextInput label="Latitude" placeholder="19.0760" {...textField(props, 'latitude')} />
        <TextInput label="Longitude" placeholder="72.8777" {...textField(props, 'longitude')} />
        <TextInput label="ID proof" placeholder="Aadhaar last 4, passport no." {...textField(props, 'idProof')} />
      </SimpleGrid>
    </Stack>
  );
}
