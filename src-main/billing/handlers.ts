import type { AppJobKinds } from '../jobs/kinds';
import type { JobRunner } from '../jobs/runner';
import type { EventBus } from '../rpc/events';
import type { Handlers } from '../rpc/registry';
import type { BillingService } from './service';

type BillingChannels = Extract<keyof Handlers, `billing.${string}`>;

export function billingHandlers(
  service: BillingService,
  jobs: JobRunner<AppJobKinds>,
  events: EventBus,
): Pick<Handlers, BillingChannels> {
  const changed = (customerIds: number[] | 'many') => events.emit('billing.changed', { customerIds });
  return {
    'billing.preview': (input) => {
      service.checkRunDate(input.asOf);
      return jobs.offThread('billing.preview', input);
    },
    'billing.run': async (input) => {
      service.checkRunDate(input.asOf);
      const result = await jobs.run('billing.run', input, `Billing run as of ${input.asOf}`);
      if (result.invoiceCount > 0) {
        changed('many');
        events.emit('customers.changed', { ids: 'many' });
      }
      return result;
    },
    'billing.documents': (input) => service.documents(input),
    'billing.document': ({ id }) => service.document(id),
    'billing.creditNote': (input) => {
      const note = service.creditNote(input);
      changed([note.customerId]);
      return note;
    },
    'billing.customer': ({ customerId }) => service.customerBilling(customerId),
    'billing.addCharge': (input) => {
      const outcome = service.addCharge(input);
      changed([input.customerId]);
      return outcome;
    },
    'billing.cancelCharge': ({ id }) => {
      const charge = service.cancelCharge(id);
      changed([charge.customerId]);
      return charge;
    },
    'billing.changePlan': (input) => {
      const outcome = service.changePlan(input);
      changed([input.customerId]);
      events.emit('customers.changed', { ids: [input.customerId] });
      return outcome;
    },
    'billing.pdf': ({ id }) => jobs.offThread('billing.pdf', { id }),
    'billing.printBatch': (input) =>
      jobs.run(
        'billing.printBatch',
        input,
        input.format === 'zip' ? 'Invoices as a ZIP of PDFs' : 'Invoices as one PDF',
      ),
  };
}
