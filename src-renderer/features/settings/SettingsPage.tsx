import { Paper, SimpleGrid, Stack } from '@mantine/core';
import { PageHeader } from '../../components/PageHeader';
import { notifySuccess } from '../../lib/notify';
import { CompanyImageField } from './CompanyImageField';
import { FormSection } from './form/FormSection';
import { SettingsForm } from './SettingsForm';
import { useSettings } from './useSettings';

export function SettingsPage() {
  const { settings, setSettings } = useSettings();
  return (
    <>
      <PageHeader title="Settings" description="Your company details, and how invoices are taxed, numbered and paid." />
      <Stack maw={860} gap="lg" pb="xl">
        <Paper withBorder p="lg">
          <SettingsForm
            settings={settings}
            billing
            submitLabel="Save"
            onSaved={(saved) => {
              setSettings(saved);
              notifySuccess('Settings saved');
            }}
          />
        </Paper>
        <Paper withBorder p="lg">
          <FormSection
            id="images"
            title="Logo and signature"
            description="Saved as soon as you pick a file; invoices already issued keep the ones they printed."
          >
            <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="xl">
              <CompanyImageField which="logo" settings={settings} onChanged={setSettings} />
              <CompanyImageField which="signature" settings={settings} onChanged={setSettings} />
            </SimpleGrid>
          </FormSection>
        </Paper>
      </Stack>
    </>
  );
}
