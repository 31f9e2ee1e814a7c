// What an invoice or credit note looks like on paper: a pdfmake document definition built from
// the issued document alone (it carries its own copy of the parties), so a reprint years later
// prints what was issued. GST rules for the layout: CGST + SGST within the seller's state, IGST
// across states; "Bill of Supply" when no tax is charged; the place of supply with its state code.
import type { DocumentLine, IssuedDocument } from '../../../src-shared/contract';
import { amountInWords } from '../../../src-shared/amountInWords';
import { FONT_FAMILY, type PdfSetup } from './printer';
import {
  moneyOf,
  percentText,
  printedDate,
  showsUpiQr,
  stateText,
  taxColumnsOf,
  taxIdLabel,
  titleOf,
  upiLink,
  type Money,
} from './documentText';
import { qrDataUrl } from './qrImage';

/** A pdfmake node: text, or an object such as { table }, { columns }, { stack }. */
export type Content = string | { [key: string]: unknown } | Content[];

/** Where a document's logo and signature are in pdfmake's memory (see rememberImage), if it has them. */
export interface DocumentImages {
  logo: string | null;
  signature: string | null;
}

const INK = '#1f2933';
const MUTED = '#5f6b7a';
const RULE = '#c3c9d1';
const HEADER_FILL = '#2f3a4a';
const SOFT_FILL = '#f1f3f6';

export const TABLE_LAYOUTS = {
  /** Light rules all round, for the lines and the party boxes. */
  invoiceGrid: {
    hLineWidth: () => 0.5,
    vLineWidth: () => 0.5,
    hLineColor: () => RULE,
    vLineColor: () => RULE,
    paddingLeft: () => 3,
    paddingRight: () => 3,
    paddingTop: () => 2.5,
    paddingBottom: () => 2.5,
  },
  /** Totals: rules between rows only. */
  invoiceTotals: {
    hLineWidth: (i: number, node: { table: { body: unknown[] } }) =>
      i === 0 || i === node.table.body.length ? 0.5 : 0,
    vLineWidth: () => 0,
    hLineColor: () => RULE,
    paddingLeft: () => 3,
    paddingRight: () => 3,
    paddingTop: () => 2,
    paddingBottom: () => 2,
  },
};

function labelled(rows: [string, string][], fontSize = 8): Content[] {
  return rows
    .filter(([, value]) => value.trim() !== '')
    .map(([label, value]) => ({ text: [{ text: `${label}: `, color: MUTED }, value], fontSize }));
}

const header = (text: string, extra: Record<string, unknown> = {}) => ({
  text,
  bold: true,
  color: 'white',
  fillColor: HEADER_FILL,
  alignment: 'center',
  fontSize: 7,
  ...extra,
});
const right = (text: string, extra: Record<string, unknown> = {}) => ({ text, alignment: 'right', ...extra });

