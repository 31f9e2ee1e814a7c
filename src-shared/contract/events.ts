// Events the back end pushes to the UI (Electron: webContents.send; browser mode: /api/events).
export interface AppEvents {
  /** Customers were created, changed or imported: lists and counts should refresh. */
  'customers.changed': { ids: number[] | 'many' };
  'plans.changed': { id: number | 'many' };
  'settings.changed': Record<string, never>;
  /** Invoices or credit notes were issued, or charges changed: billing views should refresh. */
  'billing.changed': { customerIds: number[] | 'many' };
  /** Payments, refunds or reversals were recorded, or a day closed: payment views should refresh. */
  'payments.changed': { customerIds: number[] | 'many' };
  /** Progress of a job (src-main/jobs): `task` is its kind, e.g. customers.import. */
  progress: { task: string; jobId: number; done: number; total: number };
  /** A job started or ended: jobs.list has news. */
  'jobs.changed': { id: number };
}
export type EventName = keyof AppEvents;
