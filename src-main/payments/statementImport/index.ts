// Bank and UPI statement import: read a CSV with a saved column mapping, match each credit to a
// customer and invoices, and record the confirmed ones as payments, each bank row at most once.
import type {
  ParsedInput,
  StatementImportPreview,
  StatementImportResult,
  StatementSource,
} from '../../../src-shared/contract';
import type { Services } from '../../app';
import type { ReportProgress } from '../../jobs/runner';

export function statementSources(services: Services): StatementSource[] {
  void services;
  return [];
}

export function importPreview(
  services: Services,
  input: ParsedInput<'payments.importPreview'>,
): StatementImportPreview {
  void services;
  void input;
  throw new Error('statement import is not built yet');
}

export function importCommit(
  services: Services,
  input: ParsedInput<'payments.importCommit'>,
  jobId: number | null,
  progress: ReportProgress,
): StatementImportResult {
  void services;
  void input;
  void jobId;
  void progress;
  throw new Error('statement import is not built yet');
}
