import { Button, Code, CopyButton, Group } from '@mantine/core';
import { IconEye, IconEyeOff } from '@tabler/icons-react';
import { useState } from 'react';
import { call } from '../../../api';
import { notifyError } from '../../../lib/notify';

/** The password stays on the back end until the operator asks to see it. */
export function PppoePasswordReveal({ customerId }: { customerId: number }) {
  const [password, setPassword] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);

  async function reveal() {
    setLoading(true);
    try {
      const result = await call('customers.revealPppoePassword', { id: customerId });
      setPassword(result.password ?? '');
    } catch (error) {
      notifyError(error, 'Could not show the password');
    } finally {
      setLoading(false);
    }
  }

  if (password === null) {
    return (
      <Button size="compact-sm" variant="light" leftSection={<IconEye size={14} />} loading={loading} onClick={reveal}>
        Show password
      </Button>
    );
  }
  return (
    <Group gap="xs">
      <Code aria-label="PPPoE password">{password || '(none)'}</Code>
      <CopyButton value={password}>
        {({ copied, copy }) => (
          <Button size="compact-xs" variant="subtle" onClick={copy}>
            {copied ? 'Copied' : 'Copy'}
          </Button>
        )}
      </CopyButton>
      <Button
        size="compact-xs"
        variant="subtle"
        color="gray"
        leftSection={<IconEyeOff size={12} />}
        onClick={() => setPassword(null)}
      >
        Hide
      </Button>
    </Group>
  );
}
