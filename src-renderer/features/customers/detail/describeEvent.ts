// A timeline entry in the operator's words: "Suspended", "Plan: Home 20 → Business 50".
import type { CustomerEvent, CustomerStatus } from '../../../../src-shared/contract';

export interface EventText {
  title: string;
  /** Further lines: what changed, what was freed or taken back. */
  lines: string[];
  color: string;
}

const STATUS_WORDS: Record<CustomerStatus, string> = {
  active: 'Active',
  suspended: 'Suspended',
  disconnected: 'Disconnected',
  archived: 'Archived',
};

const FIELD_WORDS: Record<string, string> = {
  connectionType: 'Connection',
  pppoeUsername: 'PPPoE username',
  pppoePassword: 'PPPoE password',
  staticIp: 'Static IP',
  macAddress: 'MAC',
  cpeModel: 'CPE',
  accessPoint: 'Access point',
  name: 'Name',
  phones: 'Phones',
  email: 'E-mail',
  address: 'Address',
  billingDay: 'Billing day',
  installedOn: 'Installed on',
  gstin: 'GSTIN',
  placeOfSupply: 'Place of supply',
  billingStartOn: 'Billing starts',
};

function show(value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'string' && value.startsWith('[')) {
    try {
      return (JSON.parse(value) as string[]).join(', ') || '—';
    } catch {
      return value;
    }
  }
  return String(value);
}

function identifierLines(label: string, ids: Record<string, string> | undefined): string[] {
  if (!ids) return [];
  return Object.entries(ids)
    .filter(([, v]) => v)
    .map(([field, value]) => `${label} ${FIELD_WORDS[field] ?? field} ${value}`);
}

function changeLines(details: Record<string, unknown>): string[] {
  const changes = (details.changes ?? {}) as Record<string, [unknown, unknown]>;
  return Object.entries(changes).map(([field, [from, to]]) =>
    field === 'pppoePassword'
      ? 'PPPoE password changed'
      : `${FIELD_WORDS[field] ?? field}: ${show(from)} → ${show(to)}`,
  );
}

export function describeEvent(event: CustomerEvent): EventText {
  const d = event.details;
  switch (event.kind) {
    case 'created':
      return {
        title: d.source === 'import' ? 'Imported' : d.source === 'demo' ? 'Added (demo)' : 'Signed up',
        lines: d.planName ? [`Plan ${String(d.planName)}`] : [],
        color: 'blue',
      };
    case 'status_changed': {
      const from = d.from as CustomerStatus;
      const to = d.to as CustomerStatus;
      const title = from === 'archived' ? `Brought back as ${STATUS_WORDS[to].toLowerCase()}` : STATUS_WORDS[to];
      return {
        title,
        lines: [
          ...identifierLines('Freed', d.released as Record<string, string> | undefined),
          ...identifierLines('Took back', d.reclaimed as Record<string, string> | undefined),
          ...identifierLines('Not taken back:', d.taken as Record<string, string> | undefined),
        ],
        color: to === 'active' ? 'teal' : to === 'suspended' ? 'orange' : to === 'disconnected' ? 'red' : 'gray',
      };
    }
    case 'plan_changed': {
      const from = d.from as { name: string | null };
      const to = d.to as { name: string | null };
      return { title: `Plan: ${from.name ?? 'none'} → ${to.name ?? 'none'}`, lines: [], color: 'indigo' };
    }
    case 'connection_changed':
      return { title: 'Connection changed', lines: changeLines(d), color: 'cyan' };
    case 'details_changed':
      return { title: 'Details changed', lines: changeLines(d), color: 'gray' };
    case 'pppoe_password_revealed':
      return { title: 'PPPoE password shown', lines: [], color: 'yellow' };
    case 'phone_unparsed':
      return {
        title: 'Phone number needs checking',
        lines: [`${show(d.phone)} could not be read as a phone number: edit the customer to fix it`],
        color: 'red',
      };
  }
}
