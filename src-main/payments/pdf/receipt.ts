// A receipt (or a refund voucher) on A4 or on an 80 mm thermal roll: who paid, how much in
// figures and in words, how, which invoices it went to when it was taken, what was left as
// advance, and the balance after. A reversed payment prints a REVERSED mark with when and why.
import type { PaymentDetail } from '../../../src-shared/contract';
import { amountInWords } from '../../../src-shared/amountInWords';
import { FONT_FAMILY, type PdfSetup } from '../../billing/pdf/printer';
import {
  ALERT,
  LIST_LAYOUT,
  METHOD_NAMES,
  MUTED,
  PLAIN_LAYOUT,
  SOFT_FILL,
  a4Setup,
  formatOf,
  headCell,
  labelled,
  letterhead,
  numberedSection,
  referenceLabel,
  right,
  signatory,
  signatureLine,
  type Company,
  type Content,
  type Format,
} from './common';

/** What the receipt says, worked out once for both layouts. */
interface ReceiptFacts {
  title: string;
  refund: boolean;
  words: string;
  /** [label, value] rows about how it was paid. */
  how: [string, string][];
  /** The invoices it went to when it was taken. */
  invoices: { number: string; issuedOn: string; amount: number }[];
  /** What was not put on any invoice: the customer's advance. */
  advance: number;
  /** "Balance due" / "Advance/credit" / "Balance", and its amount. */
  balance: [string, string];
}

export function receiptFacts(p: PaymentDetail, company: Company): ReceiptFacts {
  const f = formatOf(company);
  const refund = p.kind === 'refund';
  const invoices = p.allocations
    .filter((a) => a.kind === 'payment')
    .map((a) => ({ number: a.number, issuedOn: a.issuedOn, amount: a.amount }));
  const onInvoices = invoices.reduce((n, a) => n + a.amount, 0);
  const how: [string, string][] = [['Method', METHOD_NAMES[p.method]]];
  if (p.reference) how.push([referenceLabel(p.method), p.reference]);
  if (p.chequeBank) how.push(['Bank', p.chequeBank]);
  if (p.chequeDate) how.push(['Cheque date', f.date(p.chequeDate)]);
  const balance: [string, string] =
    p.balanceAfter > 0
      ? ['Balance due', f.sym(p.balanceAfter)]
      : p.balanceAfter < 0
        ? ['Advance/credit', f.sym(-p.balanceAfter)]
        : ['Balance', `${f.sym(0)} (nothing due)`];
  return {
    title: refund ? 'Refund voucher' : 'Receipt',
    refund,
    words: amountInWords(p.amount, company.currency, company.locale),
    how,
    invoices,
    advance: refund ? 0 : p.amount - onInvoices,
    balance,
  };
}

function reversedMark(p: PaymentDetail, f: Format, fontSize: number): Content {
  const reversal = p.reversal!;
  return {
    table: {
      widths: ['*'],
      body: [
        [
          {
            stack: [
              { text: 'REVERSED', bold: true, fontSize: fontSize + 6, color: ALERT, alignment: 'center' },
              {
                text: `on ${f.date(reversal.on)}: ${reversal.reason}`,
                fontSize,
                color: ALERT,
                alignment: 'center',
              },
              {
                text: `This ${p.kind === 'refund' ? 'voucher' : 'receipt'} is void: its amount is back on the account.`,
                fontSize: fontSize - 1,
                color: ALERT,
                alignment: 'center',
              },
            ],
          },
        ],
      ],
    },
    layout: {
      hLineWidth: () => 1.5,
      vLineWidth: () => 1.5,
      hLineColor: () => ALERT,
      vLineColor: () => ALERT,
      paddingTop: () => 4,
      paddingBottom: () => 4,
    },
  };
}

// ---- A4 ----

/** The payment's details on the left, the invoices it paid beside them. */
const HOW_WIDTH = 200;
const HOW_GAP = 20;