function linesTable(doc: IssuedDocument, money: Money): Content {
  const columns = taxColumnsOf(doc);
  const locale = doc.parties.locale;
  const taxLabel = doc.parties.tax.label || 'VAT';
  const twoRows = columns === 'cgst_sgst' || columns === 'igst' || columns === 'vat';
  const span = (text: string) => (twoRows ? [header(text, { rowSpan: 2 })] : [header(text)]);

  const first: Content[] = [...span('#'), ...span('Description'), ...span('SAC'), ...span('Qty'), ...span('Rate')];
  first.push(...span('Taxable value'));
  const second: Content[] = twoRows ? ['', '', '', '', '', ''] : [];
  const taxPair = (name: string) => {
    first.push(header(name, { colSpan: 2 }), '');
    second.push(header('Rate'), header('Amount'));
  };
  if (columns === 'cgst_sgst') {
    taxPair('CGST');
    taxPair('SGST');
  } else if (columns === 'igst') taxPair('IGST');
  else if (columns === 'vat') taxPair(taxLabel);
  first.push(...span('Total'));
  if (twoRows) second.push('');

  const taxCells = (line: DocumentLine): Content[] => {
    switch (columns) {
      case 'cgst_sgst':
        return [
          right(percentText(line.taxRateBps, 2)),
          right(money.num(line.cgst)),
          right(percentText(line.taxRateBps, 2)),
          right(money.num(line.sgst)),
        ];
      case 'igst':
        return [right(percentText(line.taxRateBps)), right(money.num(line.igst))];
      case 'vat':
        return [right(percentText(line.taxRateBps)), right(money.num(line.vat))];
      case 'none':
        return [];
    }
  };

  const body: Content[][] = [first, ...(twoRows ? [second] : [])];
  doc.lines.forEach((line, i) => {
    const span =
      line.spanStart && line.spanEnd
        ? `${printedDate(line.spanStart, locale)} – ${printedDate(line.spanEnd, locale)}`
        : '';
    body.push([
      { text: String(i + 1), alignment: 'center' },
      { stack: [line.description, ...(span ? [{ text: span, fontSize: 6.5, color: MUTED }] : [])] },
      { text: line.sacCode, alignment: 'center' },
      right(String(line.quantity)),
      right(money.num(line.rate)),
      right(money.num(line.taxable)),
      ...taxCells(line),
      right(money.num(line.total), { bold: true }),
    ]);
  });

  const amountWidth = 46;
  const widths: (number | string)[] = [11, '*', 30, 17, amountWidth, amountWidth + 4];
  if (columns === 'cgst_sgst') widths.push(24, amountWidth - 4, 24, amountWidth - 4);
  else if (columns === 'igst' || columns === 'vat') widths.push(26, amountWidth);
  widths.push(amountWidth + 6);

  return {
    table: { headerRows: twoRows ? 2 : 1, widths, body, dontBreakRows: true },
    layout: TABLE_LAYOUTS.invoiceGrid,
    fontSize: 7.5,
    margin: [0, 8, 0, 0],
  };
}

function sum(lines: DocumentLine[], key: 'taxable' | 'cgst' | 'sgst' | 'igst' | 'vat'): number {
  return lines.reduce((total, line) => total + line[key], 0);
}

function totalsTable(doc: IssuedDocument, money: Money): Content {
  const columns = taxColumnsOf(doc);
  const rows: Content[][] = [];
  const row = (label: string, minor: number, strong = false, signed = false) =>
    rows.push([
      { text: label, bold: strong, color: strong ? INK : MUTED },
      right(signed && minor > 0 ? `+${money.sym(minor)}` : money.sym(minor), { bold: strong }),
    ]);

  row('Taxable value', sum(doc.lines, 'taxable'));
  if (columns === 'cgst_sgst') {
    row('CGST', sum(doc.lines, 'cgst'));
    row('SGST', sum(doc.lines, 'sgst'));
  } else if (columns === 'igst') row('IGST', sum(doc.lines, 'igst'));
  else if (columns === 'vat') row(doc.parties.tax.label || 'VAT', sum(doc.lines, 'vat'));
  if (doc.roundOff !== 0) row('Round off', doc.roundOff, false, true);
  const totalRow = rows.length;
  row(doc.kind === 'credit_note' ? 'Total credit' : 'Total', doc.total, true);
  // The account after this document: what was owed before, and what is owed now.
  const balanceRow = rows.length;
  row('Previous balance', doc.previousBalance);
  row(doc.kind === 'credit_note' ? 'Balance after this credit' : 'Amount due', doc.amountDue, true);

  return {
    table: { widths: ['*', 'auto'], body: rows },
    layout: {
      ...TABLE_LAYOUTS.invoiceTotals,
      hLineWidth: (i: number) =>
        i === 0 || i === totalRow || i === totalRow + 1 || i === balanceRow || i === rows.length ? 0.5 : 0,
      fillColor: (i: number) => (i === totalRow || i === rows.length - 1 ? SOFT_FILL : null),
    },
    fontSize: 8.5,
  };
}

function sellerBlock(doc: IssuedDocument, images: DocumentImages): Content {
  const { seller } = doc.parties;
  const details: Content[] = [
    { text: seller.name, bold: true, fontSize: 13, color: INK },
    ...(seller.address ? [{ text: seller.address, fontSize: 8, color: INK, margin: [0, 2, 0, 1] }] : []),
    ...labelled([
      [taxIdLabel(doc), seller.taxId],
      ['State', stateText(seller.stateName, seller.stateCode)],
    ]),
    ...labelled([
      ['Phone', seller.phone],
      ['Email', seller.email],
    ]),
  ];
  const title: Content = {
    stack: [
      { text: titleOf(doc).toUpperCase(), bold: true, fontSize: 15, color: HEADER_FILL, alignment: 'right' },
      ...(doc.kind === 'invoice' && doc.parties.tax.mode === 'gst'
        ? [{ text: 'Original for recipient', fontSize: 7, color: MUTED, alignment: 'right' }]
        : []),
    ],
    width: 150,
  };
  return {
    columns: [
      ...(images.logo ? [{ image: images.logo, fit: [70, 56], width: 76 }] : []),
      { stack: details, width: '*' },
      title,
    ],
    columnGap: 8,
  };
}

