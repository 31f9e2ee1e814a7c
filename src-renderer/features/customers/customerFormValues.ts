import type { ConnectionType, Customer, CustomerInput } from '../../../src-shared/contract';

/** What the customer form holds: text as typed, converted to CustomerInput only on save. */
export interface CustomerFormValues {
  name: string;
  phones: string[];
  email: string;
  address: string;
  latitude: string;
  longitude: string;
  idProof: string;
  notes: string;
  connectionType: ConnectionType;
  pppoeUsername: string;
  pppoePassword: string;
  staticIp: string;
  macAddress: string;
  cpeModel: string;
  accessPoint: string;
  planId: string | null;
  billingDay: string;
  installedOn: string;
  /** GST mode (INR): the customer's GSTIN, blank when not registered. */
  gstin: string;
  /** GST state code; null: the company's state (or the GSTIN's). */
  placeOfSupply: string | null;
  /** Blank: the server's default, the later of installation and the day added. */
  billingStartOn: string;
}

export const MAX_PHONES = 4;

/** A new customer's form; `today` is the office's date (installed today unless changed). */
export function emptyCustomerValues(today = ''): CustomerFormValues {
  return {
    name: '',
    phones: [''],
    email: '',
    address: '',
    latitude: '',
    longitude: '',
    idProof: '',
    notes: '',
    connectionType: 'pppoe',
    pppoeUsername: '',
    pppoePassword: '',
    staticIp: '',
    macAddress: '',
    cpeModel: '',
    accessPoint: '',
    planId: null,
    billingDay: '1',
    installedOn: today,
    gstin: '',
    placeOfSupply: null,
    billingStartOn: '',
  };
}

export function customerValues(customer: Customer): CustomerFormValues {
  return {
    name: customer.name,
    phones: customer.phones.length ? [...customer.phones] : [''],
    email: customer.email ?? '',
    address: customer.address,
    latitude: customer.latitude === null ? '' : String(customer.latitude),
    longitude: customer.longitude === null ? '' : String(customer.longitude),
    idProof: customer.idProof,
    notes: customer.notes,
    connectionType: customer.connectionType,
    pppoeUsername: customer.pppoeUsername ?? '',
    pppoePassword: '',
    staticIp: customer.staticIp ?? '',
    macAddress: customer.macAddress ?? '',
    cpeModel: customer.cpeModel,
    accessPoint: customer.accessPoint,
    planId: customer.planId === null ? null : String(customer.planId),
    billingDay: String(customer.billingDay),
    installedOn: customer.installedOn ?? '',
    gstin: customer.gstin ?? '',
    placeOfSupply: customer.placeOfSupply,
    billingStartOn: customer.billingStartOn ?? '',
  };
}

export interface CustomerFormOutcome {
  input?: CustomerInput;
  /** Problems found before asking the server, keyed like the server's field paths. */
  errors: Record<string, string>;
  /** Index sent to the server -> index of the phone input, since blank phones are left out. */
  phoneIndex: number[];
}

function coordinate(text: string, field: string, errors: Record<string, string>): number | null {
  if (!text.trim()) return null;
  const value = Number(text.trim());
  if (!Number.isFinite(value)) errors[field] = 'must be a number like 19.0760';
  return Number.isFinite(value) ? value : null;
}

/** Converts what was typed into CustomerInput; on edit a blank password keeps the current one. */
export function toCustomerInput(values: CustomerFormValues, editing: boolean): CustomerFormOutcome {
  const errors: Record<string, string> = {};
  const phoneIndex: number[] = [];
  const phones: string[] = [];
  values.phones.forEach((phone, index) => {
    if (phone.trim()) {
      phoneIndex.push(index);
      phones.push(phone);
    }
  });
  if (!values.name.trim()) errors.name = 'is required';
  const billingDay = Number(values.billingDay);
  if (!Number.isInteger(billingDay) || billingDay < 1 || billingDay > 28) errors.billingDay = 'must be 1 to 28';
  const latitude = coordinate(values.latitude, 'latitude', errors);
  const longitude = coordinate(values.longitude, 'longitude', errors);
  const pppoe = values.connectionType === 'pppoe';

  const input: CustomerInput = {
    name: values.name,
    phones,
    email: values.email,
    address: values.address,
    latitude,
    longitude,
    idProof: values.idProof,
    notes: values.notes,
    connectionType: values.connectionType,
    pppoeUsername: pppoe ? values.pppoeUsername : null,
    staticIp: values.staticIp,
    macAddress: values.macAddress,
    cpeModel: values.cpeModel,
    accessPoint: values.accessPoint,
    planId: values.planId === null ? null : Number(values.planId),
    billingDay,
    installedOn: values.installedOn,
    gstin: values.gstin,
    placeOfSupply: values.placeOfSupply,
    billingStartOn: values.billingStartOn,
  };
  if (!pppoe) input.pppoePassword = null;
  else if (values.pppoePassword) input.pppoePassword = values.pppoePassword;
  else if (!editing) input.pppoePassword = null;
  return { input: Object.keys(errors).length ? undefined : input, errors, phoneIndex };
}

/**
 * Moves server errors back onto the form's inputs: "phones.N" onto the phone input the operator
 * typed in, and an edit's "customer.x" (customers.update wraps the input) onto field x.
 */
export function remapPhoneErrors(errors: Record<string, string>, phoneIndex: number[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [fullPath, message] of Object.entries(errors)) {
    const path = fullPath.replace(/^customer\./, '');
    const match = /^phones\.(\d+)$/.exec(path);
    out[match ? `phones.${phoneIndex[Number(match[1])] ?? match[1]}` : path] = message;
  }
  return out;
}
