// The parts of pdfmake 0.3 that WispDesk uses (the package ships no types): the server entry for
// its in-memory file system and access policies, and the layout engine's own modules, which
// ./printer drives a chunk at a time (the same steps as pdfmake's Printer.createPdfKitDocument).
declare module 'pdfmake' {
  interface PdfMakeFont {
    normal: string;
    bold: string;
    italics: string;
    bolditalics: string;
  }
  interface VirtualFs {
    writeFileSync(name: string, content: Buffer): void;
    existsSync(name: string): boolean;
  }
  interface PdfMake {
    virtualfs: VirtualFs;
    setFonts(fonts: Record<string, PdfMakeFont>): void;
    setUrlAccessPolicy(allow: (url: string) => boolean): void;
    setLocalAccessPolicy(allow: (path: string) => boolean): void;
  }
  const pdfmake: PdfMake;
  export default pdfmake;
}

declare module 'pdfmake/js/PDFDocument' {
  /** pdfkit's document, with pdfmake's font, image and local-file rules. */
  export default class PDFDocument {
    constructor(
      fonts: object,
      images: Record<string, string>,
      patterns: object,
      attachments: object,
      options: object,
      virtualfs: object,
      localAccessPolicy: (path: string) => boolean,
    );
    on(event: 'data', listener: (chunk: Buffer) => void): this;
    on(event: 'end', listener: () => void): this;
    on(event: 'error', listener: (error: Error) => void): this;
    end(): void;
  }
}

declare module 'pdfmake/js/LayoutBuilder' {
  export default class LayoutBuilder {
    constructor(pageSize: object, pageMargins: object, svgMeasure: object);
    registerTableLayouts(layouts: object): void;
    layoutDocument(content: unknown, pdfDocument: object, styles: object, defaultStyle: object): object[];
  }
}

declare module 'pdfmake/js/Renderer' {
  export default class Renderer {
    constructor(pdfDocument: object, progressCallback: ((fraction: number) => void) | undefined);
    renderPages(pages: object[]): void;
  }
}

declare module 'pdfmake/js/SVGMeasure' {
  export default class SVGMeasure {}
}

declare module 'pdfmake/js/PageSize' {
  export function normalizePageSize(
    pageSize: string | object,
    orientation: string | undefined,
  ): { width: number; height: number };
  export function normalizePageMargin(margin: number | number[]): object;
}

declare module 'pdfmake/js/tableLayouts' {
  export const tableLayouts: object;
}

declare module 'pdfmake/js/qrEnc' {
  /** Lays a { qr } node out as canvas rectangles: a background, then one per dark module. */
  const qrEncoder: {
    measure(node: { qr: string; eccLevel: string }): { _canvas: { x: number; y: number; w: number }[] };
  };
  export default qrEncoder;
}
