import type { EventBus } from '../rpc/events';
import type { Handlers } from '../rpc/registry';
import { exportCustomersCsv } from './csvExport';
import { exportCustomersXlsx } from './xlsxExport';
import type { AppJobKinds } from '../jobs/kinds';
import type { JobRunner } from '../jobs/runner';
import type { CustomersService } from './service';
import type { CustomerReads } from './store';

type CustomerChannels = Extract<keyof Handlers, `customers.${string}`>;

export function customersHandlers(
  service: CustomersService,
  jobs: JobRunner<AppJobKinds>,
  events: EventBus,
  /** The export reads through a read-only connection: it cannot write, and never waits on a writer. */
  reads: CustomerReads = service.store,
): Pick<Handlers, CustomerChannels> {
  return {
    'customers.list': (input) => service.list(input),
    'customers.search': ({ query, limit }) => service.search(query, limit),
    'customers.get': ({ id }) => service.get(id),
    'customers.create': (input) => {
      const customer = service.create(input);
      events.emit('customers.changed', { ids: [customer.id] });
      return customer;
    },
    'customers.update': ({ id, customer }) => {
      const updated = service.update(id, customer);
      events.emit('customers.changed', { ids: [id] });
      return updated;
    },
    'customers.setStatus': ({ id, status, reason, keepIdentifiers }) => {
      const updated = service.setStatus(id, status, reason, keepIdentifiers);
      events.emit('customers.changed', { ids: [id] });
      return updated;
    },
    'customers.macHolders': ({ macAddress, exceptId }) => service.macHolders(macAddress, exceptId),
    'customers.history': ({ id }) => service.timeline(id),
    'customers.revealPppoePassword': ({ id }) => ({ password: service.revealPppoePassword(id) }),
    'customers.countByStatus': () => service.countByStatus(),
    'customers.accessPoints': () => service.store.accessPoints(),
    'customers.importPreview': (input) => jobs.offThread('customers.importPreview', input),
    'customers.importProblemRows': (input) => jobs.offThread('customers.importProblemRows', input),
    // A job: visible in jobs.list while it writes and after; this call waits for its outcome.
    'customers.importCommit': async (input) => {
      const outcome = await jobs.run('customers.import', input, `Import of ${input.fileName || 'a spreadsheet'}`);
      events.emit('customers.changed', { ids: 'many' });
      return outcome;
    },
    // The list's filter as the list reads it (a phone number in any form), phones as the office dials them.
    'customers.exportCsv': (filter) =>
      exportCustomersCsv(
        reads,
        { ...filter, query: service.searchText(filter.query) },
        service.country,
        service.today(),
      ),
    // The same rows as a workbook, its identifiers string cells: for opening in Excel or LibreOffice.
    'customers.exportXlsx': (filter) =>
      exportCustomersXlsx(
        reads,
        { ...filter, query: service.searchText(filter.query) },
        service.country,
        service.today(),
      ),
  };
}
