// Issued documents to PDF bytes: the layout (./documentLayout) on the shared printer (./printer).
import type { IssuedDocument } from '../../../src-shared/contract';
import { documentsDefinition, type DocumentImages } from './documentLayout';
import { rememberImage, renderPdf } from './printer';

/** Reads an image (a logo, a signature) by its hash; null when it is gone. */
export type ImageSource = (sha256: string) => Buffer | null;

function imagesOf(doc: IssuedDocument, source: ImageSource): DocumentImages {
  const load = (sha256: string | null) => {
    if (!sha256) return null;
    const bytes = source(sha256);
    // A missing image prints without it rather than refusing the document.
    return bytes ? rememberImage(sha256, bytes) : null;
  };
  return { logo: load(doc.parties.seller.logoSha256), signature: load(doc.parties.seller.signatureSha256) };
}

/** One PDF of the documents in order, each on its own pages with its own page numbers. */
export function documentsPdf(docs: IssuedDocument[], source: ImageSource = () => null): Promise<Buffer> {
  if (docs.length === 0) throw new Error('no documents to print');
  return renderPdf(documentsDefinition(docs.map((doc) => ({ doc, images: imagesOf(doc, source) }))));
}

/** "INV/26-27/00042" -> "INV-26-27-00042.pdf": a document's number as a safe file name. */
export function documentFilename(number: string, extension = 'pdf'): string {
  const safe = number.replace(/[/\\:*?"<>|\s]+/g, '-').replace(/^[-.]+|-+$/g, '');
  return `${safe || 'document'}.${extension}`;
}
