import { Button, Center, Paper, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconAntenna, IconDatabaseImport } from '@tabler/icons-react';
import { useState } from 'react';
import { call } from '../../api';
import { notifyError, notifySuccess } from '../../lib/notify';
import { SettingsForm } from './SettingsForm';
import { useSettings } from './useSettings';

/** Shown on a new database until the company details are saved. */
export function FirstRunScreen() {
  const { settings, setSettings, reload } = useSettings();
  const [loadingDemo, setLoadingDemo] = useState(false);

  async function loadDemo() {
    setLoadingDemo(true);
    try {
      const demo = await call('app.loadDemo', {});
      notifySuccess(`Loaded ${demo.customers} customers on ${demo.plans} plans`, 'Demo ISP ready');
      reload();
    } catch (error) {
      notifyError(error, 'Demo not loaded');
    } finally {
      setLoadingDemo(false);
    }
  }

  return (
    <Center mih="100vh" p="xl" bg="var(--mantine-color-body)">
      <Stack maw={760} w="100%" gap="lg">
        <Stack gap={4} align="center">
          <ThemeIcon size={56} radius="xl" variant="light">
            <IconAntenna size={32} />
          </ThemeIcon>
          <Title order={1}>Welcome to WispDesk</Title>
          <Text c="dimmed" ta="center">
            Tell us about your ISP. These details go on invoices and receipts; you can change them later in Settings.
          </Text>
        </Stack>
        <Paper withBorder shadow="sm" p="xl">
          <SettingsForm
            settings={settings}
            submitLabel="Save and start"
            onSaved={setSettings}
            extraActions={
              <Button
                variant="default"
                leftSection={<IconDatabaseImport size={18} />}
                loading={loadingDemo}
                onClick={loadDemo}
              >
                Load demo ISP
              </Button>
            }
          />
        </Paper>
      </Stack>
    </Center>
  );
}
