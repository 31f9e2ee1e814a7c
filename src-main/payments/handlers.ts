import type { AppJobKinds } from '../jobs/kinds';
import type { JobRunner } from '../jobs/runner';
import type { EventBus } from '../rpc/events';
import type { Handlers } from '../rpc/registry';
import type { PaymentsReports } from './reports';
import type { PaymentsService } from './service';

type PaymentsChannels = Extract<keyof Handlers, `payments.${string}`>;

export function paymentsHandlers(
  service: PaymentsService,
  reports: PaymentsReports,
  jobs: JobRunner<AppJobKinds>,
  events: EventBus,
): Pick<Handlers, PaymentsChannels> {
  // A payment moves invoices' statuses and the customer's balance: both lists refresh.
  const changed = (customerIds: number[] | 'many') => {
    events.emit('payments.changed', { customerIds });
    events.emit('billing.changed', { customerIds });
  };
  return {
    'payments.counter': ({ customerId }) => service.counter(customerId),
    'payments.record': (input) => {
      const payment = service.record(input);
      changed([payment.customerId]);
      return payment;
    },
    'payments.list': (input) => service.list(input),
    'payments.get': ({ id }) => service.get(id),
    'payments.reverse': (input) => {
      const payment = service.reverse(input);
      changed([payment.customerId]);
      return payment;
    },
    'payments.refund': (input) => {
      const refund = service.refund(input);
      changed([refund.customerId]);
      return refund;
    },
    'payments.setBillingMode': ({ customerId, mode }) => {
      const counter = service.setBillingMode(customerId, mode);
      changed([customerId]);
      events.emit('customers.changed', { ids: [customerId] });
      return counter;
    },
    'payments.rechargeQuote': ({ customerId, planId, periods }) => service.rechargeQuote(customerId, planId, periods),
    'payments.recharge': (input) => {
      const outcome = service.recharge(input);
      changed([input.customerId]);
      return outcome;
    },
    'payments.receiptPdf': (input) => jobs.offThread('payments.receiptPdf', input),
    'payments.statement': (input) => reports.statement(input),
    'payments.statementPdf': (input) => jobs.offThread('payments.statementPdf', input),
    'payments.dayBook': ({ day }) => reports.dayBook(day),
    'payments.closeDay': (input) => {
      const book = reports.closeDay(input);
      changed('many');
      return book;
    },
    'payments.dayBookPdf': (input) => jobs.offThread('payments.dayBookPdf', input),
    'payments.dues': (input) => reports.dues(input),
    'payments.duesCsv': (input) => reports.duesCsv(input),
    'payments.remindersPdf': (input) => {
      reports.checkAnyoneToRemind(input);
      return jobs.run('payments.remindersPdf', input, 'Reminder letters');
    },
    'payments.statementSources': () => jobs.offThread('payments.statementSources', {}),
    'payments.importPreview': (input) => jobs.offThread('payments.importPreview', input),
    'payments.importCommit': async (input) => {
      const result = await jobs.run('payments.importCommit', input, `Import of ${input.file.filename}`);
      if (result.recorded > 0) changed('many');
      return result;
    },
  };
}
