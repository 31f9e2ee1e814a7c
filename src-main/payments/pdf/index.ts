// Payments' printed documents (pdfmake, on the jobs worker): receipts on A4 and on an 80 mm
// thermal roll, the customer statement, the day book and reminder letters.
import type { ParsedInput, PdfFile, ReceiptFormat } from '../../../src-shared/contract';
import type { Services } from '../../app';
import type { ReportProgress } from '../../jobs/runner';

export async function receiptPdf(services: Services, id: number, format: ReceiptFormat): Promise<PdfFile> {
  void services;
  void id;
  void format;
  throw new Error('receipt PDFs are not built yet');
}

export async function statementPdf(services: Services, input: ParsedInput<'payments.statementPdf'>): Promise<PdfFile> {
  void services;
  void input;
  throw new Error('statement PDFs are not built yet');
}

export async function dayBookPdf(services: Services, day: string): Promise<PdfFile> {
  void services;
  void day;
  throw new Error('day book PDFs are not built yet');
}

export async function remindersPdf(
  services: Services,
  input: ParsedInput<'payments.remindersPdf'>,
  progress: ReportProgress,
): Promise<PdfFile & { count: number }> {
  void services;
  void input;
  void progress;
  throw new Error('reminder letters are not built yet');
}
