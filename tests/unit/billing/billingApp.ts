// A real app on a fresh data dir whose clock the test moves: "today is 20 Nov 2026 in Kolkata".
import { createApp } from '../../../src-main/app';
import type { Input } from '../../../src-shared/contract';
import { call, onCleanup, tempDir, type TestApp } from '../helpers';

export interface BillingTestApp extends TestApp {
  /** Sets the office's date (noon in Kolkata). */
  setToday(date: string): void;
}

export const COMPANY: Input<'settings.save'> = {
  companyName: 'Sahyadri Wireless',
  address: 'FC Road, Pune 411005',
  taxId: '27AAKCS1234F1ZI',
  stateCode: '27',
  currency: 'INR',
  locale: 'en-IN',
  country: 'IN',
  timeZone: 'Asia/Kolkata',
};

export async function billingApp(
  today = '2026-11-20',
  settings: Partial<Input<'settings.save'>> = {},
): Promise<BillingTestApp> {
  const dataDir = tempDir();
  let now = new Date(`${today}T06:30:00Z`);
  const app = createApp({ dataDir, host: 'browser', checkOutputs: true, clock: () => now });
  onCleanup(() => app.close());
  await call(app, 'settings.save', { ...COMPANY, ...settings });
  return Object.assign(app, {
    dataDir,
    setToday(date: string) {
      now = new Date(`${date}T06:30:00Z`);
    },
  });
}

/** Every document's number, kind and total, oldest first. */
export function documents(app: TestApp): { number: string; kind: string; total: number; status: string }[] {
  return app.db.sqlite.prepare(`SELECT number, kind, total_minor AS total, status FROM invoices ORDER BY id`).all() as {
    number: string;
    kind: string;
    total: number;
    status: string;
  }[];
}
