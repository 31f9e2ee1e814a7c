// Payments' printed documents on a real file, read back the way the customer and the cashier
// read them: written to disk and turned into text by poppler's pdftotext, pdfinfo and pdffonts.
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { remindersPdf } from '../../../src-main/payments/pdf';
import type { Input } from '../../../src-shared/contract';
import { AppError } from '../../../src-shared/errors';
import { call, createCustomer, createPlan, tempDir } from '../helpers';
import { pngFile } from '../pngFile';
import { billingApp, owingCustomer } from './paymentsApp';

const OFFICE: Partial<Input<'settings.save'>> = {
  phone: '+91 20 2567 8901',
  upiId: 'sahyadri@okaxis',
  bankDetails: 'HDFC Bank, FC Road branch, A/c 50200012345678, IFSC HDFC0001234',
  paymentInstructions: 'Pay at our office, by UPI or by bank transfer.',
  invoiceFooter: 'Sahyadri Wireless, support 020 2567 8901',
};

function pdfFile(pdf: { base64: string } | Buffer): string {
  const file = join(tempDir('wispdesk-pdf-'), 'document.pdf');
  writeFileSync(file, Buffer.isBuffer(pdf) ? pdf : Buffer.from(pdf.base64, 'base64'));
  return file;
}

/** The PDF's text as laid out on the page; `page` for one page only. */
function pdfText(pdf: { base64: string }, page?: number): string {
  const pages = page ? ['-f', String(page), '-l', String(page)] : [];
  return execFileSync('pdftotext', ['-layout', ...pages, pdfFile(pdf), '-'], { encoding: 'utf8' });
}

function pdfTool(tool: 'pdfinfo' | 'pdffonts' | 'pdfimages', pdf: { base64: string }, ...args: string[]): string {
  return execFileSync(tool, [...args, pdfFile(pdf)], { encoding: 'utf8' });
}

const pageCount = (pdf: { base64: string }) => Number(/Pages:\s+(\d+)/.exec(pdfTool('pdfinfo', pdf))?.[1]);
/** Runs of spaces made one, so a value can be found beside its label. */
const squeeze = (text: string) => text.replace(/[ \t]+/g, ' ');
const flatText = (pdf: { base64: string }, page?: number) => squeeze(pdfText(pdf, page));
/** All of it on one line: for sentences and words that wrap. */
const prose = (text: string) => text.replace(/\s+/g, ' ');

/** Every font of the PDF, and whether it is embedded (pdffonts' "emb" column). */
function fonts(pdf: { base64: string }): { name: string; embedded: boolean }[] {
  return pdfTool('pdffonts', pdf)
    .split('\n')
    .slice(2)
    .filter((line) => line.trim() !== '')
    .map((line) => {
      const cells = line.trim().split(/\s+/);
      // name type [type…] encoding emb sub uni object ID: emb is the fifth from the end.
      return { name: cells[0]!, embedded: cells[cells.length - 5] === 'yes' };
    });
}

