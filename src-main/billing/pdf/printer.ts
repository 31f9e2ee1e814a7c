// The one pdfmake set-up of the process: fonts read from disk once into pdfmake's in-memory
// file system, and no document may fetch a URL or read a local file (a description, a logo
// name or a URL typed by someone cannot make a PDF reach out).
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import pdfmake from 'pdfmake';

export const FONT_FAMILY = 'DejaVuSans';
const FONT_FILES = { normal: 'DejaVuSans.ttf', bold: 'DejaVuSans-Bold.ttf' };

/**
 * resources/fonts: beside the packaged app (process.resourcesPath), or up from this file in
 * development and tests (src-main/billing/pdf) and in the built app (out/main).
 */
export function findFontsDir(start = __dirname): string {
  const candidates: string[] = [];
  const resourcesPath = (process as { resourcesPath?: string }).resourcesPath;
  if (resourcesPath) candidates.push(join(resourcesPath, 'fonts'), join(resourcesPath, 'resources', 'fonts'));
  for (let dir = start; ; dir = dirname(dir)) {
    candidates.push(join(dir, 'resources', 'fonts'));
    if (dirname(dir) === dir) break;
  }
  const found = candidates.find((dir) => existsSync(join(dir, FONT_FILES.normal)));
  if (!found) throw new Error(`the PDF fonts (${FONT_FILES.normal}) are not in any of: ${candidates.join(', ')}`);
  return found;
}

let ready: typeof pdfmake | null = null;

/** pdfmake with the fonts loaded and every outside resource refused; set up on first use. */
export function pdfPrinter(): typeof pdfmake {
  if (ready) return ready;
  const dir = findFontsDir();
  for (const file of Object.values(FONT_FILES)) pdfmake.virtualfs.writeFileSync(file, readFileSync(join(dir, file)));
  pdfmake.setFonts({
    [FONT_FAMILY]: {
      normal: FONT_FILES.normal,
      bold: FONT_FILES.bold,
      // No italics are printed; mapping them keeps a stray one from embedding another font.
      italics: FONT_FILES.normal,
      bolditalics: FONT_FILES.bold,
    },
  });
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy(() => false);
  ready = pdfmake;
  return pdfmake;
}

/** Puts an image (a logo, a signature) in pdfmake's memory under its hash; returns its name there. */
export function rememberImage(sha256: string, bytes: Buffer): string {
  const name = `image-${sha256}`;
  const printer = pdfPrinter();
  if (!printer.virtualfs.existsSync(name)) printer.virtualfs.writeFileSync(name, bytes);
  return name;
}

/** Renders a pdfmake document definition to PDF bytes. */
export function renderPdf(docDefinition: object): Promise<Buffer> {
  return pdfPrinter().createPdf(docDefinition).getBuffer();
}
