import type { CustomerStatus } from '../../../../src-shared/contract';

export interface StatusAction {
  label: string;
  to: CustomerStatus;
  color: string;
  /** What happens, in the confirm dialog. */
  explain: string;
}

const suspend: StatusAction = {
  label: 'Suspend',
  to: 'suspended',
  color: 'orange',
  explain: 'Service stops until you restore it. The account, plan and billing stay as they are.',
};
const restore: StatusAction = {
  label: 'Restore',
  to: 'active',
  color: 'teal',
  explain: 'Service starts again on the current plan.',
};
const disconnect: StatusAction = {
  label: 'Disconnect',
  to: 'disconnected',
  color: 'red',
  explain: 'The connection is cut and billing stops. You can restore it later.',
};
const archive: StatusAction = {
  label: 'Archive',
  to: 'archived',
  color: 'gray',
  explain: 'The customer leaves the lists and can no longer be edited. Their history is kept.',
};
const bringBack: StatusAction = {
  label: 'Bring back',
  to: 'active',
  color: 'indigo',
  explain: 'The customer returns from the archive as active.',
};

/** What the operator can do from each status. */
export const STATUS_ACTIONS: Record<CustomerStatus, StatusAction[]> = {
  active: [suspend, disconnect, archive],
  suspended: [restore, disconnect, archive],
  disconnected: [restore, archive],
  archived: [bringBack],
};
