// What every payments document shares: the company's letterhead from Settings, money and dates
// in the office's currency and locale, the palette and table rules of the invoices
// (billing's ./pdf), the A4 setup and a footer that numbers a document's own pages.
import type { PaymentMethod, Settings } from '../../../src-shared/contract';
import { formatMoney } from '../../../src-shared/money';
import { imageSource } from '../../billing/documents';
import type { Content } from '../../billing/pdf/documentLayout';
import { printedDate } from '../../billing/pdf/documentText';
import { FONT_FAMILY, rememberImage, type PdfSetup } from '../../billing/pdf/printer';
import type { Services } from '../../app';

export type { Content };

export const INK = '#1f2933';
export const MUTED = '#5f6b7a';
export const RULE = '#c3c9d1';
export const HEADER_FILL = '#2f3a4a';
export const SOFT_FILL = '#f1f3f6';
export const ALERT = '#b42318';

/** The office as its documents print it: Settings, with the logo and signature loaded if set. */
export interface Company {
  name: string;
  address: string;
  phone: string;
  email: string;
  taxId: string;
  /** "GSTIN" in India, "VAT No." or "Tax ID" elsewhere. */
  taxIdLabel: string;
  currency: string;
  locale: string;
  timeZone: string;
  upiId: string;
  bankDetails: string;
  paymentInstructions: string;
  footer: string;
  /** Names in pdfmake's memory (see rememberImage), or null. */
  logo: string | null;
  signature: string | null;
}

export function companyOf(services: Services, settings: Settings = services.settings.get()): Company {
  const source = imageSource(services);
  const load = (sha256: string | null) => {
    if (!sha256) return null;
    const bytes = source(sha256);
    // A logo that is gone prints the document without it.
    return bytes ? rememberImage(sha256, bytes) : null;
  };
  return {
    name: settings.companyName,
    address: settings.address,
    phone: settings.phone,
    email: settings.email,
    taxId: settings.taxId,
    taxIdLabel:
      settings.taxMode === 'vat'
        ? `${settings.taxLabel || 'VAT'} No.`
        : settings.currency === 'INR'
          ? 'GSTIN'
          : 'Tax ID',
    currency: settings.currency,
    locale: settings.locale,
    timeZone: settings.timeZone,
    upiId: settings.upiId,
    bankDetails: settings.bankDetails,
    paymentInstructions: settings.paymentInstructions,
    footer: settings.invoiceFooter,
    logo: load(settings.logoSha256),
    signature: load(settings.signatureSha256),
  };
}

/** Money and dates as the office writes them. */
export interface Format {
  /** ₹1,500.00 */
  sym(minor: number): string;
  /** 1,500.00 */
  num(minor: number): string;
  /** 27 Nov 2026 */
  date(iso: string | null): string;
}

export function formatOf(company: Pick<Company, 'currency' | 'locale'>): Format {
  const { currency, locale } = company;
  return {
    sym: (minor) => formatMoney(minor, currency, locale),
    num: (minor) => formatMoney(minor, currency, locale, { symbol: false }),
    date: (iso) => printedDate(iso, locale),
  };
}

export const METHOD_NAMES: Record<PaymentMethod, string> = {
  cash: 'Cash',
  upi: 'UPI',
  bank: 'Bank transfer',
  card: 'Card',
  cheque: 'Cheque',
  gateway: 'Online payment',
};

/** What the reference of a payment by this method is called on paper. */
export function referenceLabel(method: PaymentMethod): string {
  switch (method) {
    case 'upi':
      return 'UPI transaction id';
    case 'cheque':
      return 'Cheque no.';
    case 'bank':
      return 'UTR / reference';
    case 'gateway':
      return 'Gateway reference';
    case 'card':
    case 'cash':
      return 'Reference';
  }
}

/** "Label: value" lines in two tones, leaving out empty values. */
export function labelled(rows: [string, string][], fontSize = 8): Content[] {
  return rows
    .filter(([, value]) => value.trim() !== '')
    .map(([label, value]) => ({ text: [{ text: `${label}: `, color: MUTED }, value], fontSize }));
}

export const right = (text: string, extra: Record<string, unknown> = {}) => ({ text, alignment: 'right', ...extra });

/** A dark table header cell, as on the invoices. */
export const headCell = (text: string, extra: Record<string, unknown> = {}) => ({
  text,
  bold: true,
  color: 'white',
  fillColor: HEADER_FILL,
  fontSize: 7.5,
  ...extra,
});

/** Rules between rows only, light, with room to read: the statement, the day book, the letters. */
export const LIST_LAYOUT = {
  hLineWidth: (i: number, node: { table: { body: unknown[] } }) =>
    i === 0 || i === 1 || i === node.table.body.length ? 0.6 : 0.4,
  vLineWidth: () => 0,
  hLineColor: (i: number) => (i <= 1 ? HEADER_FILL : RULE),
  paddingLeft: () => 4,
  paddingRight: () => 4,
  paddingTop: () => 3,
  paddingBottom: () => 3,
};

