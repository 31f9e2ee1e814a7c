// The one PDF engine of the process: pdfmake's layout and renderer writing into one pdfkit
// document, a chunk of content at a time, so a batch of a thousand invoices never holds more
// than one chunk's layout in memory (pdfmake's createPdf lays out a whole document before it
// writes a page). Fonts are read from disk once into pdfmake's in-memory file system, and no
// document may fetch a URL or read a local file: a logo name or a URL typed by someone cannot
// make a PDF reach out.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import pdfmake from 'pdfmake';
import LayoutBuilder from 'pdfmake/js/LayoutBuilder';
import { normalizePageMargin, normalizePageSize } from 'pdfmake/js/PageSize';
import PDFDocument from 'pdfmake/js/PDFDocument';
import Renderer from 'pdfmake/js/Renderer';
import SVGMeasure from 'pdfmake/js/SVGMeasure';
import { tableLayouts } from 'pdfmake/js/tableLayouts';

export const FONT_FAMILY = 'DejaVuSans';
const FONT_FILES = { normal: 'DejaVuSans.ttf', bold: 'DejaVuSans-Bold.ttf' };
const FONTS = {
  [FONT_FAMILY]: {
    normal: FONT_FILES.normal,
    bold: FONT_FILES.bold,
    // No italics are printed; mapping them keeps a stray one from embedding another font.
    italics: FONT_FILES.normal,
    bolditalics: FONT_FILES.bold,
  },
};

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

let fontsLoaded = false;

/** Loads the fonts once, and shuts pdfmake's own createPdf off from URLs and local files too. */
function loadFonts(): void {
  if (fontsLoaded) return;
  const dir = findFontsDir();
  for (const file of Object.values(FONT_FILES)) pdfmake.virtualfs.writeFileSync(file, readFileSync(join(dir, file)));
  pdfmake.setFonts(FONTS);
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy(() => false);
  fontsLoaded = true;
}

/** Puts an image (a logo, a signature) in pdfmake's memory under its hash; returns its name there. */
export function rememberImage(sha256: string, bytes: Buffer): string {
  const name = `image-${sha256}`;
  if (!pdfmake.virtualfs.existsSync(name)) pdfmake.virtualfs.writeFileSync(name, bytes);
  return name;
}

/** What every page of a PDF shares; the content comes separately, in chunks. */
export interface PdfSetup {
  /** 'A4', or a size in points; a height of 'auto' makes one page as tall as its content (a till roll). */
  pageSize?: string | { width: number; height: number | 'auto' };
  /** [left, top, right, bottom] in points. */
  pageMargins?: [number, number, number, number];
  info?: { title?: string; author?: string };
  defaultStyle?: Record<string, unknown>;
  /** Image names used in the content -> a name in pdfmake's memory or a data: URL. */
  images?: Record<string, string>;
}

/**
 * Lays out and writes each chunk of content (a pdfmake content array; sections start new pages)
 * into one PDF. `onChunk` runs after each chunk is written.
 */
export async function renderChunks(
  setup: PdfSetup,
  chunks: Iterable<unknown[]>,
  onChunk?: (index: number) => void,
): Promise<Buffer> {
  loadFonts();
  // A copy: pdfmake turns an 'auto' height into Infinity in the object it is given.
  const pageSize = normalizePageSize(
    typeof setup.pageSize === 'object' ? { ...setup.pageSize } : (setup.pageSize ?? 'A4'),
    undefined,
  );
  const margins = normalizePageMargin(setup.pageMargins ?? [40, 40, 40, 40]);
  const pdf = new PDFDocument(
    FONTS,
    { ...setup.images },
    {},
    {},
    {
      size: [pageSize.width, pageSize.height],
      compress: true,
      autoFirstPage: false,
      fontLayoutCache: true,
      bufferPages: false,
      font: null,
      info: {
        Title: setup.info?.title ?? '',
        Author: setup.info?.author ?? '',
        Creator: 'WispDesk',
        Producer: 'WispDesk',
      },
    },
    pdfmake.virtualfs,
    // Fonts and images come from memory; any path or URL left in a document is refused.
    () => false,
  );
  const output: Buffer[] = [];
  pdf.on('data', (chunk: Buffer) => output.push(chunk));
  const ended = new Promise<void>((resolve, reject) => {
    pdf.on('end', resolve);
    pdf.on('error', reject);
  });
  let index = 0;
  for (const content of chunks) {
    const builder = new LayoutBuilder(pageSize, margins, new SVGMeasure());
    builder.registerTableLayouts(tableLayouts);
    const pages = builder.layoutDocument(content, pdf, {}, setup.defaultStyle ?? { font: FONT_FAMILY });
    for (const page of pages as LaidOutPage[]) {
      if (page.pageSize.height === Infinity) page.pageSize.height = contentHeight(page, margins);
    }
    new Renderer(pdf, undefined).renderPages(pages);
    onChunk?.(index++);
  }
  pdf.end();
  await ended;
  return Buffer.concat(output);
}

interface LaidOutItem {
  type: string;
  item: { x?: number; y?: number; y1?: number; y2?: number; h?: number; _height?: number; getHeight?: () => number };
}
interface LaidOutPage {
  pageSize: { width: number; height: number };
  items: LaidOutItem[];
}

/** How tall an 'auto' page is: its lowest item plus the bottom margin (as pdfmake's own printer does). */
function contentHeight(page: LaidOutPage, margins: object): number {
  const { top, bottom } = margins as { top: number; bottom: number };
  let height = top;
  for (const { type, item } of page.items) {
    let itemHeight = 0;
    if (typeof item.getHeight === 'function') itemHeight = item.getHeight();
    else if (item._height) itemHeight = item._height;
    else if (type === 'vector') itemHeight = item.y1 !== undefined ? Math.max(item.y1, item.y2 ?? 0) : (item.h ?? 0);
    height = Math.max(height, (item.y ?? 0) + itemHeight);
  }
  return height + bottom;
}

/** Renders one pdfmake-style definition ({ content, images, … }) to PDF bytes. */
export function renderPdf(definition: PdfSetup & { content: unknown }): Promise<Buffer> {
  const { content, ...setup } = definition;
  return renderChunks(setup, [Array.isArray(content) ? content : [content]]);
}
