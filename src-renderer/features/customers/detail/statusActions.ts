import type { CustomerStatus } from '../../../../src-shared/contract';

export interface StatusAction {
  label: string;
  to: CustomerStatus;
  color: string;
  /**
   * What the action does today, in the confirm dialog. WispDesk does not reach routers or bill
   * yet: the network and billing work will change these words when the action does more.
   */
  explain: string;
}

const suspend: StatusAction = {
  label: 'Suspend',
  to: 'suspended',
  color: 'orange',
  explain:
    'WispDesk marks the customer suspended and records the reason on their timeline. It does not switch their connection off yet: do that on the router. The plan stays as it is.',
};
const restore: StatusAction = {
  label: 'Restore',
  to: 'active',
  color: 'teal',
  explain:
    'WispDesk marks the customer active again and records it on their timeline. It does not switch their connection back on yet: do that on the router.',
};
const disconnect: StatusAction = {
  label: 'Disconnect',
  to: 'disconnected',
  color: 'red',
  explain:
    'WispDesk marks the customer disconnected and records the reason on their timeline. It does not cut their connection yet: do that on the router. You can restore them later.',
};
const archive: StatusAction = {
  label: 'Archive',
  to: 'archived',
  color: 'gray',
  explain:
    'WispDesk moves the customer to the archive and records the reason on their timeline: they leave the current list and can no longer be edited. Their history is kept.',
};
const bringBack: StatusAction = {
  label: 'Bring back',
  to: 'active',
  color: 'indigo',
  explain:
    'WispDesk brings the customer back from the archive as active and records it on their timeline. Their IP and PPPoE username come back if nobody has taken them.',
};

/** What the operator can do from each status. */
export const STATUS_ACTIONS: Record<CustomerStatus, StatusAction[]> = {
  active: [suspend, disconnect, archive],
  suspended: [restore, disconnect, archive],
  disconnected: [restore, archive],
  archived: [bringBack],
};
