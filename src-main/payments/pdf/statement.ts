// A customer's statement of account on A4: opening balance, each invoice, credit note, payment,
// reversal and refund with the running balance, totals and the closing balance. The table's
// header repeats on every page and the footer numbers the pages.
import type { Statement } from '../../../src-shared/contract';
import type { PdfSetup } from '../../billing/pdf/printer';
import {
  LIST_LAYOUT,
  MUTED,
  PLAIN_LAYOUT,
  SOFT_FILL,
  a4Setup,
  formatOf,
  headCell,
  labelled,
  letterhead,
  numberedSection,
  right,
  type Company,
  type Content,
  type Format,
} from './common';

/** A balance as an account reads it: what is owed, or "Cr" for money in hand. */
export function balanceText(minor: number, f: Format): string {
  return minor < 0 ? `${f.num(-minor)} Cr` : f.num(minor);
}

/** The reports' "Invoice for 2026-10-01 to 2026-10-31" as a reader writes it: "Invoice for 1 Oct – 31 Oct 2026". */
export function describeEntry(description: string, f: Format, locale: string): string {
  const span = /^Invoice for (\d{4}-\d{2}-\d{2}) to (\d{4}-\d{2}-\d{2})$/.exec(description);
  if (span) {
    const [, start, end] = span as unknown as [string, string, string];
    const first =
      start.slice(0, 4) === end.slice(0, 4)
        ? new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', timeZone: 'UTC' }).format(
            new Date(`${start}T00:00:00Z`),
          )
        : f.date(start);
    return `Invoice for ${first} – ${f.date(end)}`;
  }
  // Any other date in a description (a reversal's reason, a note) prints as the rest do.
  return description.replace(/\b\d{4}-\d{2}-\d{2}\b/g, (iso) => f.date(iso));
}

/** "Amount due ₹1,500.00", "In credit ₹300.00" or "Nothing due". */
export function closingText(minor: number, f: Format): [string, string] {
  if (minor > 0) return ['Amount due', f.sym(minor)];
  if (minor < 0) return ['In credit', f.sym(-minor)];
  return ['Nothing due', f.sym(0)];
}

export function statementLayout(s: Statement, company: Company): { content: Content[]; setup: PdfSetup } {
  const f = formatOf(company);
  const period = s.from ? `${f.date(s.from)} – ${f.date(s.to)}` : `Up to ${f.date(s.to)}`;
  const [closingLabel, closingAmount] = closingText(s.closing, f);
  const body: Content[] = [letterhead(company, 'Account statement', [['Period', period]])];

  const summary: Content = {
    width: 230,
    table: {
      widths: ['*', 'auto'],
      body: [
        [{ text: 'Opening balance', color: MUTED }, right(balanceText(s.opening, f))],
        [{ text: 'Invoiced and charged', color: MUTED }, right(f.num(s.debits))],
        [{ text: 'Paid and credited', color: MUTED }, right(f.num(s.credits))],
        [
          { text: closingLabel, bold: true, fillColor: SOFT_FILL },
          right(closingAmount, { bold: true, fillColor: SOFT_FILL }),
        ],
      ],
    },
    layout: PLAIN_LAYOUT,
    fontSize: 9,
  };
  body.push({
    columns: [
      {
        width: '*',
        stack: [
          { text: 'ACCOUNT', fontSize: 7, bold: true, color: MUTED },
          { text: s.name, bold: true, fontSize: 11, margin: [0, 1, 0, 1] },
          ...(s.address ? [{ text: s.address, fontSize: 8 }] : []),
          ...labelled([['Account no.', s.accountNo]]),
        ],
      },
      summary,
    ],
    columnGap: 16,
  });

  const rows: Content[][] = [
    [
      headCell('Date'),
      headCell('Number'),
      headCell('Description'),
      headCell('Debit', { alignment: 'right' }),
      headCell('Credit', { alignment: 'right' }),
      headCell('Balance', { alignment: 'right' }),
    ],
    [
      f.date(s.from),
      '',
      { text: 'Opening balance', bold: true },
      '',
      '',
      right(balanceText(s.opening, f), { bold: true }),
    ],
  ];
  if (!s.from) rows[1]![0] = '';
  for (const e of s.entries) {
    rows.push([
      f.date(e.on),
      e.number,
      describeEntry(e.description, f, company.locale),
      right(e.debit ? f.num(e.debit) : ''),
      right(e.credit ? f.num(e.credit) : ''),
      right(balanceText(e.balance, f)),
    ]);
  }
  if (s.entries.length === 0) {
    rows.push(['', '', { text: 'Nothing in this period', color: MUTED }, '', '', '']);
  }
  rows.push([
    { text: '', fillColor: SOFT_FILL },
    { text: '', fillColor: SOFT_FILL },
    { text: 'Totals for the period', bold: true, fillColor: SOFT_FILL },
    right(f.num(s.debits), { bold: true, fillColor: SOFT_FILL }),
    right(f.num(s.credits), { bold: true, fillColor: SOFT_FILL }),
    { text: '', fillColor: SOFT_FILL },
  ]);
  rows.push([
    f.date(s.to),
    '',
    { text: 'Closing balance', bold: true },
    '',
    '',
    right(balanceText(s.closing, f), { bold: true }),
  ]);
  body.push({
    table: {
      headerRows: 1,
      dontBreakRows: true,
      widths: [54, 80, '*', 60, 60, 66],
      body: rows,
    },
    layout: LIST_LAYOUT,
    fontSize: 8,
    margin: [0, 14, 0, 0],
  });
  const notes: Content[] = [
    {
      text: 'Balance: what is owed; "Cr": paid in advance, used on the next invoices.',
      fontSize: 7,
      color: MUTED,
      margin: [0, 6, 0, 0],
    },
  ];
  if (company.paymentInstructions && s.closing > 0) {
    notes.push({ text: 'HOW TO PAY', fontSize: 7, bold: true, color: MUTED, margin: [0, 10, 0, 1] });
    notes.push({ text: company.paymentInstructions, fontSize: 8 });
  }
  // The closing balance and how to pay stay together, never a lone line on a page of its own.
  body.push({
    columns: [
      { width: '*', stack: notes },
      {
        width: 230,
        table: {
          widths: ['*', 'auto'],
          body: [[{ text: closingLabel, bold: true }, right(closingAmount, { bold: true })]],
        },
        layout: { ...PLAIN_LAYOUT, fillColor: () => SOFT_FILL, paddingTop: () => 5, paddingBottom: () => 5 },
        fontSize: 11,
        margin: [0, 8, 0, 0],
      },
    ],
    columnGap: 16,
    unbreakable: true,
  });
  return {
    content: [numberedSection(body, company, `Statement ${s.accountNo}`)],
    setup: a4Setup(company, `Statement ${s.accountNo}`),
  };
}
