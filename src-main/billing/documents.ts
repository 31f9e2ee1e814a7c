// Documents as PDFs (pdfmake): one invoice or credit note, or a batch for the printer.
// Both run on the jobs worker; the layout is in ./pdf, the document itself from the billing service.
import { zipSync } from 'fflate';
import type { IssuedDocument, ParsedInput } from '../../src-shared/contract';
import { AppError } from '../../src-shared/errors';
import type { Services } from '../app';
import type { ReportProgress } from '../jobs/runner';
import { documentFilename, documentsPdf, type ImageSource } from './pdf/renderDocuments';

/** Logos and signatures by hash, from the images table. */
export function imageSource(services: Services): ImageSource {
  const read = services.billing.handle.sqlite.prepare<[string], { mime: string; bytes: Buffer }>(
    'SELECT mime, bytes FROM images WHERE sha256 = ?',
  );
  const cache = new Map<string, Buffer | null>();
  return (sha256) => {
    if (!cache.has(sha256)) cache.set(sha256, read.get(sha256)?.bytes ?? null);
    return cache.get(sha256)!;
  };
}

export async function documentPdf(services: Services, id: number): Promise<{ filename: string; base64: string }> {
  const doc = services.billing.document(id);
  const pdf = await documentsPdf([doc], imageSource(services));
  return { filename: documentFilename(doc.number), base64: pdf.toString('base64') };
}

/** The documents a batch prints: a billing run's invoices (by the job that issued them), or those chosen. */
function batchIds(services: Services, input: ParsedInput<'billing.printBatch'>): number[] {
  if (input.jobId === null) return input.ids;
  const rows = services.billing.handle.sqlite
    .prepare<[number], { id: number }>('SELECT id FROM invoices WHERE job_id = ? ORDER BY id')
    .all(input.jobId);
  return rows.map((r) => r.id);
}

/** "Invoices-INV-26-27-00001-to-INV-26-27-00250.pdf"; credit notes or a mix say so. */
function batchFilename(docs: IssuedDocument[], extension: 'pdf' | 'zip'): string {
  const kinds = new Set(docs.map((d) => d.kind));
  const noun = kinds.size > 1 ? 'Documents' : kinds.has('credit_note') ? 'Credit-notes' : 'Invoices';
  const first = documentFilename(docs[0]!.number, '').slice(0, -1);
  const last = documentFilename(docs[docs.length - 1]!.number, '').slice(0, -1);
  return `${noun}-${first === last ? first : `${first}-to-${last}`}.${extension}`;
}

/**
 * One PDF for the printer (each document on its own pages, numbered on its own), or a ZIP of
 * one PDF per document named by its number. Progress counts documents.
 */
export async function printBatch(
  services: Services,
  input: ParsedInput<'billing.printBatch'>,
  reportProgress: ReportProgress,
): Promise<{ filename: string; base64: string; count: number }> {
  const ids = batchIds(services, input);
  if (ids.length === 0) throw new AppError('not_found', 'There are no documents to print.');
  const images = imageSource(services);
  const total = ids.length;
  reportProgress(0, total);

  if (input.format === 'zip') {
    const files: Record<string, Uint8Array> = {};
    const docs: IssuedDocument[] = [];
    for (const id of ids) {
      const doc = services.billing.document(id);
      // Numbers are unique per kind: an invoice and a credit note numbered alike keep both files.
      let name = documentFilename(doc.number);
      if (files[name]) name = documentFilename(`${doc.number}-${doc.kind}-${doc.id}`);
      files[name] = await documentsPdf([doc], images);
      // Keep only what the file name needs: a thousand documents in full are not held at once.
      docs.push({ ...doc, lines: [], creditNotes: [] });
      reportProgress(docs.length, total);
    }
    // PDFs are compressed already: stored, not deflated again.
    const zip = zipSync(files, { level: 0 });
    return { filename: batchFilename(docs, 'zip'), base64: Buffer.from(zip).toString('base64'), count: docs.length };
  }

  const docs = ids.map((id) => services.billing.document(id));
  // Reading is quick; laying out and writing the pages is the long part, reported as it goes.
  const pdf = await documentsPdf(docs, images, (done) => reportProgress(done, total));
  reportProgress(total, total);
  return { filename: batchFilename(docs, 'pdf'), base64: pdf.toString('base64'), count: docs.length };
}
