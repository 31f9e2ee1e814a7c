// Reminder letters, one page a customer: a polite letter from the office with the open invoices,
// the total due and how long it is overdue, when a prepaid service ends, how to pay (the
// instructions, the bank, the UPI id) and a UPI QR code for the amount.
import type { IsoDate } from '../../../src-shared/dates';
import { daysBetween } from '../../../src-shared/dates';
import { toDecimalText } from '../../../src-shared/money';
import { phoneDisplay } from '../../../src-shared/phones';
import { qrDataUrl } from '../../billing/pdf/qrImage';
import type { PdfSetup } from '../../billing/pdf/printer';
import type { Services } from '../../app';
import {
  LIST_LAYOUT,
  MUTED,
  PLAIN_LAYOUT,
  SOFT_FILL,
  ALERT,
  a4Setup,
  formatOf,
  headCell,
  labelled,
  letterhead,
  numberedSection,
  right,
  signatory,
  type Company,
  type Content,
} from './common';

export interface ReminderFacts {
  customerId: number;
  accountNo: string;
  name: string;
  address: string;
  phone: string;
  prepaid: boolean;
  /** The ledger's balance: negative is credit. */
  balance: number;
  credit: number;
  invoices: { number: string; issuedOn: IsoDate; dueOn: IsoDate | null; outstanding: number; daysOverdue: number }[];
  /** Days the oldest overdue invoice is past its due date (0: nothing overdue yet). */
  daysOverdue: number;
  /** Prepaid: the last day paid for (null: never recharged). */
  validUntil: IsoDate | null;
  /** Prepaid: one period of their plan, less credit. */
  recharge: { planName: string; toPay: number } | null;
  /** What the letter asks for: the balance owed, plus a prepaid customer's next recharge. */
  toPay: number;
}

/**
 * What one customer's letter says, or null when there is nothing to remind them of: they owe
 * nothing, and their prepaid service (if prepaid and active) does not end by `remindUntil`.
 */
export function reminderFacts(
  services: Services,
  customerId: number,
  at: { today: IsoDate; remindUntil: IsoDate; country: string },
): ReminderFacts | null {
  const { today, remindUntil } = at;
  const store = services.payments.store;
  const c = store.counterCustomer(customerId);
  if (!c) return null;
  const { balance, credit } = store.ledger(customerId);
  const prepaid = c.billingMode === 'prepaid';
  const validUntil = prepaid ? store.paidThrough(customerId) : null;
  const ending = prepaid && c.status === 'active' && (validUntil === null || validUntil <= remindUntil);
  if (balance <= 0 && !ending) return null;
  let recharge: ReminderFacts['recharge'] = null;
  if (ending) {
    try {
      const quote = services.payments.rechargeQuote(customerId, null, 1);
      recharge = { planName: quote.planName, toPay: quote.toPay };
    } catch {
      recharge = null; // no plan, or a retired one: the letter names no amount for it
    }
  }
  const invoices = store.openInvoices(customerId).map((i) => ({
    number: i.number,
    issuedOn: i.issuedOn,
    dueOn: i.dueOn,
    outstanding: i.outstanding,
    daysOverdue: i.dueOn && i.dueOn < today ? daysBetween(i.dueOn, today) : 0,
  }));
  const [phone] = JSON.parse(c.phones) as string[];
  return {
    customerId,
    accountNo: c.accountNo,
    name: c.name,
    address: c.address,
    phone: phone ? phoneDisplay(phone, at.country) : '',
    prepaid,
    balance,
    credit,
    invoices,
    daysOverdue: Math.max(0, ...invoices.map((i) => i.daysOverdue)),
    validUntil,
    recharge,
    toPay: Math.max(0, balance) + (recharge?.toPay ?? 0),
  };
}

/** The UPI deep link for the amount asked, noting the account so the office knows who paid. */
export function reminderUpiLink(r: ReminderFacts, company: Company): string {
  const params = [
    `pa=${encodeURIComponent(company.upiId)}`,
    `pn=${encodeURIComponent(company.name)}`,
    `am=${toDecimalText(r.toPay, company.currency)}`,
    `cu=${company.currency}`,
    `tn=${encodeURIComponent(r.accountNo)}`,
  ];
  return `upi://pay?${params.join('&')}`;
}

