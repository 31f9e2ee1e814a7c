import { CustomerDialogsProvider } from '../customers/CustomerDialogsProvider';
import { FirstRunScreen } from '../settings/FirstRunScreen';
import { useSettings } from '../settings/useSettings';
import { AppLayout } from './AppLayout';

/** First run until the company is set up, then the app itself. */
export function Workspace() {
  const { settings } = useSettings();
  if (!settings.configured) return <FirstRunScreen />;
  return (
    <CustomerDialogsProvider>
      <AppLayout />
    </CustomerDialogsProvider>
  );
}
