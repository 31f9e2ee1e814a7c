import { Paper } from '@mantine/core';
import { PageHeader } from '../../components/PageHeader';
import { notifySuccess } from '../../lib/notify';
import { SettingsForm } from './SettingsForm';
import { useSettings } from './useSettings';

export function SettingsPage() {
  const { settings, setSettings } = useSettings();
  return (
    <>
      <PageHeader title="Settings" description="Your company details, printed on invoices and receipts." />
      <Paper withBorder p="lg" maw={760}>
        <SettingsForm
          settings={settings}
          submitLabel="Save"
          onSaved={(saved) => {
            setSettings(saved);
            notifySuccess('Settings saved');
          }}
        />
      </Paper>
    </>
  );
}
