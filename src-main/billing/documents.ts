// Documents as PDFs (pdfmake): one invoice or credit note, or a batch for the printer.
import type { ParsedInput } from '../../src-shared/contract';
import type { Services } from '../app';
import type { ReportProgress } from '../jobs/runner';

export function documentPdf(_services: Services, _id: number): Promise<{ filename: string; base64: string }> {
  throw new Error('todo');
}

export function printBatch(
  _services: Services,
  _input: ParsedInput<'billing.printBatch'>,
  _progress: ReportProgress,
): Promise<{ filename: string; base64: string; count: number }> {
  throw new Error('todo');
}
