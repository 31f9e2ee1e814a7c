// Issued documents to PDF bytes: the layout (./documentLayout) on the shared printer (./printer).
import type { IssuedDocument } from '../../../src-shared/contract';
import { documentSection, documentsSetup, type DocumentImages } from './documentLayout';
import { rememberImage, renderChunks } from './printer';

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

/** Documents laid out per chunk: enough to keep the layout engine busy, few enough to bound memory. */
const CHUNK = 10;

/**
 * One PDF of the documents in order, each on its own pages with its own page numbers.
 * `onProgress` hears how many documents are written so far.
 */
export function documentsPdf(
  docs: IssuedDocument[],
  source: ImageSource = () => null,
  onProgress?: (done: number) => void,
): Promise<Buffer> {
  if (docs.length === 0) throw new Error('no documents to print');
  const withImages = docs.map((doc) => ({ doc, images: imagesOf(doc, source) }));
  function* chunks() {
    for (let at = 0; at < withImages.length; at += CHUNK) {
      // Built as they are laid out, so only one chunk's definitions are alive at a time.
      yield withImages.slice(at, at + CHUNK).map(({ doc, images }) => documentSection(doc, images));
    }
  }
  return renderChunks(documentsSetup(withImages), chunks(), (index) =>
    onProgress?.(Math.min(docs.length, (index + 1) * CHUNK)),
  );
}

/** "INV/26-27/00042" -> "INV-26-27-00042.pdf": a document's number as a safe file name. */
export function documentFilename(number: string, extension = 'pdf'): string {
  const safe = number.replace(/[/\\:*?"<>|\s]+/g, '-').replace(/^[-.]+|-+$/g, '');
  return `${safe || 'document'}.${extension}`;
}
