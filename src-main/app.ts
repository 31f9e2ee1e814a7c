// The composition root used by both hosts (Electron and browser mode): open the database,
// build the services, register every handler of the contract.
import { join } from 'node:path';
import { billingHandlers } from './billing/handlers';
import { BillingService } from './billing/service';
import { openDatabase, openReadOnly, type DbHandle } from './db/connection';
import { schemaVersion, type Migration } from './db/migrate';
import { CustomerImport } from './customers/csvImport';
import { customersHandlers } from './customers/handlers';
import { CustomerReads } from './customers/store';
import { CustomersService } from './customers/service';
import { loadDemoIsp } from './demo/demoIsp';
import { jobsHandlers } from './jobs/handlers';
import { JOB_KINDS, type AppJobKinds } from './jobs/kinds';
import { JobRunner } from './jobs/runner';
import { paymentsHandlers } from './payments/handlers';
import { PaymentsReports } from './payments/reports';
import { PaymentsService } from './payments/service';
import { plansHandlers } from './plans/handlers';
import { PlansService } from './plans/service';
import { EventBus } from './rpc/events';
import { Registry, type RegistryOptions } from './rpc/registry';
import type { KeyWrap } from './secrets/keyFile';
import { openSecrets } from './secrets/openSecrets';
import type { SecretBox } from './secrets/secretBox';
import { settingsHandlers } from './settings/handlers';
import { SettingsService } from './settings/service';
import { prepareDataDir } from './shell/dataDir';

export const APP_VERSION = '0.1.0';
export const DATABASE_FILE = 'wispdesk.sqlite';

export interface AppOptions extends RegistryOptions {
  dataDir: string;
  host: 'electron' | 'browser';
  /** The built jobs worker (out/main/jobsWorker.js); without it jobs run in-process. */
  jobWorkerFile?: string;
  /**
   * Migrate, refresh planner statistics and mark the jobs a dead process left running (default);
   * a worker's connection skips all three.
   */
  maintain?: boolean;
  /** What time it is (tests set it: "00:30 on 1 April in Kolkata"); the system clock by default. */
  clock?: () => Date;
  /** The migrations to apply (tests add their own); the bundled ones by default. */
  migrations?: Migration[];
  /** The desktop app has the operating system lock the key file (Electron safeStorage). */
  keyWrap?: KeyWrap;
  /** The desktop app shows a PDF in a window with Print and Save; browser mode has none. */
  openPdf?: (filename: string, bytes: Buffer) => void;
}

export interface Services {
  settings: SettingsService;
  plans: PlansService;
  customers: CustomersService;
  customerImport: CustomerImport;
  billing: BillingService;
  payments: PaymentsService;
  paymentsReports: PaymentsReports;
}

export interface App {
  registry: Registry;
  events: EventBus;
  services: Services;
  /** The one runner of long writes. */
  jobs: JobRunner<AppJobKinds>;
  db: DbHandle;
  close(): void;
}

export function createApp(options: AppOptions): App {
  prepareDataDir(options.dataDir, { owned: options.host === 'electron' });
  const db = openDatabase(join(options.dataDir, DATABASE_FILE), {
    maintain: options.maintain ?? true,
    migrations: options.migrations,
  });
  let secrets: SecretBox;
  try {
    const maintain = options.maintain ?? true;
    secrets = openSecrets({ dataDir: options.dataDir, sqlite: db.sqlite, keyWrap: options.keyWrap, maintain });
  } catch (error) {
    db.close();
    throw error;
  }
  const events = new EventBus();
  // Long reads (the CSV export) go through their own read-only connection.
  const reader = openReadOnly(join(options.dataDir, DATABASE_FILE));

  const settings = new SettingsService(db, options.clock);
  const plans = new PlansService(db);
  const customers = new CustomersService(db, plans, settings, secrets);
  const customerImport = new CustomerImport(customers, plans);
  const billing = new BillingService(db, settings, plans, customers);
  customers.billingHooks = {
    statusChanged: (id, from, to, on) => billing.statusChanged(id, from, to, on),
    planChangeEffectiveOn: (id) => billing.nextPeriodStart(id),
  };
  const payments = new PaymentsService(db, settings, billing);
  const paymentsReports = new PaymentsReports(db, settings);
  billing.ledgerHooks = {
    credits: () => payments.store.credits(),
    invoiceIssued: (customerId, invoiceId, on) => payments.applyCredit(customerId, invoiceId, on),
    beforeCredit: (invoiceId, amount, on) => payments.beforeCredit(invoiceId, amount, on),
  };
  const services: Services = { settings, plans, customers, customerImport, billing, payments, paymentsReports };

  const jobs = new JobRunner({
    handle: db,
    dataDir: options.dataDir,
    services,
    events,
    kinds: JOB_KINDS,
    workerFile: options.jobWorkerFile,
    log: options.log,
  });
  if (options.maintain ?? true) jobs.interruptLeftovers();

  // A write refused because a job holds the database is told which job.
  const registry = new Registry({
    ...options,
    translateError: (error) => jobs.translateError(error) ?? options.translateError?.(error),
  });
  registry.registerAll({
    'app.info': () => ({
      name: 'WispDesk' as const,
      version: APP_VERSION,
      host: options.host,
      dataDir: options.dataDir,
      schemaVersion: schemaVersion(db.sqlite),
    }),
    'app.openPdf': ({ filename, base64 }) => {
      if (!options.openPdf) return { opened: false };
      options.openPdf(filename, Buffer.from(base64, 'base64'));
      return { opened: true };
    },
    'app.loadDemo': () => {
      const summary = loadDemoIsp({ services, db });
      events.emit('plans.changed', { id: 'many' });
      events.emit('customers.changed', { ids: 'many' });
      events.emit('settings.changed', {});
      return summary;
    },
    ...settingsHandlers(settings, events),
    ...plansHandlers(plans, events),
    ...customersHandlers(customers, jobs, events, new CustomerReads(reader)),
    ...jobsHandlers(jobs),
    ...billingHandlers(billing, jobs, events),
    ...paymentsHandlers(payments, paymentsReports, jobs, events),
  });
  const missing = registry.missing();
  if (missing.length) throw new Error(`no handler for ${missing.join(', ')}`);

  return {
    registry,
    events,
    services,
    jobs,
    db,
    close: () => {
      reader.close();
      db.close();
    },
  };
}
