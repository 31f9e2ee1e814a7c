// Payments' printed documents (pdfmake, on the jobs worker): receipts on A4 and on an 80 mm
// thermal roll, the customer statement, the day book and reminder letters. The data comes from
// the payments service and reports; the layouts are in this folder, on billing's printer.
import type { ParsedInput, PdfFile, ReceiptFormat } from '../../../src-shared/contract';
import { addDays } from '../../../src-shared/dates';
import { AppError } from '../../../src-shared/errors';
import { renderChunks } from '../../billing/pdf/printer';
import { documentFilename } from '../../billing/pdf/renderDocuments';
import type { Services } from '../../app';
import type { ReportProgress } from '../../jobs/runner';
import { companyOf } from './common';
import { dayBookLayout } from './dayBook';
import { receiptA4, receiptThermal } from './receipt';
import { reminderFacts, reminderLetter, remindersSetup, type ReminderFacts } from './reminders';
import { statementLayout } from './statement';

const pdfFile = (filename: string, pdf: Buffer): PdfFile => ({ filename, base64: pdf.toString('base64') });

/** A receipt or refund voucher: "Receipt-RCPT-26-27-00001.pdf", "Refund-RFD-26-27-0001.pdf". */
export async function receiptPdf(services: Services, id: number, format: ReceiptFormat): Promise<PdfFile> {
  const payment = services.payments.get(id);
  const company = companyOf(services);
  const { content, setup } = format === 'thermal80' ? receiptThermal(payment, company) : receiptA4(payment, company);
  const pdf = await renderChunks(setup, [content]);
  return pdfFile(documentFilename(`${payment.kind === 'refund' ? 'Refund' : 'Receipt'}-${payment.number}`), pdf);
}

/** "Statement-WD-000123-2026-04-01-to-2026-11-27.pdf" (or "…-to-2026-11-27.pdf" from the start). */
export async function statementPdf(services: Services, input: ParsedInput<'payments.statementPdf'>): Promise<PdfFile> {
  const statement = services.paymentsReports.statement(input);
  const { content, setup } = statementLayout(statement, companyOf(services));
  const pdf = await renderChunks(setup, [content]);
  const span = statement.from ? `${statement.from}-to-${statement.to}` : `to-${statement.to}`;
  return pdfFile(documentFilename(`Statement-${statement.accountNo}-${span}`), pdf);
}

/** "Day-book-2026-11-27.pdf" */
export async function dayBookPdf(services: Services, day: string): Promise<PdfFile> {
  const book = services.paymentsReports.dayBook(day);
  const { content, setup } = dayBookLayout(book, companyOf(services));
  return pdfFile(`Day-book-${book.day}.pdf`, await renderChunks(setup, [content]));
}

/** Letters laid out per chunk: a few dozen pages at a time, so 2,000 letters never sit in memory at once. */
const LETTERS_PER_CHUNK = 25;
/** How often the job reports its progress, in letters. */
const PROGRESS_EVERY = 50;
/** Rows per read of the dues list (its largest page). */
const DUES_PAGE = 500;

/** The customers to write to: those chosen, or everyone on the dues list as filtered (all its pages). */
function reminderIds(services: Services, input: ParsedInput<'payments.remindersPdf'>): number[] {
  if (input.customerIds.length > 0) return [...new Set(input.customerIds)];
  if (!input.dues) {
    throw new AppError('validation', 'Choose the customers to remind, or remind everyone on the dues list', {
      field: 'customerIds',
      issues: [{ path: ['customerIds'], message: 'pick at least one customer' }],
    });
  }
  const ids: number[] = [];
  for (let page = 1; ; page++) {
    const report = services.paymentsReports.dues({ ...input.dues, page, pageSize: DUES_PAGE });
    ids.push(...report.rows.map((r) => r.customerId));
    if (report.rows.length < DUES_PAGE || ids.length >= report.total) break;
  }
  return ids;
}

/**
 * One letter a customer who owes (or whose prepaid service ends soon), each on its own page:
 * "Reminder-WD-000123.pdf" for one, "Reminders-2026-11-27.pdf" for many. Progress counts letters.
 */
export async function remindersPdf(
  services: Services,
  input: ParsedInput<'payments.remindersPdf'>,
  progress: ReportProgress,
): Promise<PdfFile & { count: number }> {
  const settings = services.settings.get();
  const today = services.settings.today();
  const at = {
    today,
    remindUntil: addDays(today, Math.max(settings.prepaidReminderDays, input.dues?.dueWithinDays ?? 0)),
    country: settings.country,
  };
  // The facts are small (a few invoices each); the laid-out pages are what is built a chunk at a time.
  const letters: ReminderFacts[] = [];
  for (const id of reminderIds(services, input)) {
    const facts = reminderFacts(services, id, at);
    if (facts) letters.push(facts);
  }
  if (letters.length === 0) {
    throw new AppError('validation', 'Nobody in the list owes anything: there is nothing to remind');
  }
  const company = companyOf(services, settings);
  const total = letters.length;
  progress(0, total);
  function* chunks() {
    for (let at = 0; at < total; at += LETTERS_PER_CHUNK) {
      yield letters.slice(at, at + LETTERS_PER_CHUNK).map((r) => reminderLetter(r, company, today));
    }
  }
  let reported = 0;
  const pdf = await renderChunks(remindersSetup(company, total, letters[0]), chunks(), (index) => {
    const done = Math.min(total, (index + 1) * LETTERS_PER_CHUNK);
    if (done - reported >= PROGRESS_EVERY || done === total) {
      reported = done;
      progress(done, total);
    }
  });
  const filename = total === 1 ? documentFilename(`Reminder-${letters[0]!.accountNo}`) : `Reminders-${today}.pdf`;
  return { ...pdfFile(filename, pdf), count: total };
}
