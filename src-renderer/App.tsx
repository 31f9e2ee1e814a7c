import { MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { Workspace } from './features/shell/Workspace';
import { SettingsProvider } from './features/settings/SettingsProvider';
import { theme } from './theme';

export function App() {
  return (
    <MantineProvider theme={theme} defaultColorScheme="light">
      <Notifications position="top-right" limit={4} />
      <SettingsProvider>
        <Workspace />
      </SettingsProvider>
    </MantineProvider>
  );
}
