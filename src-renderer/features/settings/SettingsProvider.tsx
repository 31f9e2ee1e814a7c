import { Alert, Button, Center, Stack } from '@mantine/core';
import { IconPlugConnectedX } from '@tabler/icons-react';
import { useCallback, useMemo, useState, type ReactNode } from 'react';
import type { Settings } from '../../../src-shared/contract';
import { call } from '../../api';
import { PageLoader } from '../../components/PageLoader';
import { useLoader } from '../../hooks/useLoader';
import { errorMessage } from '../../lib/notify';
import { SettingsContext, type SettingsContextValue } from './settingsContext';

export function SettingsProvider({ children }: { children: ReactNode }) {
  const loadSettings = useCallback(() => call('settings.get', {}), []);
  const { data, error, loading, reload } = useLoader(loadSettings);
  const [saved, setSaved] = useState<Settings | null>(null);
  const settings = saved ?? data;

  const value = useMemo<SettingsContextValue | null>(
    () =>
      settings
        ? {
            settings,
            setSettings: setSaved,
            reload: () => {
              setSaved(null);
              reload();
            },
          }
        : null,
    [settings, reload],
  );

  if (!value) {
    if (loading) return <PageLoader label="Starting WispDesk" />;
    return (
      <Center h="100vh" p="xl">
        <Stack maw={480}>
          <Alert color="red" title="WispDesk could not start" icon={<IconPlugConnectedX />}>
            {errorMessage(error)}
          </Alert>
          <Button onClick={reload}>Try again</Button>
        </Stack>
      </Center>
    );
  }
  return <SettingsContext.Provider value={value}>{children}</SettingsContext.Provider>;
}
