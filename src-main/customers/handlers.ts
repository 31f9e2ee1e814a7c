import type { EventBus } from '../rpc/events';
import type { Handlers } from '../rpc/registry';
import { exportCustomersCsv } from './csvExport';
import type { ImportRunner } from './importRunner';
import type { CustomersService } from './service';

type CustomerChannels = Extract<keyof Handlers, `customers.${string}`>;

export function customersHandlers(
  service: CustomersService,
  importRunner: ImportRunner,
  events: EventBus,
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
    'customers.setStatus': ({ id, status, reason }) => {
      const updated = service.setStatus(id, status, reason);
      events.emit('customers.changed', { ids: [id] });
      return updated;
    },
    'customers.revealPppoePassword': ({ id }) => ({ password: service.revealPppoePassword(id) }),
    'customers.countByStatus': () => service.countByStatus(),
    'customers.importPreview': ({ csv, mapping }) => importRunner.preview(csv, mapping),
    'customers.importCommit': async (job) => {
      const outcome = await importRunner.commit(job, (done, total) =>
        events.emit('progress', { task: 'customers.import', done, total }),
      );
      events.emit('customers.changed', { ids: 'many' });
      return outcome;
    },
    'customers.exportCsv': (filter) => exportCustomersCsv(service.store, filter),
  };
}
