// The composition root used by both hosts (Electron and browser mode): open the database,
// build the services, register every handler of the contract.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { openDatabase, type DbHandle } from './db/connection';
import { translateDatabaseError } from './db/constraints';
import { schemaVersion, type Migration } from './db/migrate';
import { CustomerImport } from './customers/csvImport';
import { customersHandlers } from './customers/handlers';
import { importInProcess, importInWorker } from './customers/importRunner';
import { CustomersService } from './customers/service';
import { loadDemoIsp } from './demo/demoIsp';
import { plansHandlers } from './plans/handlers';
import { PlansService } from './plans/service';
import { EventBus } from './rpc/events';
import { Registry, type RegistryOptions } from './rpc/registry';
import { SecretBox } from './secrets/secretBox';
import { settingsHandlers } from './settings/handlers';
import { SettingsService } from './settings/service';

export const APP_VERSION = '0.1.0';
export const DATABASE_FILE = 'wispdesk.sqlite';

export interface AppOptions extends RegistryOptions {
  dataDir: string;
  host: 'electron' | 'browser';
  /** The built import worker (out/main/importWorker.js); without it imports run in-process. */
  importWorkerFile?: string;
  /** Migrate and refresh planner statistics on open (default); a worker's connection skips both. */
  maintain?: boolean;
  /** The migrations to apply (tests add their own); the bundled ones by default. */
  migrations?: Migration[];
}

export interface Services {
  settings: SettingsService;
  plans: PlansService;
  customers: CustomersService;
  customerImport: CustomerImport;
}

export interface App {
  registry: Registry;
  events: EventBus;
  services: Services;
  db: DbHandle;
  close(): void;
}

export function createApp(options: AppOptions): App {
  mkdirSync(options.dataDir, { recursive: true });
  const db = openDatabase(join(options.dataDir, DATABASE_FILE), {
    maintain: options.maintain ?? true,
    migrations: options.migrations,
  });
  const secrets = SecretBox.inDataDir(options.dataDir);
  const events = new EventBus();

  const settings = new SettingsService(db);
  const plans = new PlansService(db);
  const customers = new CustomersService(db, plans, settings, secrets);
  const customerImport = new CustomerImport(customers, plans);
  const services: Services = { settings, plans, customers, customerImport };

  const importRunner = options.importWorkerFile
    ? importInWorker(options.importWorkerFile, options.dataDir, db)
    : importInProcess(customerImport);

  const registry = new Registry({ translateError: translateDatabaseError, ...options });
  registry.registerAll({
    'app.info': () => ({
      name: 'WispDesk' as const,
      version: APP_VERSION,
      host: options.host,
      dataDir: options.dataDir,
      schemaVersion: schemaVersion(db.sqlite),
    }),
    'app.loadDemo': () => {
      const summary = loadDemoIsp(services);
      events.emit('plans.changed', { id: 'many' });
      events.emit('customers.changed', { ids: 'many' });
      events.emit('settings.changed', {});
      return summary;
    },
    ...settingsHandlers(settings, events),
    ...plansHandlers(plans, events),
    ...customersHandlers(customers, importRunner, events),
  });
  const missing = registry.missing();
  if (missing.length) throw new Error(`no handler for ${missing.join(', ')}`);

  return { registry, events, services, db, close: () => db.close() };
}