function partiesBlock(doc: IssuedDocument): Content {
  const { buyer } = doc.parties;
  const locale = doc.parties.locale;
  const gst = doc.parties.tax.mode === 'gst';
  const billTo: Content[] = [
    { text: doc.kind === 'credit_note' ? 'CREDIT TO' : 'BILL TO', fontSize: 7, bold: true, color: MUTED },
    { text: buyer.name, bold: true, fontSize: 10, margin: [0, 1, 0, 1] },
    ...(buyer.address ? [{ text: buyer.address, fontSize: 8 }] : []),
    ...labelled([
      ['Account no.', buyer.accountNo],
      ['Phone', buyer.phone],
      [gst || doc.parties.currency === 'INR' ? 'GSTIN' : 'Tax ID', buyer.gstin],
      ['Place of supply', gst ? stateText(buyer.placeOfSupplyName, buyer.placeOfSupply) : ''],
    ]),
  ];
  const numberLabel =
    doc.kind === 'credit_note' ? 'Credit note no.' : doc.parties.tax.mode === 'none' ? 'Bill no.' : 'Invoice no.';
  const meta: [string, string][] = [
    [numberLabel, doc.number],
    [
      doc.kind === 'credit_note' ? 'Date' : doc.parties.tax.mode === 'none' ? 'Bill date' : 'Invoice date',
      printedDate(doc.issuedOn, locale),
    ],
  ];
  if (doc.kind === 'credit_note') {
    if (doc.creditsInvoice) {
      meta.push(['Against invoice', doc.creditsInvoice.number]);
      meta.push(['Invoice date', printedDate(doc.creditsInvoice.issuedOn, locale)]);
    }
    meta.push(['Reason', doc.reason]);
  } else {
    meta.push(['Due date', printedDate(doc.dueOn, locale)]);
  }
  if (doc.periodStart && doc.periodEnd) {
    meta.push(['Service period', `${printedDate(doc.periodStart, locale)} – ${printedDate(doc.periodEnd, locale)}`]);
  }
  const metaTable: Content = {
    table: {
      widths: [78, '*'],
      body: [
        ...meta
          .filter(([, value]) => value !== '')
          .map(([label, value], i) => [
            { text: label, color: MUTED },
            { text: value, bold: i === 0 },
          ]),
        // GST invoices state whether the buyer pays the tax under reverse charge (never, for an ISP's service).
        ...(gst && doc.kind === 'invoice'
          ? [[{ text: [{ text: 'Tax payable on reverse charge: ', color: MUTED }, 'No'], colSpan: 2 }, '']]
          : []),
      ],
    },
    layout: 'noBorders',
    fontSize: 8,
  };
  return {
    table: { widths: ['*', '*'], body: [[{ stack: billTo }, metaTable]] },
    layout: {
      ...TABLE_LAYOUTS.invoiceGrid,
      paddingLeft: () => 6,
      paddingRight: () => 6,
      paddingTop: () => 5,
      paddingBottom: () => 5,
    },
    margin: [0, 10, 0, 0],
  };
}

function wordsAndNotes(doc: IssuedDocument): Content {
  const { currency, locale } = doc.parties;
  const notes: Content[] = [
    { text: 'Amount in words', fontSize: 7, bold: true, color: MUTED },
    { text: amountInWords(doc.total, currency, locale), fontSize: 8.5, bold: true, margin: [0, 1, 0, 6] },
  ];
  if (doc.creditNotes.length > 0) {
    const money = moneyOf(doc);
    notes.push({ text: 'Credit notes against this invoice', fontSize: 7, bold: true, color: MUTED });
    for (const note of doc.creditNotes) {
      notes.push({
        text: `${note.number} of ${printedDate(note.issuedOn, locale)}: ${money.sym(note.total)}${note.reason ? ` (${note.reason})` : ''}`,
        fontSize: 7.5,
      });
    }
  }
  return { stack: notes, width: '*' };
}