/** Label and value rows with no rules: summaries beside a table. */
export const PLAIN_LAYOUT = {
  hLineWidth: () => 0,
  vLineWidth: () => 0,
  paddingLeft: () => 4,
  paddingRight: () => 4,
  paddingTop: () => 2,
  paddingBottom: () => 2,
};

/** The letterhead: logo, name, address, tax id and contacts on the left; the title and its facts on the right. */
export function letterhead(company: Company, title: string, facts: [string, string][] = []): Content {
  const details: Content[] = [
    { text: company.name, bold: true, fontSize: 14, color: INK },
    ...(company.address ? [{ text: company.address, fontSize: 8, margin: [0, 2, 0, 1] }] : []),
    ...labelled([[company.taxIdLabel, company.taxId]]),
    ...labelled([
      ['Phone', company.phone],
      ['Email', company.email],
    ]),
  ];
  const side: Content = {
    width: 210,
    stack: [
      { text: title.toUpperCase(), bold: true, fontSize: 15, color: HEADER_FILL, alignment: 'right' },
      {
        table: {
          widths: ['*', 'auto'],
          body: facts.map(([label, value]) => [
            { text: label, color: MUTED, alignment: 'right' },
            { text: value, bold: true, alignment: 'right' },
          ]),
        },
        layout: { ...PLAIN_LAYOUT, paddingLeft: () => 2, paddingRight: () => 0, paddingTop: () => 1 },
        fontSize: 8.5,
        margin: [0, 4, 0, 0],
      },
    ],
  };
  return {
    stack: [
      {
        columns: [
          ...(company.logo ? [{ image: company.logo, fit: [70, 56], width: 76 }] : []),
          { stack: details, width: '*' },
          side,
        ],
        columnGap: 10,
      },
      rule(),
    ],
  };
}

/** A thin line across an A4 page's text width. */
export function rule(width = A4_TEXT_WIDTH, margin: [number, number, number, number] = [0, 8, 0, 8]): Content {
  return { canvas: [{ type: 'line', x1: 0, y1: 0, x2: width, y2: 0, lineWidth: 0.6, lineColor: RULE }], margin };
}

/** A "For <company> … Authorised Signatory" block, with the signature image if there is one. */
export function signatory(company: Company, label = 'Authorised Signatory'): Content {
  return {
    width: 170,
    stack: [
      { text: `For ${company.name}`, bold: true, fontSize: 8.5, alignment: 'right' },
      company.signature
        ? { image: company.signature, fit: [110, 40], alignment: 'right', margin: [0, 4, 0, 2] }
        : { text: ' ', margin: [0, 30, 0, 0] },
      { text: label, fontSize: 7.5, color: MUTED, alignment: 'right' },
    ],
  };
}

/** A line to sign on, with what the signer is. */
export function signatureLine(label: string, width = 150): Content {
  return {
    width,
    stack: [
      {
        canvas: [{ type: 'line', x1: 0, y1: 0, x2: width, y2: 0, lineWidth: 0.6, lineColor: INK }],
        margin: [0, 36, 0, 3],
      },
      { text: label, fontSize: 7.5, color: MUTED },
    ],
  };
}

export const A4_MARGINS: [number, number, number, number] = [40, 36, 40, 48];
/** A4 is 595.28 pt wide. */
export const A4_TEXT_WIDTH = 595.28 - A4_MARGINS[0] - A4_MARGINS[2];

/**
 * A document on its own pages (a section starts a new page) whose footer numbers them on their
 * own, "WD-000123 · Page 1 of 2", even when it shares a PDF with others, as billing's do.
 */
export function numberedSection(body: Content[], company: Company, label: string): Content {
  // pdfmake has laid the section out when it asks for footers: the first node's positions say
  // where the document starts, and a blank point-sized mark after everything where it ends (the positions
  // inside an unbreakable block keep the page it was tried on before it moved on).
  const end = { text: '\u00a0', fontSize: 1, lineHeight: 1 };
  const stack = { stack: [...body, end] };
  type Placed = { positions?: { pageNumber: number }[] };
  return {
    section: stack,
    footer: (currentPage: number, pageCount: number) => {
      const first = (stack as Placed).positions?.[0]?.pageNumber ?? 1;
      const last = (end as Placed).positions?.[0]?.pageNumber ?? pageCount;
      return {
        columns: [
          { text: company.footer, fontSize: 7, color: MUTED, width: '*' },
          {
            text: `${label}  ·  Page ${currentPage - first + 1} of ${last - first + 1}`,
            fontSize: 7,
            color: MUTED,
            alignment: 'right',
            width: 'auto',
          },
        ],
        margin: [A4_MARGINS[0], 16, A4_MARGINS[2], 0],
      };
    },
  };
}

/** A4 with the invoices' font and ink; the logo and signature among the images. */
export function a4Setup(company: Company, title: string): PdfSetup {
  const images: Record<string, string> = {};
  for (const name of [company.logo, company.signature]) if (name) images[name] = name;
  return {
    pageSize: 'A4',
    pageMargins: A4_MARGINS,
    info: { title, author: company.name },
    defaultStyle: { font: FONT_FAMILY, fontSize: 8.5, color: INK, lineHeight: 1.15 },
    images,
  };
}