describe('a receipt', () => {
  it('on A4: the number, the amount in figures and words, the invoices it paid and the balance after', async () => {
    const app = await billingApp('2026-11-01', OFFICE);
    const { customerId } = await owingCustomer(app);
    app.setToday('2026-11-20');
    const p = await call(app, 'payments.record', {
      customerId,
      amount: 70_000,
      method: 'cash',
      note: 'Paid by his son',
    });
    const pdf = await call(app, 'payments.receiptPdf', { id: p.id, format: 'a4' });
    expect(pdf.filename).toBe('Receipt-RCPT-26-27-00001.pdf');
    expect(pageCount(pdf)).toBe(1);
    expect(pdfTool('pdfinfo', pdf)).toMatch(/Page size:\s+595\.\d+ x 841\.\d+ pts \(A4\)/);
    const text = flatText(pdf);
    expect(text).toContain('Sahyadri Wireless');
    expect(text).toMatch(/GSTIN: 27AAKCS1234F1ZI/);
    expect(text).toMatch(/Phone: \+91 20 2567 8901/);
    expect(text).toContain('RECEIPT');
    expect(text).toMatch(/Receipt no\. RCPT\/26-27\/00001/);
    expect(text).toMatch(/Date 20 Nov 2026/);
    expect(text).toContain('Rahul Patil');
    expect(text).toMatch(/Account no\.: WD-\d{6}/);
    expect(text).toContain('₹700.00');
    expect(text).toContain('Amount in words: Seven Hundred Rupees Only');
    expect(text).toMatch(/Method Cash/);
    // Oldest first: all of September's invoice, part of October's; November's is not on it.
    expect(text).toMatch(/INV\/26-27\/00001 1 Sept? 2026 500\.00/);
    expect(text).toMatch(/INV\/26-27\/00002 1 Oct 2026 200\.00/);
    expect(text).not.toContain('INV/26-27/00003');
    expect(text).not.toContain('Advance/credit');
    expect(text).toMatch(/Balance due after this payment ₹800\.00/);
    expect(text).toContain('Note: Paid by his son');
    expect(text).toContain('Received with thanks.');
    expect(text).toContain('For Sahyadri Wireless');
    expect(text).toContain('Authorised Signatory');
    expect(text).not.toContain('REVERSED');
  });

  it('carries the logo and the signature on A4, and neither on the till roll', async () => {
    const app = await billingApp('2026-11-01');
    const { customerId } = await owingCustomer(app);
    const logo = pngFile(24, 12, (x) => (x < 12 ? [32, 64, 160] : [240, 160, 32]));
    const signature = pngFile(30, 10);
    await call(app, 'settings.setImage', { which: 'logo', base64: logo.toString('base64') });
    await call(app, 'settings.setImage', { which: 'signature', base64: signature.toString('base64') });
    const p = await call(app, 'payments.record', { customerId, amount: 50_000, method: 'cash' });
    const sizes = (pdf: { base64: string }) =>
      pdfTool('pdfimages', pdf, '-list')
        .split('\n')
        .filter((l) => /^\s*\d+\s+\d+\s+image/.test(l))
        .map((l) => l.trim().split(/\s+/).slice(3, 5).join('x'))
        .sort();
    expect(sizes(await call(app, 'payments.receiptPdf', { id: p.id, format: 'a4' }))).toEqual(['24x12', '30x10']);
    expect(sizes(await call(app, 'payments.receiptPdf', { id: p.id, format: 'thermal80' }))).toEqual([]);
  });

  it('writes a large amount in words the Indian way, and what was not on invoices as advance', async () => {
    const app = await billingApp('2026-11-01');
    const { customerId } = await owingCustomer(app);
    const p = await call(app, 'payments.record', {
      customerId,
      amount: 12_345_650,
      method: 'bank',
      reference: 'UTR123456',
    });
    const text = flatText(await call(app, 'payments.receiptPdf', { id: p.id, format: 'a4' }));
    expect(text).toContain('₹1,23,456.50');
    expect(prose(text)).toContain('One Lakh Twenty-Three Thousand Four Hundred Fifty-Six Rupees and Fifty Paise Only');
    expect(text).toMatch(/Method Bank transfer/);
    expect(text).toMatch(/UTR \/ reference UTR123456/);
    expect(text).toMatch(/Advance\/credit on account 1,21,956\.50/);
    // The balance after is negative: the customer is in credit.
    expect(text).toMatch(/Advance\/credit after this payment ₹1,21,956\.50/);
  });

  it('on an 80 mm roll: 80 mm wide, one page as long as the receipt, large total, invoices and advance', async () => {
    const app = await billingApp('2026-11-01', OFFICE);
    const { customerId } = await owingCustomer(app);
    app.setToday('2026-11-20');
    const p = await call(app, 'payments.record', {
      customerId,
      amount: 180_000,
      method: 'upi',
      reference: '612345678901',
    });
    const pdf = await call(app, 'payments.receiptPdf', { id: p.id, format: 'thermal80' });
    expect(pdf.filename).toBe('Receipt-RCPT-26-27-00001.pdf');
    expect(pageCount(pdf)).toBe(1);
    const size = /Page size:\s+([\d.]+) x ([\d.]+) pts/.exec(pdfTool('pdfinfo', pdf))!;
    // 80 mm = 226.77 pt; the roll is cut after the receipt, well short of an A4 page.
    expect(Number(size[1])).toBeCloseTo((80 / 25.4) * 72, 1);
    expect(Number(size[2])).toBeGreaterThan(300);
    expect(Number(size[2])).toBeLessThan(700);
    const text = flatText(pdf);
    expect(text).toContain('RECEIPT');
    expect(text).toMatch(/Receipt no\. RCPT\/26-27\/00001/);
    expect(text).toContain('₹1,800.00');
    expect(text).toContain('One Thousand Eight Hundred Rupees Only');
    expect(text).toMatch(/UPI transaction id 612345678901/);
    expect(text).toMatch(/INV\/26-27\/00001 1 Sept? 2026 500\.00/);
    expect(text).toMatch(/INV\/26-27\/00003 1 Nov 2026 500\.00/);
    expect(text).toMatch(/Advance\/credit 300\.00/);
    expect(text).toMatch(/Advance\/credit ₹300\.00/);
    expect(text).toContain('Received with thanks');
    // Nothing spills past the right edge: every line fits the roll's width.
    for (const line of pdfText(pdf).split('\n')) expect(line.length).toBeLessThan(60);
  });

  it('a reversed payment prints REVERSED with the date and the reason, and no thanks', async () => {
    const app = await billingApp('2026-11-01');
    const { customerId } = await owingCustomer(app);
    app.setToday('2026-11-20');
    const p = await call(app, 'payments.record', {
      customerId,
      amount: 100_000,
      method: 'cheque',
      reference: '000123',
      chequeBank: 'SBI',
      chequeDate: '2026-11-18',
    });
    app.setToday('2026-11-24');
    await call(app, 'payments.reverse', { paymentId: p.id, reason: 'Cheque bounced', bounced: true });
    for (const format of ['a4', 'thermal80'] as const) {
      const text = flatText(await call(app, 'payments.receiptPdf', { id: p.id, format }));
      expect(text).toContain('REVERSED');
      expect(text).toMatch(/on 24 Nov 2026: Cheque bounced/);
      expect(text).toMatch(/Cheque no\. 000123/);
      expect(text).toMatch(/Bank SBI/);
      expect(text).toMatch(/Cheque date 18 Nov 2026/);
      // What it was put on when it was taken is still what the receipt says.
      expect(text).toMatch(/INV\/26-27\/00002 1 Oct 2026 500\.00/);
      expect(text).not.toContain('Received with thanks');
    }
  });

  it('a refund prints as a refund voucher with the reason and a line for the receiver', async () => {
    const app = await billingApp('2026-11-01');
    const { customerId } = await owingCustomer(app);
    await call(app, 'payments.record', { customerId, amount: 160_000, method: 'cash' });
    const r = await call(app, 'payments.refund', { customerId, amount: 6_000, method: 'cash', reason: 'Moving away' });
    const pdf = await call(app, 'payments.receiptPdf', { id: r.id, format: 'a4' });
    expect(pdf.filename).toBe('Refund-RFD-26-27-0001.pdf');
    const text = flatText(pdf);
    expect(text).toContain('REFUND VOUCHER');
    expect(text).toMatch(/Voucher no\. RFD\/26-27\/0001/);
    expect(text).toContain('Sixty Rupees Only');
    expect(text).toContain('Reason: Moving away');
    expect(text).toMatch(/Advance\/credit after this refund ₹40\.00/);
    expect(text).toContain("Receiver's signature");
    expect(text).not.toContain('Received with thanks');
  });
});

