// What a printed document says, as text: dates, tax rates, the title, the labels that depend on
// the tax mode, amounts in the document's currency, and the UPI payment link. The layout that
// places them is ./documentLayout.
import type { IssuedDocument } from '../../../src-shared/contract';
import { formatMoney, toDecimalText } from '../../../src-shared/money';

const dateFormats = new Map<string, Intl.DateTimeFormat>();

/** 27 Nov 2026, from an ISO business date (no time zone can move it a day). */
export function printedDate(iso: string | null, locale: string): string {
  if (!iso) return '—';
  let format = dateFormats.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
    dateFormats.set(locale, format);
  }
  return format.format(new Date(`${iso}T00:00:00Z`));
}

/** A rate in basis points divided by `parts` as a percent, exactly: 1800/2 -> "9%", 1250/2 -> "6.25%", 5/2 -> "0.025%". */
export function percentText(bps: number, parts = 1): string {
  // Thousandths of a percent: exact for whole basis points split in two.
  const milli = (bps * 10) / parts;
  if (!Number.isInteger(milli)) throw new RangeError(`a rate of ${bps} bps does not split into ${parts}`);
  const whole = Math.floor(milli / 1000);
  const fraction = String(milli % 1000)
    .padStart(3, '0')
    .replace(/0+$/, '');
  return `${whole}${fraction ? `.${fraction}` : ''}%`;
}

export function titleOf(doc: IssuedDocument): string {
  if (doc.kind === 'credit_note') return 'Credit Note';
  return doc.parties.tax.mode === 'none' ? 'Bill of Supply' : 'Tax Invoice';
}

/** "Karnataka (29)": a state is printed with its GST state code. */
export function stateText(name: string, code: string): string {
  if (!name) return code;
  return code ? `${name} (${code})` : name;
}

export function taxIdLabel(doc: IssuedDocument): string {
  const { tax, currency } = doc.parties;
  if (tax.mode === 'vat') return `${tax.label || 'VAT'} No.`;
  return currency === 'INR' ? 'GSTIN' : 'Tax ID';
}

/** "Label: value" lines, skipping empty values. */
export type TaxColumns = 'cgst_sgst' | 'igst' | 'vat' | 'none';

export function taxColumnsOf(doc: IssuedDocument): TaxColumns {
  const { tax } = doc.parties;
  if (tax.mode === 'none') return 'none';
  if (tax.mode === 'vat') return 'vat';
  return tax.intraState ? 'cgst_sgst' : 'igst';
}

export interface Money {
  /** ₹1,179.00 */
  sym(minor: number): string;
  /** 1,179.00 */
  num(minor: number): string;
}

export function moneyOf(doc: IssuedDocument): Money {
  const { currency, locale } = doc.parties;
  return {
    sym: (minor) => formatMoney(minor, currency, locale),
    num: (minor) => formatMoney(minor, currency, locale, { symbol: false }),
  };
}

/** The UPI deep link a payment app reads from the QR code: payee, name, amount, currency, note. */
export function upiLink(doc: IssuedDocument): string {
  const { seller, currency } = doc.parties;
  const params = [
    `pa=${encodeURIComponent(seller.upiId)}`,
    `pn=${encodeURIComponent(seller.name)}`,
    `am=${toDecimalText(doc.amountDue, currency)}`,
    `cu=${currency}`,
    `tn=${encodeURIComponent(doc.number)}`,
  ];
  return `upi://pay?${params.join('&')}`;
}

/** Only an invoice with something to pay, in rupees, to a seller with a UPI ID gets a QR code. */
export function showsUpiQr(doc: IssuedDocument): boolean {
  return (
    doc.kind === 'invoice' &&
    doc.parties.seller.upiId.trim() !== '' &&
    doc.amountDue > 0 &&
    doc.parties.currency === 'INR'
  );
}