export function receiptA4(p: PaymentDetail, company: Company): { content: Content[]; setup: PdfSetup } {
  const f = formatOf(company);
  const facts = receiptFacts(p, company);
  const body: Content[] = [
    letterhead(company, facts.title, [
      [facts.refund ? 'Voucher no.' : 'Receipt no.', p.number],
      ['Date', f.date(p.receivedOn)],
    ]),
  ];
  if (p.reversal) body.push({ ...(reversedMark(p, f, 9) as object), margin: [0, 0, 0, 10] });

  const party: Content = {
    width: '*',
    stack: [
      { text: facts.refund ? 'PAID TO' : 'RECEIVED FROM', fontSize: 7, bold: true, color: MUTED },
      { text: p.buyer.name, bold: true, fontSize: 11, margin: [0, 1, 0, 1] },
      ...(p.buyer.address ? [{ text: p.buyer.address, fontSize: 8 }] : []),
      ...labelled([
        ['Account no.', p.buyer.accountNo],
        ['Phone', p.buyer.phone],
      ]),
    ],
  };
  const amount: Content = {
    width: 220,
    table: {
      widths: ['*'],
      body: [
        [
          {
            stack: [
              { text: facts.refund ? 'AMOUNT PAID OUT' : 'AMOUNT RECEIVED', fontSize: 7, bold: true, color: MUTED },
              { text: f.sym(p.amount), fontSize: 20, bold: true, margin: [0, 2, 0, 0] },
            ],
            fillColor: SOFT_FILL,
          },
        ],
      ],
    },
    layout: { ...PLAIN_LAYOUT, paddingLeft: () => 10, paddingTop: () => 8, paddingBottom: () => 8 },
  };
  body.push({ columns: [party, amount], columnGap: 16 });
  body.push({
    text: [
      { text: 'Amount in words: ', color: MUTED },
      { text: facts.words, bold: true },
    ],
    fontSize: 9,
    margin: [0, 10, 0, 0],
  });

  const how: Content = {
    width: HOW_WIDTH,
    stack: [
      { text: 'PAYMENT', fontSize: 7, bold: true, color: MUTED, margin: [0, 0, 0, 2] },
      {
        table: { widths: ['auto', '*'], body: facts.how.map(([k, v]) => [{ text: k, color: MUTED }, v]) },
        layout: { ...PLAIN_LAYOUT, paddingLeft: () => 0 },
      },
      ...(facts.refund && p.reason
        ? [{ text: [{ text: 'Reason: ', color: MUTED }, p.reason], margin: [0, 4, 0, 0] }]
        : []),
    ],
  };
  const against: Content[] = [];
  if (!facts.refund) {
    against.push({ text: 'AGAINST', fontSize: 7, bold: true, color: MUTED, margin: [0, 0, 0, 2] });
    const rows: Content[][] = [
      [headCell('Invoice no.'), headCell('Invoice date'), headCell('Amount', { alignment: 'right' })],
    ];
    for (const inv of facts.invoices) rows.push([inv.number, f.date(inv.issuedOn), right(f.num(inv.amount))]);
    if (facts.advance > 0) {
      rows.push([{ text: 'Advance/credit on account', colSpan: 2, color: MUTED }, '', right(f.num(facts.advance))]);
    }
    rows.push([{ text: 'Total', bold: true, colSpan: 2 }, '', right(f.num(p.amount), { bold: true })]);
    against.push({ table: { headerRows: 1, widths: ['*', 'auto', 'auto'], body: rows }, layout: LIST_LAYOUT });
  }
  body.push({
    columns: [how, { width: '*', stack: against }],
    columnGap: HOW_GAP,
    margin: [0, 14, 0, 0],
  });

  body.push({
    table: {
      widths: ['*', 'auto'],
      body: [
        [
          { text: `${facts.balance[0]} after this ${facts.refund ? 'refund' : 'payment'}`, bold: true },
          right(facts.balance[1], { bold: true }),
        ],
      ],
    },
    layout: { ...PLAIN_LAYOUT, fillColor: () => SOFT_FILL, paddingTop: () => 5, paddingBottom: () => 5 },
    fontSize: 10,
    // Under the invoices it paid, lined up with their table.
    margin: [HOW_WIDTH + HOW_GAP, 12, 0, 0],
  });
  if (p.note) body.push({ text: [{ text: 'Note: ', color: MUTED }, p.note], margin: [0, 10, 0, 0] });

  const closing: Content = facts.refund
    ? { ...(signatureLine("Receiver's signature", 170) as object), margin: [0, 10, 0, 0] }
    : {
        width: '*',
        // A reversed payment was not received after all: no thanks for it.
        text: p.reversal ? '' : 'Received with thanks.',
        fontSize: 10,
        bold: true,
        margin: [0, 44, 0, 0],
      };
  body.push({
    columns: [closing, ...(facts.refund ? [{ width: '*', text: '' }] : []), signatory(company)],
    margin: [0, 22, 0, 0],
    unbreakable: true,
  });
  return {
    content: [numberedSection(body, company, p.number)],
    setup: a4Setup(company, `${facts.title} ${p.number}`),
  };
}