function paymentBlock(doc: IssuedDocument, images: DocumentImages): Content {
  const { seller } = doc.parties;
  const columns: Content[] = [];
  if (showsUpiQr(doc)) {
    columns.push({
      width: 96,
      stack: [
        { image: qrDataUrl(upiLink(doc)), width: 84, height: 84, margin: [-4, -4, 0, 0] },
        { text: 'Scan to pay with any UPI app', fontSize: 6.5, color: MUTED },
        { text: `UPI: ${seller.upiId}`, fontSize: 6.5, color: MUTED },
      ],
    });
  }
  const payment: Content[] = [];
  if (doc.kind === 'invoice' && seller.paymentInstructions.trim()) {
    payment.push({ text: 'Payment', fontSize: 7, bold: true, color: MUTED });
    payment.push({ text: seller.paymentInstructions, fontSize: 7.5, margin: [0, 1, 0, 5] });
  }
  if (doc.kind === 'invoice' && seller.bankDetails.trim()) {
    payment.push({ text: 'Bank details', fontSize: 7, bold: true, color: MUTED });
    payment.push({ text: seller.bankDetails, fontSize: 7.5, margin: [0, 1, 0, 0] });
  }
  columns.push({ stack: payment, width: '*' });
  columns.push({
    width: 150,
    stack: [
      { text: `For ${seller.name}`, bold: true, fontSize: 8, alignment: 'right' },
      images.signature
        ? { image: images.signature, fit: [110, 40], alignment: 'right', margin: [0, 4, 0, 2] }
        : { text: ' ', margin: [0, 34, 0, 0] },
      { text: 'Authorised Signatory', fontSize: 7.5, color: MUTED, alignment: 'right' },
    ],
  });
  return { columns, columnGap: 10, margin: [0, 12, 0, 0], unbreakable: true };
}

/** The content of one document, and its footer, which numbers its own pages ("Page 1 of 2"). */
export function documentSection(doc: IssuedDocument, images: DocumentImages): Content {
  const money = moneyOf(doc);
  const body = {
    stack: [
      sellerBlock(doc, images),
      partiesBlock(doc),
      linesTable(doc, money),
      {
        columns: [wordsAndNotes(doc), { width: 210, stack: [totalsTable(doc, money)] }],
        columnGap: 16,
        margin: [0, 8, 0, 0],
        unbreakable: true,
      },
      paymentBlock(doc, images),
    ],
  };
  // A blank point-sized mark after everything says where the document ends: positions inside an
  // unbreakable block keep the page it was tried on before it moved to the next one.
  const end = { text: '\u00a0', fontSize: 1, lineHeight: 1 };
  body.stack.push(end as never);
  const footerText = doc.parties.seller.footer.trim();
  return {
    section: body,
    footer: (currentPage: number, pageCount: number) => {
      // pdfmake has laid the section out by now: the positions say which pages it took.
      type Placed = { positions?: { pageNumber: number }[] };
      const first = (body as Placed).positions?.[0]?.pageNumber ?? 1;
      const last = (end as Placed).positions?.[0]?.pageNumber ?? pageCount;
      return {
        columns: [
          { text: footerText, fontSize: 7, color: MUTED, width: '*' },
          {
            text: `${doc.number}  ·  Page ${currentPage - first + 1} of ${last - first + 1}`,
            fontSize: 7,
            color: MUTED,
            alignment: 'right',
            width: 'auto',
          },
        ],
        margin: [36, 14, 36, 0],
      };
    },
  };
}

/** What the pages of a PDF of these documents share: A4, margins, the font, the images, the title. */
export function documentsSetup(docs: { doc: IssuedDocument; images: DocumentImages }[]): PdfSetup {
  const images: Record<string, string> = {};
  for (const { images: found } of docs) {
    for (const name of [found.logo, found.signature]) if (name) images[name] = name;
  }
  const single = docs.length === 1 ? docs[0]!.doc : null;
  return {
    pageSize: 'A4',
    pageMargins: [36, 32, 36, 44],
    info: {
      title: single ? `${titleOf(single)} ${single.number}` : `${docs.length} documents`,
      author: docs[0]?.doc.parties.seller.name ?? '',
    },
    defaultStyle: { font: FONT_FAMILY, fontSize: 8, color: INK, lineHeight: 1.15 },
    images,
  };
}
