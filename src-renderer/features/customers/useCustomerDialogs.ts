import { useContext } from 'react';
import { CustomerDialogsContext, type CustomerDialogs } from './customerDialogsContext';

/** Opens the customer form or the CSV import from any screen (Ctrl+N uses it too). */
export function useCustomerDialogs(): CustomerDialogs {
  const dialogs = useContext(CustomerDialogsContext);
  if (!dialogs) throw new Error('useCustomerDialogs must be used inside <CustomerDialogsProvider>');
  return dialogs;
}
