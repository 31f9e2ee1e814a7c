import type { ImportField } from '../../../../src-shared/contract';

export const IMPORT_FIELD_LABELS: Record<ImportField, string> = {
  name: 'Name',
  phone: 'Phone',
  phone2: 'Second phone',
  email: 'E-mail',
  address: 'Address',
  latitude: 'Latitude',
  longitude: 'Longitude',
  idProof: 'ID proof',
  notes: 'Notes',
  status: 'Status',
  connectionType: 'Connection type',
  pppoeUsername: 'PPPoE username',
  pppoePassword: 'PPPoE password',
  staticIp: 'Static IP',
  macAddress: 'MAC address',
  cpeModel: 'CPE model',
  accessPoint: 'Access point',
  plan: 'Plan',
  billingDay: 'Billing day',
  installedOn: 'Installation date',
  gstin: 'GSTIN',
  placeOfSupply: 'Place of supply (state)',
  billingStartOn: 'Billing starts on',
};

export function importFieldLabel(field: string): string {
  return field in IMPORT_FIELD_LABELS ? IMPORT_FIELD_LABELS[field as ImportField] : field;
}
