// The part of pdfmake 0.3's server API that WispDesk uses (the package ships no types).
declare module 'pdfmake' {
  interface PdfMakeOutput {
    getBuffer(): Promise<Buffer>;
  }
  interface PdfMakeFont {
    normal: string;
    bold: string;
    italics: string;
    bolditalics: string;
  }
  interface PdfMake {
    virtualfs: { writeFileSync(name: string, content: Buffer): void; existsSync(name: string): boolean };
    setFonts(fonts: Record<string, PdfMakeFont>): void;
    setUrlAccessPolicy(allow: (url: string) => boolean): void;
    setLocalAccessPolicy(allow: (path: string) => boolean): void;
    createPdf(docDefinition: object, options?: object): PdfMakeOutput;
  }
  const pdfmake: PdfMake;
  export default pdfmake;
}