// ---- 80 mm thermal roll ----

/** 80 mm in points; the roll is as long as the receipt. */
export const THERMAL_WIDTH = (80 / 25.4) * 72;
const THERMAL_MARGINS: [number, number, number, number] = [9, 10, 9, 14];
const THERMAL_TEXT = THERMAL_WIDTH - THERMAL_MARGINS[0] - THERMAL_MARGINS[2];

/** Thermal printers print black: a dashed line between parts. */
function dashes(margin: [number, number, number, number] = [0, 5, 0, 5]): Content {
  return {
    canvas: [{ type: 'line', x1: 0, y1: 0, x2: THERMAL_TEXT, y2: 0, lineWidth: 0.7, dash: { length: 2, space: 1.5 } }],
    margin,
  };
}

const pair = (label: string, value: string, extra: Record<string, unknown> = {}): Content[] => [
  { text: label, ...extra },
  { text: value, alignment: 'right', ...extra },
];

export function receiptThermal(p: PaymentDetail, company: Company): { content: Content[]; setup: PdfSetup } {
  const f = formatOf(company);
  const facts = receiptFacts(p, company);
  const content: Content[] = [
    { text: company.name, bold: true, fontSize: 11, alignment: 'center' },
    ...(company.address ? [{ text: company.address, alignment: 'center', margin: [0, 1, 0, 0] }] : []),
    ...(company.phone ? [{ text: `Phone: ${company.phone}`, alignment: 'center' }] : []),
    ...(company.taxId ? [{ text: `${company.taxIdLabel}: ${company.taxId}`, alignment: 'center' }] : []),
    dashes(),
    { text: facts.title.toUpperCase(), bold: true, fontSize: 11, alignment: 'center' },
    {
      table: {
        widths: ['auto', '*'],
        body: [
          pair(facts.refund ? 'Voucher no.' : 'Receipt no.', p.number, { bold: true }),
          pair('Date', f.date(p.receivedOn)),
        ],
      },
      layout: {
        ...PLAIN_LAYOUT,
        paddingLeft: () => 0,
        paddingRight: () => 0,
        paddingTop: () => 1,
        paddingBottom: () => 1,
      },
      margin: [0, 3, 0, 0],
    },
  ];
  if (p.reversal) content.push({ ...(reversedMark(p, f, 8) as object), margin: [0, 5, 0, 0] });
  content.push(dashes());
  content.push({ text: facts.refund ? 'Paid to' : 'Received from' });
  content.push({ text: p.buyer.name, bold: true, fontSize: 9.5 });
  content.push({
    table: {
      widths: ['auto', '*'],
      body: [pair('Account no.', p.buyer.accountNo), ...(p.buyer.phone ? [pair('Phone', p.buyer.phone)] : [])],
    },
    layout: {
      ...PLAIN_LAYOUT,
      paddingLeft: () => 0,
      paddingRight: () => 0,
      paddingTop: () => 1,
      paddingBottom: () => 1,
    },
  });
  content.push(dashes());
  content.push({ text: facts.refund ? 'AMOUNT PAID OUT' : 'AMOUNT RECEIVED', alignment: 'center', bold: true });
  content.push({ text: f.sym(p.amount), fontSize: 22, bold: true, alignment: 'center', margin: [0, 2, 0, 2] });
  content.push({ text: facts.words, alignment: 'center', fontSize: 7.5 });
  content.push(dashes());
  content.push({
    table: {
      widths: ['auto', '*'],
      body: facts.how.map(([k, v]) => pair(k, v)),
    },
    layout: {
      ...PLAIN_LAYOUT,
      paddingLeft: () => 0,
      paddingRight: () => 0,
      paddingTop: () => 1,
      paddingBottom: () => 1,
    },
  });
  if (facts.refund && p.reason) content.push({ text: `Reason: ${p.reason}`, margin: [0, 2, 0, 0] });
  if (!facts.refund && (facts.invoices.length > 0 || facts.advance > 0)) {
    content.push(dashes());
    const rows: Content[][] = [
      [
        { text: 'Invoice', bold: true },
        { text: 'Date', bold: true },
        { text: 'Amount', bold: true, alignment: 'right' },
      ],
    ];
    for (const inv of facts.invoices) rows.push([inv.number, f.date(inv.issuedOn), right(f.num(inv.amount))]);
    if (facts.advance > 0) rows.push([{ text: 'Advance/credit', colSpan: 2 }, '', right(f.num(facts.advance))]);
    content.push({
      table: { headerRows: 1, widths: ['*', 'auto', 'auto'], body: rows },
      layout: {
        ...PLAIN_LAYOUT,
        paddingLeft: (i: number) => (i === 0 ? 0 : 3),
        paddingRight: (i: number, node: { table: { widths: unknown[] } }) =>
          i === node.table.widths.length - 1 ? 0 : 3,
        paddingTop: () => 1,
        paddingBottom: () => 1,
        hLineWidth: (i: number) => (i === 1 ? 0.5 : 0),
      },
      fontSize: 7.5,
    });
  }
  content.push(dashes());
  content.push({
    table: { widths: ['*', 'auto'], body: [pair(facts.balance[0], facts.balance[1], { bold: true, fontSize: 9.5 })] },
    layout: { ...PLAIN_LAYOUT, paddingLeft: () => 0, paddingRight: () => 0 },
  });
  if (p.note) content.push({ text: `Note: ${p.note}`, margin: [0, 3, 0, 0] });
  content.push(dashes());
  if (facts.refund) {
    content.push({
      canvas: [{ type: 'line', x1: 30, y1: 0, x2: THERMAL_TEXT - 30, y2: 0, lineWidth: 0.7 }],
      margin: [0, 26, 0, 2],
    });
    content.push({ text: "Receiver's signature", alignment: 'center' });
  } else if (!p.reversal) {
    content.push({ text: 'Received with thanks', alignment: 'center', bold: true, fontSize: 9, margin: [0, 2, 0, 0] });
  }
  if (company.footer) content.push({ text: company.footer, alignment: 'center', fontSize: 7, margin: [0, 4, 0, 0] });
  return {
    content,
    setup: {
      pageSize: { width: THERMAL_WIDTH, height: 'auto' },
      pageMargins: THERMAL_MARGINS,
      info: { title: `${facts.title} ${p.number}`, author: company.name },
      // Black only and a touch larger than A4 text: thermal heads print grey as speckles.
      defaultStyle: { font: FONT_FAMILY, fontSize: 8, color: '#000000', lineHeight: 1.1 },
    },
  };
}