describe('a customer statement', () => {
  it('opening balance, each entry with its running balance, totals and the closing balance', async () => {
    const app = await billingApp('2026-11-01', OFFICE);
    const { customerId } = await owingCustomer(app);
    app.setToday('2026-11-20');
    await call(app, 'payments.record', { customerId, amount: 70_000, method: 'cash' });
    app.setToday('2026-11-27');
    const pdf = await call(app, 'payments.statementPdf', { customerId, from: '2026-10-01', to: '2026-11-27' });
    expect(pdf.filename).toMatch(/^Statement-WD-\d{6}-2026-10-01-to-2026-11-27\.pdf$/);
    const text = flatText(pdf);
    expect(text).toContain('ACCOUNT STATEMENT');
    expect(text).toMatch(/Period 1 Oct 2026 – 27 Nov 2026/);
    expect(text).toContain('Rahul Patil');
    expect(text).toMatch(/Date Number Description Debit Credit Balance/);
    // September's invoice is before the period: it is the opening balance.
    expect(text).toMatch(/1 Oct 2026 Opening balance 500\.00/);
    expect(text).not.toContain('INV/26-27/00001');
    expect(text).toMatch(/1 Oct 2026 INV\/26-27\/00002 Invoice for 1 Oct – 31 Oct 2026 500\.00 1,000\.00/);
    expect(text).toMatch(/1 Nov 2026 INV\/26-27\/00003 Invoice for 1 Nov – 30 Nov 2026 500\.00 1,500\.00/);
    expect(text).toMatch(/20 Nov 2026 RCPT\/26-27\/00001 Payment by cash 700\.00 800\.00/);
    expect(text).toMatch(/Totals for the period 1,000\.00 700\.00/);
    expect(text).toMatch(/27 Nov 2026 Closing balance 800\.00/);
    expect(text).toMatch(/Amount due ₹800\.00/);
    expect(text).toMatch(/Page 1 of 1/);
  });

  it('a customer in credit closes "In credit" with the balance marked Cr', async () => {
    const app = await billingApp('2026-11-01');
    const { customerId } = await owingCustomer(app);
    app.setToday('2026-11-20');
    await call(app, 'payments.record', { customerId, amount: 180_000, method: 'cash' });
    const text = flatText(await call(app, 'payments.statementPdf', { customerId, from: null, to: null }));
    expect(text).toMatch(/Opening balance 0\.00/);
    expect(text).toMatch(/RCPT\/26-27\/00001 Payment by cash 1,800\.00 300\.00 Cr/);
    expect(text).toMatch(/In credit ₹300\.00/);
    expect(text).not.toContain('Amount due');
  });

  it('runs over pages with the table header repeated and the pages numbered', async () => {
    const app = await billingApp('2026-11-01', OFFICE);
    const { customerId } = await owingCustomer(app);
    app.setToday('2026-11-20');
    for (let i = 0; i < 70; i++) await call(app, 'payments.record', { customerId, amount: 1_000, method: 'cash' });
    const pdf = await call(app, 'payments.statementPdf', { customerId, from: null, to: null });
    const pages = pageCount(pdf);
    expect(pages).toBeGreaterThanOrEqual(2);
    for (let page = 1; page <= pages; page++) {
      const text = flatText(pdf, page);
      // Every page with rows of the table starts with its header.
      if (/RCPT\/|INV\//.test(text)) expect(text).toMatch(/Date Number Description Debit Credit Balance/);
      expect(text).toContain(`Page ${page} of ${pages}`);
    }
    expect(flatText(pdf, 2)).toMatch(/Date Number Description Debit Credit Balance/);
    // 1,500 owed less 70 payments of ₹10: ₹800 due, at the end.
    expect(flatText(pdf)).toMatch(/RCPT\/26-27\/00070 Payment by cash 10\.00 800\.00/);
    expect(flatText(pdf, pages)).toMatch(/Amount due ₹800\.00/);
  });
});

describe('the day book', () => {
  it("lists the day's payments and refunds, totals by method and the cash expected; closed, the difference", async () => {
    const app = await billingApp('2026-11-01', OFFICE);
    const first = await owingCustomer(app);
    const second = await owingCustomer(app, { name: 'Home 50' });
    app.setToday('2026-11-27');
    await call(app, 'payments.record', { customerId: first.customerId, amount: 70_000, method: 'cash' });
    await call(app, 'payments.record', {
      customerId: second.customerId,
      amount: 180_000,
      method: 'upi',
      reference: '612345678901',
    });
    const mistake = await call(app, 'payments.record', {
      customerId: first.customerId,
      amount: 10_000,
      method: 'cash',
    });
    await call(app, 'payments.reverse', { paymentId: mistake.id, reason: 'Typed twice' });
    await call(app, 'payments.refund', {
      customerId: second.customerId,
      amount: 5_000,
      method: 'cash',
      reason: 'Overpaid',
    });

    const open = await call(app, 'payments.dayBookPdf', { day: '2026-11-27' });
    expect(open.filename).toBe('Day-book-2026-11-27.pdf');
    let text = flatText(open);
    expect(text).toContain('DAY BOOK');
    expect(text).toMatch(/Day 27 Nov 2026/);
    expect(text).toMatch(/Status Not closed yet/);
    expect(text).toMatch(/RCPT\/26-27\/00001 Rahul Patil Cash 700\.00/);
    expect(text).toMatch(/RCPT\/26-27\/00002 Rahul Patil UPI 612345678901 1,800\.00/);
    expect(text).toMatch(/REVERSED 27 Nov/);
    expect(text).toMatch(/RFD\/26-27\/0001 Rahul Patil Refund · Cash 50\.00/);
    expect(text).toMatch(/UPI 1 1,800\.00/);
    // 0 float + 800 cash received − 50 refunded − 100 reversed.
    expect(text).toMatch(/\+ Cash received 800\.00/);
    expect(text).toMatch(/− Cash refunded 50\.00/);
    expect(text).toMatch(/− Cash reversed 100\.00/);
    expect(text).toMatch(/= Cash expected ₹650\.00/);
    expect(text).toMatch(/Cash counted Not closed yet/);
    expect(text).toContain('Cashier');
    expect(text).toContain('Checked by');

    await call(app, 'payments.closeDay', { day: '2026-11-27', openingFloat: 100_000, counted: 160_000 });
    text = flatText(await call(app, 'payments.dayBookPdf', { day: '2026-11-27' }));
    expect(text).toMatch(/Status Closed/);
    expect(text).toMatch(/Opening float 1,000\.00/);
    expect(text).toMatch(/= Cash expected ₹1,650\.00/);
    expect(text).toMatch(/Cash counted ₹1,600\.00/);
    expect(text).toMatch(/Difference Short by ₹50\.00/);
    expect(text).not.toContain('Not closed yet');
  });
});

describe('reminder letters', () => {
  /** Two customers owing ₹1,500 and ₹800, one who paid everything. */
  async function dues() {
    const app = await billingApp('2026-11-01', OFFICE);
    const owes = await owingCustomer(app);
    const part = await owingCustomer(app, { name: 'Home 50' });
    const paid = await owingCustomer(app, { name: 'Home 100' });
    app.setToday('2026-11-27');
    await call(app, 'payments.record', { customerId: part.customerId, amount: 70_000, method: 'cash' });
    await call(app, 'payments.record', { customerId: paid.customerId, amount: 150_000, method: 'cash' });
    const accountOf = (id: number) =>
      app.db.sqlite.prepare('SELECT account_no FROM customers WHERE id = ?').pluck().get(id) as string;
    return { app, owes, part, paid, accountOf };
  }

  it('one page per customer who owes, with the open invoices, the total due, days overdue and a UPI QR', async () => {
    const { app, owes, part, paid, accountOf } = await dues();
    const heard: [number, number][] = [];
    const pdf = await remindersPdf(
      app.services,
      { customerIds: [owes.customerId, paid.customerId, part.customerId], dues: null },
      (done, total) => heard.push([done, total]),
    );
    expect(pdf.count).toBe(2);
    expect(pdf.filename).toBe('Reminders-2026-11-27.pdf');
    expect(pageCount(pdf)).toBe(2);
    expect(heard.at(-1)).toEqual([2, 2]);

    const first = flatText(pdf, 1);
    expect(first).toContain('PAYMENT REMINDER');
    expect(first).toContain(accountOf(owes.customerId));
    expect(first).toMatch(/Dear Rahul Patil,/);
    // September's invoice was due on 8 Sep: 80 days before 27 Nov.
    expect(prose(first)).toMatch(
      /The oldest invoice, INV\/26-27\/00001, was due on 8 Sept? 2026 and is now 80 days overdue/,
    );
    expect(first).toMatch(/INV\/26-27\/00001 1 Sept? 2026 8 Sept? 2026 80 500\.00/);
    expect(first).toMatch(/INV\/26-27\/00003 1 Nov 2026 8 Nov 2026 19 500\.00/);
    expect(first).toMatch(/Total due ₹1,500\.00/);
    expect(first).toMatch(/Scan to pay ₹1,500\.00/);
    expect(first).toContain('UPI: sahyadri@okaxis');
    expect(first).toContain('HDFC Bank, FC Road branch');
    expect(first).toMatch(/Page 1 of 1/);
    expect(first).not.toContain(accountOf(paid.customerId));

    const second = flatText(pdf, 2);
    expect(second).toContain(accountOf(part.customerId));
    expect(second).toMatch(/Total due ₹800\.00/);
    expect(second).toMatch(/INV\/26-27\/00005 1 Oct 2026 8 Oct 2026 50 300\.00/);
    expect(second).not.toContain('INV/26-27/00004');
    // Each letter numbers its own pages.
    expect(second).toMatch(/Page 1 of 1/);
    // One QR code a letter.
    const images = pdfTool('pdfimages', pdf, '-list')
      .split('\n')
      .filter((l) => /^\s*\d+\s+\d+\s+image/.test(l));
    expect(images).toHaveLength(2);
  });

  it("for everyone on the dues list, and one customer's letter is named by the account", async () => {
    const { app, owes, part, accountOf } = await dues();
    const all = await remindersPdf(
      app.services,
      { customerIds: [], dues: { dueWithinDays: 7, bucket: null, toSuspendOnly: false, search: '' } },
      () => {},
    );
    expect(all.count).toBe(2);
    expect(pageCount(all)).toBe(2);
    const text = flatText(all);
    expect(text).toContain(accountOf(owes.customerId));
    expect(text).toContain(accountOf(part.customerId));

    const one = await remindersPdf(app.services, { customerIds: [part.customerId], dues: null }, () => {});
    expect(one.filename).toBe(`Reminder-${accountOf(part.customerId)}.pdf`);
    expect(pageCount(one)).toBe(1);
  });

  it('refuses when nobody in the list owes anything', async () => {
    const { app, paid } = await dues();
    const attempt = remindersPdf(app.services, { customerIds: [paid.customerId], dues: null }, () => {});
    await expect(attempt).rejects.toThrow(AppError);
    await expect(attempt).rejects.toThrow('Nobody in the list owes anything: there is nothing to remind');
  });

  it('tells a prepaid customer when their service ends, with the recharge to pay', async () => {
    const app = await billingApp('2026-11-01', OFFICE);
    const { customerId } = await owingCustomer(app);
    await call(app, 'payments.record', { customerId, amount: 150_000, method: 'cash' });
    await call(app, 'payments.setBillingMode', { customerId, mode: 'prepaid' });
    app.setToday('2026-11-28');
    const pdf = await remindersPdf(app.services, { customerIds: [customerId], dues: null }, () => {});
    const text = flatText(pdf);
    expect(text).toMatch(/Subject: Your prepaid service ends on 30 Nov 2026/);
    expect(prose(text)).toContain('Your prepaid internet service ends on 30 Nov 2026');
    expect(text).toMatch(/Recharge for the next period ₹500\.00/);
    expect(text).toMatch(/Scan to pay ₹500\.00/);
    expect(text).not.toContain('Total due');
  });

  it('builds many letters a chunk at a time and reports progress every 50 letters', async () => {
    const app = await billingApp('2026-11-01');
    const plan = await createPlan(app, { priceMinor: 50_000, taxRateBps: 0 });
    for (let i = 0; i < 60; i++) {
      await createCustomer(app, {
        name: `Customer ${i + 1}`,
        planId: plan.id,
        billingDay: 1,
        billingStartOn: '2026-11-01',
      });
    }
    await call(app, 'billing.run', { asOf: '2026-11-01', scope: { kind: 'all' } });
    app.setToday('2026-11-27');
    const heard: number[] = [];
    const pdf = await remindersPdf(
      app.services,
      { customerIds: [], dues: { dueWithinDays: 7, bucket: null, toSuspendOnly: false, search: '' } },
      (done, total) => {
        expect(total).toBe(60);
        heard.push(done);
      },
    );
    expect(pdf.count).toBe(60);
    expect(pageCount(pdf)).toBe(60);
    expect(heard).toEqual([0, 50, 60]);
    expect(flatText(pdf, 60)).toMatch(/Total due ₹500\.00/);
  }, 60_000);
});

describe('every payments PDF', () => {
  it('embeds all its fonts', async () => {
    const app = await billingApp('2026-11-01', OFFICE);
    const { customerId } = await owingCustomer(app);
    app.setToday('2026-11-27');
    const p = await call(app, 'payments.record', { customerId, amount: 70_000, method: 'cash' });
    const pdfs = [
      await call(app, 'payments.receiptPdf', { id: p.id, format: 'a4' }),
      await call(app, 'payments.receiptPdf', { id: p.id, format: 'thermal80' }),
      await call(app, 'payments.statementPdf', { customerId, from: null, to: null }),
      await call(app, 'payments.dayBookPdf', { day: '2026-11-27' }),
      await remindersPdf(app.services, { customerIds: [customerId], dues: null }, () => {}),
    ];
    for (const pdf of pdfs) {
      const found = fonts(pdf);
      expect(found.length).toBeGreaterThan(0);
      expect(found.filter((f) => !f.embedded)).toEqual([]);
      expect(found.every((f) => f.name.includes('DejaVuSans'))).toBe(true);
    }
  });
});