function showsQr(r: ReminderFacts, company: Company): boolean {
  return company.upiId.trim() !== '' && company.currency === 'INR' && r.toPay > 0;
}

/** One customer's letter, on its own page(s) with its own footer. */
export function reminderLetter(r: ReminderFacts, company: Company, today: IsoDate): Content {
  const f = formatOf(company);
  const owes = r.balance > 0;
  const body: Content[] = [
    letterhead(company, 'Payment reminder', [
      ['Date', f.date(today)],
      ['Account no.', r.accountNo],
    ]),
    {
      stack: [
        { text: 'TO', fontSize: 7, bold: true, color: MUTED },
        { text: r.name, bold: true, fontSize: 11, margin: [0, 1, 0, 1] },
        ...(r.address ? [{ text: r.address, fontSize: 8.5 }] : []),
        ...labelled([['Phone', r.phone]], 8.5),
      ],
    },
  ];

  const paragraphs: string[] = [];
  const oldest = r.invoices.find((i) => i.daysOverdue === r.daysOverdue && i.daysOverdue > 0);
  if (owes && oldest) {
    paragraphs.push(
      `Our records show ${f.sym(r.balance)} outstanding on your account ${r.accountNo}. ` +
        `The oldest invoice, ${oldest.number}, was due on ${f.date(oldest.dueOn)} and is now ` +
        `${r.daysOverdue} ${r.daysOverdue === 1 ? 'day' : 'days'} overdue.`,
    );
  } else if (owes) {
    const next = r.invoices.find((i) => i.outstanding > 0 && i.dueOn);
    paragraphs.push(
      `This is a friendly reminder that ${f.sym(r.balance)} is due on your account ${r.accountNo}` +
        (next ? `, with invoice ${next.number} falling due on ${f.date(next.dueOn)}.` : '.'),
    );
  }
  if (r.prepaid && r.recharge !== null) {
    const ends =
      r.validUntil === null
        ? 'Your prepaid internet service has not been recharged yet.'
        : r.validUntil < today
          ? `Your prepaid internet service ended on ${f.date(r.validUntil)}.`
          : `Your prepaid internet service ends on ${f.date(r.validUntil)}.`;
    paragraphs.push(
      `${ends} A recharge of ${f.sym(r.recharge.toPay)} (${r.recharge.planName}, one period) keeps it running without a break.`,
    );
  } else if (r.prepaid && r.validUntil) {
    paragraphs.push(`Your prepaid internet service ends on ${f.date(r.validUntil)}.`);
  }
  if (r.daysOverdue > 0) {
    paragraphs.push('We request you to pay at the earliest to avoid any interruption of your internet service.');
  } else if (owes) {
    paragraphs.push('Paying on time keeps your internet service running without interruption.');
  }
  paragraphs.push(
    owes
      ? 'If you have paid in the last few days, thank you, and please ignore this letter.'
      : 'If you have recharged in the last few days, thank you, and please ignore this letter.',
  );

  const subject =
    owes || r.validUntil === null
      ? `Payment reminder for account ${r.accountNo}`
      : `Your prepaid service ${r.validUntil < today ? 'ended' : 'ends'} on ${f.date(r.validUntil)}`;
  body.push({
    stack: [
      {
        text: [
          { text: 'Subject: ', color: MUTED },
          { text: subject, bold: true },
        ],
        margin: [0, 0, 0, 10],
      },
      { text: `Dear ${r.name},`, margin: [0, 0, 0, 6] },
      ...paragraphs.map((text) => ({ text, margin: [0, 0, 0, 5] })),
    ],
    fontSize: 9.5,
    lineHeight: 1.25,
    margin: [0, 14, 0, 4],
  });

  if (r.invoices.length > 0) {
    const rows: Content[][] = [
      [
        headCell('Invoice no.'),
        headCell('Invoice date'),
        headCell('Due date'),
        headCell('Days overdue', { alignment: 'right' }),
        headCell('Outstanding', { alignment: 'right' }),
      ],
    ];
    for (const i of r.invoices) {
      rows.push([
        i.number,
        f.date(i.issuedOn),
        f.date(i.dueOn),
        right(
          i.daysOverdue > 0 ? String(i.daysOverdue) : 'not yet due',
          i.daysOverdue > 0 ? { color: ALERT } : { color: MUTED },
        ),
        right(f.num(i.outstanding)),
      ]);
    }
    const invoiced = r.invoices.reduce((n, i) => n + i.outstanding, 0);
    if (r.credit > 0)
      rows.push([
        { text: 'Less: advance/credit on account', colSpan: 4, color: MUTED },
        '',
        '',
        '',
        right(`− ${f.num(r.credit)}`),
      ]);
    const other = Math.max(0, r.balance) - (invoiced - r.credit);
    if (r.balance > 0 && other !== 0)
      rows.push([{ text: 'Other charges and adjustments', colSpan: 4, color: MUTED }, '', '', '', right(f.num(other))]);
    body.push({
      table: { headerRows: 1, dontBreakRows: true, widths: ['*', 70, 70, 64, 80], body: rows },
      layout: LIST_LAYOUT,
      fontSize: 8.5,
      margin: [0, 4, 0, 0],
    });
  }

  const totals: Content[][] = [];
  if (owes) totals.push([{ text: 'Total due', bold: true }, right(f.sym(r.balance), { bold: true })]);
  if (r.recharge)
    totals.push([{ text: 'Recharge for the next period', bold: true }, right(f.sym(r.recharge.toPay), { bold: true })]);
  if (owes && r.recharge) totals.push([{ text: 'Total to pay', bold: true }, right(f.sym(r.toPay), { bold: true })]);
  if (totals.length > 0) {
    body.push({
      table: { widths: ['*', 'auto'], body: totals },
      layout: { ...PLAIN_LAYOUT, fillColor: () => SOFT_FILL, paddingTop: () => 4, paddingBottom: () => 4 },
      fontSize: 10.5,
      margin: [250, 8, 0, 0],
    });
  }

  // ---- How to pay ----
  const how: Content[] = [{ text: 'HOW TO PAY', fontSize: 7.5, bold: true, color: MUTED, margin: [0, 0, 0, 3] }];
  if (company.paymentInstructions) how.push({ text: company.paymentInstructions, margin: [0, 0, 0, 5] });
  if (company.bankDetails) {
    how.push({ text: 'Bank details', fontSize: 7.5, bold: true, color: MUTED });
    how.push({ text: company.bankDetails, margin: [0, 1, 0, 5] });
  }
  if (company.upiId)
    how.push({
      text: [
        { text: 'UPI: ', color: MUTED },
        { text: company.upiId, bold: true },
      ],
      margin: [0, 0, 0, 5],
    });
  how.push({ text: `Please quote your account number ${r.accountNo} with your payment.`, margin: [0, 0, 0, 0] });
  const columns: Content[] = [{ width: '*', stack: how }];
  if (showsQr(r, company)) {
    columns.push({
      width: 110,
      stack: [
        { image: qrDataUrl(reminderUpiLink(r, company)), width: 96, height: 96, alignment: 'center' },
        { text: `Scan to pay ${f.sym(r.toPay)}`, fontSize: 7.5, bold: true, alignment: 'center' },
        { text: 'with any UPI app', fontSize: 7, color: MUTED, alignment: 'center' },
      ],
    });
  }
  body.push({
    table: { widths: ['*'], body: [[{ columns, columnGap: 14 }]] },
    layout: {
      hLineWidth: () => 0.6,
      vLineWidth: () => 0.6,
      hLineColor: () => '#c3c9d1',
      vLineColor: () => '#c3c9d1',
      paddingLeft: () => 10,
      paddingRight: () => 10,
      paddingTop: () => 8,
      paddingBottom: () => 8,
    },
    fontSize: 8.5,
    margin: [0, 16, 0, 0],
    unbreakable: true,
  });

  body.push({
    columns: [
      {
        width: '*',
        stack: [
          { text: 'Thank you for being with us.', margin: [0, 8, 0, 0] },
          { text: 'Yours sincerely,', margin: [0, 4, 0, 0] },
        ],
      },
      signatory(company),
    ],
    fontSize: 9,
    margin: [0, 18, 0, 0],
    unbreakable: true,
  });
  return numberedSection(body, company, `Reminder · ${r.accountNo}`);
}

export function remindersSetup(company: Company, count: number, first: ReminderFacts | undefined): PdfSetup {
  return a4Setup(company, count === 1 && first ? `Reminder ${first.accountNo}` : `${count} reminder letters`);
}
