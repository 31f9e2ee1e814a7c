// Every kind of job, by name. Adding one (a billing run, a PDF batch, a backup) is one entry:
// the function runs in the jobs worker, or in-process where there is no built worker.
import type { ParsedInput } from '../../src-shared/contract';
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
} satisfies JobKinds;

export type AppJobKinds = typeof JOB_KINDS;
