// A complete, self-consistent issued document without a database: for the PDF tests, the bench,
// and a layout preview. Taxes come from money.ts the way a billing run computes them.
import type { DocumentLine, IssuedDocument, TaxMode } from '../../../src-shared/contract';
import { taxOn } from '../../../src-shared/money';

export interface SampleLine {
  description: string;
  rate: number;
  quantity?: number;
  taxRateBps?: number;
  sacCode?: string;
}

export interface SampleOptions {
  kind?: 'invoice' | 'credit_note';
  mode?: TaxMode;
  intraState?: boolean;
  number?: string;
  lines?: SampleLine[];
  previousBalance?: number;
  upiId?: string;
  logoSha256?: string | null;
  signatureSha256?: string | null;
}

export const SAMPLE_LINES: SampleLine[] = [
  { description: 'Home Fiber 100 Mbps – monthly plan', rate: 99_900 },
  { description: 'Static public IP address (add-on)', rate: 20_000 },
];

/** To the nearest rupee, half up: what the invoice's round-off line adds. */
function roundOffOf(total: number): number {
  const paise = ((total % 100) + 100) % 100;
  return paise >= 50 ? 100 - paise : -paise;
}

export function sampleDocument(options: SampleOptions = {}): IssuedDocument {
  const kind = options.kind ?? 'invoice';
  const mode = options.mode ?? 'gst';
  const intraState = options.intraState ?? true;
  const lines = (options.lines ?? SAMPLE_LINES).map((sample, i): DocumentLine & { id: number } => {
    const quantity = sample.quantity ?? 1;
    const taxRateBps = mode === 'none' ? 0 : (sample.taxRateBps ?? 1800);
    const taxable = sample.rate * quantity;
    const tax = taxOn(taxable, taxRateBps);
    // CGST and SGST are half the rate each, so they are computed as halves and may differ from tax/2 by a paisa.
    const cgst = mode === 'gst' && intraState ? taxOn(taxable, taxRateBps / 2) : 0;
    const sgst = cgst;
    const igst = mode === 'gst' && !intraState ? tax : 0;
    const vat = mode === 'vat' ? tax : 0;
    return {
      id: i + 1,
      kind: i === 0 ? 'plan' : 'addon',
      description: sample.description,
      sacCode: mode === 'vat' ? '' : (sample.sacCode ?? '998422'),
      spanStart: '2026-11-01',
      spanEnd: '2026-11-30',
      quantity,
      rate: sample.rate,
      taxable,
      taxRateBps,
      cgst,
      sgst,
      igst,
      vat,
      total: taxable + cgst + sgst + igst + vat,
    };
  });
  const taxable = lines.reduce((s, l) => s + l.taxable, 0);
  const tax = lines.reduce((s, l) => s + l.cgst + l.sgst + l.igst + l.vat, 0);
  const roundOff = roundOffOf(taxable + tax);
  const total = taxable + tax + roundOff;
  const previousBalance = options.previousBalance ?? (kind === 'invoice' ? 50_000 : 141_500);
  const isInvoice = kind === 'invoice';
  return {
    id: 42,
    kind,
    number: options.number ?? (isInvoice ? 'INV/26-27/00042' : 'CN/26-27/00007'),
    customerId: 7,
    accountNo: 'C-00107',
    customerName: 'Priya Raghavan',
    issuedOn: isInvoice ? '2026-11-01' : '2026-11-27',
    dueOn: isInvoice ? '2026-11-15' : null,
    periodStart: '2026-11-01',
    periodEnd: '2026-11-30',
    taxable,
    tax,
    total,
    credited: 0,
    paid: 0,
    outstanding: isInvoice ? total : 0,
    status: isInvoice ? 'unpaid' : 'issued',
    fy: '2026-27',
    source: isInvoice ? 'run' : 'credit',
    reason: isInvoice ? '' : 'Service outage 12–14 Nov (tower maintenance)',
    roundOff,
    previousBalance,
    amountDue: previousBalance + (isInvoice ? total : -total),
    parties: {
      seller: {
        name: 'Skyline Wireless Networks',
        address: '2nd Floor, 14 MG Road, Near Bus Stand\nTumakuru, Karnataka 572101',
        phone: '+91 98450 12345',
        email: 'billing@skyline.example',
        taxId: '29ABCDE1234F1Z5',
        stateCode: '29',
        stateName: 'Karnataka',
        upiId: options.upiId ?? 'skyline@okicici',
        bankDetails: 'Skyline Wireless Networks\nA/c 50200012345678 · HDFC Bank, Tumakuru · IFSC HDFC0001234',
        paymentInstructions: 'Pay by UPI, bank transfer or cash at the office by the due date to avoid a late fee.',
        footer: 'Thank you for choosing Skyline Wireless. Support: +91 98450 12345',
        logoSha256: options.logoSha256 ?? null,
        signatureSha256: options.signatureSha256 ?? null,
      },
      buyer: {
        accountNo: 'C-00107',
        name: 'Priya Raghavan',
        address: '#45, 3rd Cross, Ashok Nagar\nTumakuru 572103',
        phone: '+91 99001 23456',
        email: '',
        gstin: intraState ? '' : '33AAACR5055K1ZK',
        placeOfSupply: intraState ? '29' : '33',
        placeOfSupplyName: intraState ? 'Karnataka' : 'Tamil Nadu',
      },
      tax: { mode, label: mode === 'vat' ? 'VAT' : mode === 'gst' ? 'GST' : '', intraState, pricesIncludeTax: false },
      currency: 'INR',
      locale: 'en-IN',
    },
    lines: lines.map((l) => ({ ...l, creditedTaxable: 0 })),
    creditsInvoice: isInvoice ? null : { id: 41, number: 'INV/26-27/00042', issuedOn: '2026-11-01' },
    creditNotes: [],
    createdAt: '2026-11-01T03:30:00.000Z',
  };
}
