import { createContext } from 'react';
import type { Customer } from '../../../src-shared/contract';

export interface CustomerFormRequest {
  /** The customer to edit; leave out for a new one. */
  customer?: Customer;
  onSaved?: (customer: Customer) => void;
}

export interface CustomerDialogs {
  openCustomerForm: (request: CustomerFormRequest) => void;
  openImport: () => void;
}

export const CustomerDialogsContext = createContext<CustomerDialogs | null>(null);
