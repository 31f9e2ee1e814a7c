// Events the back end pushes to the UI (Electron: webContents.send; browser mode: /api/events).
export interface AppEvents {
  /** Customers were created, changed or imported: lists and counts should refresh. */
  'customers.changed': { ids: number[] | 'many' };
  'plans.changed': { id: number | 'many' };
  'settings.changed': Record<string, never>;
  /** Progress of long work such as an import. */
  progress: { task: string; done: number; total: number };
}
export type EventName = keyof AppEvents;
