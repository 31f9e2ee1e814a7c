// The day book on A4: every payment and refund of the day, totals by method, the cash drawer
// (opening float + cash received − cash refunded − cash reversed = cash expected), what was
// counted and the difference once the day is closed, and lines for the cashier to sign.
import type { DayBook } from '../../../src-shared/contract';
import type { PdfSetup } from '../../billing/pdf/printer';
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
  letterhead,
  numberedSection,
  right,
  signatureLine,
  type Company,
  type Content,
  type Format,
} from './common';

/** "Short by ₹50.00", "Over by ₹20.00" or "Matches". */
export function differenceText(minor: number, f: Format): string {
  if (minor < 0) return `Short by ${f.sym(-minor)}`;
  if (minor > 0) return `Over by ${f.sym(minor)}`;
  return `${f.sym(0)} (matches)`;
}

function section(title: string): Content {
  return { text: title.toUpperCase(), fontSize: 7.5, bold: true, color: MUTED, margin: [0, 14, 0, 3] };
}

export function dayBookLayout(book: DayBook, company: Company): { content: Content[]; setup: PdfSetup } {
  const f = formatOf(company);
  const closedAt = book.close ? new Date(book.close.closedAt) : null;
  const body: Content[] = [
    letterhead(company, 'Day book', [
      ['Day', f.date(book.day)],
      ['Status', book.close ? 'Closed' : 'Not closed yet'],
    ]),
  ];

  // ---- The day's payments and refunds ----
  body.push(section(`Payments and refunds (${book.payments.length})`));
  const rows: Content[][] = [
    [
      headCell('Receipt'),
      headCell('Customer'),
      headCell('Method'),
      headCell('Reference'),
      headCell('Received', { alignment: 'right' }),
      headCell('Paid out', { alignment: 'right' }),
    ],
  ];
  for (const p of book.payments) {
    const reversed = p.reversal !== null;
    const strike = reversed ? { decoration: 'lineThrough', color: MUTED } : {};
    rows.push([
      {
        stack: [
          { text: p.number, ...strike },
          ...(reversed
            ? [
                {
                  text: `REVERSED ${f.date(p.reversal!.on)}: ${p.reversal!.reason}`,
                  color: ALERT,
                  bold: true,
                  fontSize: 6.5,
                },
              ]
            : []),
        ],
      },
      { stack: [p.customerName, { text: p.accountNo, color: MUTED, fontSize: 7 }] },
      p.kind === 'refund' ? `Refund · ${METHOD_NAMES[p.method]}` : METHOD_NAMES[p.method],
      { text: p.reference, fontSize: 7.5 },
      right(p.kind === 'payment' ? f.num(p.amount) : '', strike),
      right(p.kind === 'refund' ? f.num(p.amount) : '', strike),
    ]);
  }
  if (book.payments.length === 0)
    rows.push([{ text: 'Nothing received or paid out this day', colSpan: 6, color: MUTED }, '', '', '', '', '']);
  body.push({
    table: { headerRows: 1, dontBreakRows: true, widths: [84, '*', 70, 90, 62, 56], body: rows },
    layout: LIST_LAYOUT,
    fontSize: 8,
  });

  // ---- Totals by method, and the cash drawer ----
  const methodRows: Content[][] = [
    [headCell('Method'), headCell('Count', { alignment: 'right' }), headCell('Amount', { alignment: 'right' })],
  ];
  for (const m of book.byMethod)
    methodRows.push([METHOD_NAMES[m.method], right(String(m.count)), right(f.num(m.amount))]);
  const received = book.byMethod.reduce((n, m) => n + m.count, 0);
  methodRows.push([
    { text: 'Total received', bold: true, fillColor: SOFT_FILL },
    right(String(received), { bold: true, fillColor: SOFT_FILL }),
    right(f.num(book.received), { bold: true, fillColor: SOFT_FILL }),
  ]);
  for (const r of book.refunds) {
    methodRows.push([`Refunds · ${METHOD_NAMES[r.method]}`, right(String(r.count)), right(`− ${f.num(r.amount)}`)]);
  }
  if (book.reversed > 0) {
    methodRows.push(['Reversed this day', '', right(`− ${f.num(book.reversed)}`)]);
  }
  const net = book.received - book.refunds.reduce((n, r) => n + r.amount, 0) - book.reversed;
  methodRows.push([
    { text: 'Net for the day', bold: true, fillColor: SOFT_FILL },
    { text: '', fillColor: SOFT_FILL },
    right(f.num(net), { bold: true, fillColor: SOFT_FILL }),
  ]);
  const byMethod: Content = {
    width: '*',
    stack: [
      section('By method'),
      { table: { headerRows: 1, widths: ['*', 36, 70], body: methodRows }, layout: LIST_LAYOUT, fontSize: 8 },
    ],
  };

  const cash: Content[][] = [
    [{ text: 'Opening float', color: MUTED }, right(f.num(book.openingFloat))],
    [{ text: '+ Cash received', color: MUTED }, right(f.num(book.cashReceived))],
    [{ text: '− Cash refunded', color: MUTED }, right(f.num(book.cashRefunded))],
    [{ text: '− Cash reversed', color: MUTED }, right(f.num(book.cashReversed))],
    [
      { text: '= Cash expected', bold: true, fillColor: SOFT_FILL },
      right(f.sym(book.cashExpected), { bold: true, fillColor: SOFT_FILL }),
    ],
  ];
  if (book.close) {
    cash.push([{ text: 'Cash counted', bold: true }, right(f.sym(book.close.counted), { bold: true })]);
    cash.push([
      { text: 'Difference', bold: true },
      right(differenceText(book.close.difference, f), {
        bold: true,
        color: book.close.difference === 0 ? undefined : ALERT,
      }),
    ]);
  } else {
    cash.push([{ text: 'Cash counted', color: MUTED }, right('Not closed yet', { color: MUTED })]);
  }
  const drawer: Content = {
    width: 230,
    stack: [
      section('Cash in the drawer'),
      {
        table: { widths: ['*', 'auto'], body: cash },
        layout: {
          ...PLAIN_LAYOUT,
          hLineWidth: (i: number) => (i === 4 || i === 5 ? 0.5 : 0),
          hLineColor: () => '#c3c9d1',
        },
        fontSize: 9,
      },
      ...(book.close && closedAt
        ? [
            {
              text: `Closed ${f.date(book.day)}, ${closedAt.toLocaleTimeString(company.locale, {
                hour: '2-digit',
                minute: '2-digit',
                timeZone: company.timeZone,
              })}${book.close.note ? ` · ${book.close.note}` : ''}`,
              fontSize: 7.5,
              color: MUTED,
              margin: [4, 4, 0, 0],
            },
          ]
        : []),
    ],
  };
  body.push({ columns: [byMethod, drawer], columnGap: 24, unbreakable: true });

  body.push({
    columns: [signatureLine('Cashier'), { width: '*', text: '' }, signatureLine('Checked by (owner)')],
    margin: [0, 18, 0, 0],
    unbreakable: true,
  });
  return {
    content: [numberedSection(body, company, `Day book ${book.day}`)],
    setup: a4Setup(company, `Day book ${book.day}`),
  };
}
