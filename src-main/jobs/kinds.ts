// Every kind of job, by name. Adding one (a billing run, a PDF batch, a backup) is one entry:
// the function runs in the jobs worker, or in-process where there is no built worker.
import type { ParsedInput } from '../../src-shared/contract';
import { documentPdf, printBatch } from '../billing/documents';
import { dayBookPdf, receiptPdf, remindersPdf, statementPdf } from '../payments/pdf';
import { importCommit, importPreview, statementSources } from '../payments/statementImport';
import type { JobKinds } from './runner';

export const JOB_KINDS = {
  /** Writes the rows of a spreadsheet the operator kept, checked inside the transaction that writes them. */
  'customers.import': (services, { csv, mapping, skipRows }: ParsedInput<'customers.importCommit'>, reportProgress) => {
    const { imported, skipped, alreadyIn } = services.customerImport.commit(csv, mapping, skipRows, reportProgress);
    return { imported, skipped, alreadyIn };
  },
  /** Checks a spreadsheet and writes nothing: off the UI thread, but not a job (see JobRunner.offThread). */
  'customers.importPreview': (services, { csv, mapping }: ParsedInput<'customers.importPreview'>) =>
    services.customerImport.preview(csv, mapping),
  /** The rows to fix, as a CSV: off the UI thread like the preview. */
  'customers.importProblemRows': (services, { csv, mapping }: ParsedInput<'customers.importProblemRows'>) =>
    services.customerImport.problemRows(csv, mapping),
  /** What a billing run would issue: writes nothing. */
  'billing.preview': (services, input: ParsedInput<'billing.preview'>) => services.billing.preview(input),
  /** Issues a run's invoices in one transaction. */
  'billing.run': (services, input: ParsedInput<'billing.run'>, reportProgress, jobId) =>
    services.billing.run(input, jobId, reportProgress),
  /** One document as a PDF. */
  'billing.pdf': (services, { id }: { id: number }) => documentPdf(services, id),
  /** Many documents as one PDF or a ZIP of PDFs. */
  'billing.printBatch': (services, input: ParsedInput<'billing.printBatch'>, reportProgress) =>
    printBatch(services, input, reportProgress),
  'payments.receiptPdf': (services, { id, format }: ParsedInput<'payments.receiptPdf'>) =>
    receiptPdf(services, id, format),
  'payments.statementPdf': (services, input: ParsedInput<'payments.statementPdf'>) => statementPdf(services, input),
  'payments.dayBookPdf': (services, { day }: ParsedInput<'payments.dayBookPdf'>) => dayBookPdf(services, day),
  /** Reminder letters for one customer or a whole dues list. */
  'payments.remindersPdf': (services, input: ParsedInput<'payments.remindersPdf'>, reportProgress) =>
    remindersPdf(services, input, reportProgress),
  'payments.statementSources': (services) => statementSources(services),
  /** Reads a bank statement and matches its credits: writes nothing. */
  'payments.importPreview': (services, input: ParsedInput<'payments.importPreview'>) => importPreview(services, input),
  /** Records a statement's confirmed credits as payments, in one transaction. */
  'payments.importCommit': (services, input: ParsedInput<'payments.importCommit'>, reportProgress, jobId) =>
    importCommit(services, input, jobId, reportProgress),
} satisfies JobKinds;

export type AppJobKinds = typeof JOB_KINDS;
