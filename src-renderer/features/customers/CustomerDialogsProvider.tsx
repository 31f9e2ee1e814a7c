import { useMemo, useState, type ReactNode } from 'react';
import { useHashRoute } from '../../router/useHashRoute';
import { CustomerDialogsContext, type CustomerDialogs, type CustomerFormRequest } from './customerDialogsContext';
import { CustomerFormModal } from './CustomerFormModal';
import { ImportCsvModal } from './import/ImportCsvModal';

/** Hosts the app-wide customer dialogs so any screen or shortcut can open them. */
export function CustomerDialogsProvider({ children }: { children: ReactNode }) {
  const [formRequest, setFormRequest] = useState<CustomerFormRequest | null>(null);
  // A new key per opening gives the form fresh state each time.
  const [formKey, setFormKey] = useState(0);
  const [importOpen, setImportOpen] = useState(false);

  // Going to another screen (the Back button, a link) closes the dialogs of the one left behind.
  const route = useHashRoute();
  const [dialogRoute, setDialogRoute] = useState(route);
  if (route !== dialogRoute) {
    setDialogRoute(route);
    setFormRequest(null);
    setImportOpen(false);
  }

  const dialogs = useMemo<CustomerDialogs>(
    () => ({
      openCustomerForm: (request) => {
        setFormKey((k) => k + 1);
        setFormRequest(request);
      },
      openImport: () => setImportOpen(true),
    }),
    [],
  );

  return (
    <CustomerDialogsContext.Provider value={dialogs}>
      {children}
      {formRequest && <CustomerFormModal key={formKey} request={formRequest} onClose={() => setFormRequest(null)} />}
      {importOpen && <ImportCsvModal onClose={() => setImportOpen(false)} />}
    </CustomerDialogsContext.Provider>
  );
}
