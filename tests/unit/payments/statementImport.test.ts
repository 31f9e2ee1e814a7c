// Bank and UPI statement import on a real file: hand-made statements read, matched, recorded
// once; the same file and an overlapping one imported again; bad files refused with nothing written.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Input, StatementImportPreview, StatementMapping } from '../../../src-shared/contract';
import { parseStatementAmount, parseStatementDate } from '../../../src-main/payments/statementImport';
import { call, createCustomer, createPlan, databaseChecksum, refused } from '../helpers';
import { billingApp, invoiceStates } from './paymentsApp';
import type { BillingTestApp } from '../billing/billingApp';

const MAPPING: StatementMapping = {
  date: 'Date',
  credit: 'Credit',
  debit: 'Debit',
  reference: 'Ref',
  narration: 'Narration',
  payer: 'Payer',
};

const HEADER = 'Date,Narration,Ref,Debit,Credit,Payer';

function file(text: string | Uint8Array, filename = 'statement.csv') {
  const bytes = typeof text === 'string' ? Buffer.from(text, 'utf8') : Buffer.from(text);
  return { filename, base64: bytes.toString('base64') };
}

const lines = (...rows: string[]) => [HEADER, ...rows].join('\r\n') + '\r\n';

interface Office {
  app: BillingTestApp;
  /** Four customers, each with one invoice issued 1 Nov 2026: ₹500, ₹500, ₹500 and ₹777. */
  c: { id: number; accountNo: string; invoiceId: number; invoice: string }[];
}

async function office(): Promise<Office> {
  const app = await billingApp('2026-11-01');
  const plan500 = await createPlan(app, { name: 'Home 500', priceMinor: 50_000, taxRateBps: 0 });
  const plan777 = await createPlan(app, { name: 'Home 777', priceMinor: 77_700, taxRateBps: 0 });
  const c: Office['c'] = [];
  for (const [i, planId] of [plan500.id, plan500.id, plan500.id, plan777.id].entries()) {
    const customer = await createCustomer(app, {
      name: ['Rahul Patil', 'Sunita Deshmukh', 'Priya Kulkarni', 'Amit Joshi'][i]!,
      phones: [`+91 98450 ${String(i + 1).repeat(5)}`],
      planId,
      billingDay: 1,
      billingStartOn: '2026-11-01',
    });
    c.push({ id: customer.id, accountNo: customer.accountNo, invoiceId: 0, invoice: '' });
  }
  await call(app, 'billing.run', { asOf: '2026-11-01', scope: { kind: 'all' } });
  for (const customer of c) {
    const row = app.db.sqlite
      .prepare(`SELECT id, number FROM invoices WHERE customer_id = ? AND kind = 'invoice'`)
      .get(customer.id) as { id: number; number: string };
    customer.invoiceId = row.id;
    customer.invoice = row.number;
  }
  app.setToday('2026-11-20');
  return { app, c };
}

async function preview(app: BillingTestApp, text: string | Uint8Array, mapping: StatementMapping = MAPPING) {
  return call(app, 'payments.importPreview', { file: file(text), mapping });
}

/** Records every matched new credit for its match, ignores the unmatched ones. */
function decide(p: StatementImportPreview): Input<'payments.importCommit'>['decisions'] {
  return p.rows
    .filter((r) => r.state === 'new')
    .map((r) =>
      r.match
        ? { action: 'record' as const, key: r.key, customerId: r.match.customerId, invoiceIds: r.match.invoiceIds }
        : { action: 'ignore' as const, key: r.key },
    );
}

const count = (app: BillingTestApp, sql: string) => app.db.sqlite.prepare(sql).pluck().get() as number;

describe('reading a statement', () => {
  it('reads dates written the ways banks write them', () => {
    expect(parseStatementDate('27/11/2026', 'dmy')).toBe('2026-11-27');
    expect(parseStatementDate('27-Nov-2026', 'dmy')).toBe('2026-11-27');
    expect(parseStatementDate('27 Nov 2026', 'dmy')).toBe('2026-11-27');
    expect(parseStatementDate('27/11/26', 'dmy')).toBe('2026-11-27');
    expect(parseStatementDate('27.11.2026 10:32:11', 'dmy')).toBe('2026-11-27');
    expect(parseStatementDate('11/27/2026', 'mdy')).toBe('2026-11-27');
    expect(parseStatementDate('2026-11-27 09:12:44', 'ymd')).toBe('2026-11-27');
    expect(parseStatementDate('2026-11-27', 'dmy')).toBe('2026-11-27');
    expect(parseStatementDate('31/02/2026', 'dmy')).toBeNull();
    expect(parseStatementDate('11/27/2026', 'dmy')).toBeNull();
    expect(parseStatementDate('Opening Balance', 'dmy')).toBeNull();
  });

  it('reads Indian amounts, Cr and Dr, negatives and parentheses', () => {
    expect(parseStatementAmount('1,23,456.00', 'INR')).toBe(12_345_600);
    expect(parseStatementAmount('₹ 499', 'INR')).toBe(49_900);
    expect(parseStatementAmount('1,180.00 Cr', 'INR')).toBe(118_000);
    expect(parseStatementAmount('6,500.00 Dr', 'INR')).toBe(-650_000);
    expect(parseStatementAmount('-500.00', 'INR')).toBe(-50_000);
    expect(parseStatementAmount('(2,000.50)', 'INR')).toBe(-200_050);
    expect(parseStatementAmount('', 'INR')).toBeNull();
    expect(() => parseStatementAmount('12,34,5', 'INR')).toThrow();
    expect(() => parseStatementAmount('five hundred', 'INR')).toThrow();
  });

  it('skips the letterhead, reads separate deposit and withdrawal columns, and lists bad rows with their lines', async () => {
    const { app } = await office();
    const text = [
      'HDFC BANK Ltd.,,,,,',
      'Account No : 50200012345678,,,,,',
      ',,,,,',
      'Date,Narration,Chq./Ref.No.,Withdrawal Amt.,Deposit Amt.,Closing Balance',
      '01/11/26,UPI-RAHUL-630512345680-WIFI,0000630512345680,,"1,23,456.00","2,45,499.00"',
      '02/11/26,POS RELIANCE DIGITAL,0000000000000000,"12,499.00",,"2,33,000.00"',
      '31/02/26,BAD DATE,,,500.00,',
      '03/11/26,BAD AMOUNT,,,"12,34,5",',
      '04/11/26,BOTH,,10.00,20.00,',
      '05-Nov-2026,"NEFT CR-SBIN426306123456-SUNITA, WD 17",SBIN426306123456,,"1,180.00",',
      ',,,,,',
      'STATEMENT SUMMARY :-,,,,,',
      'Opening Balance,Dr Count,Cr Count,Debits,Credits,Closing Bal',
    ].join('\n');
    const p = await preview(app, text, {
      date: 'Date',
      credit: 'Deposit Amt.',
      debit: 'Withdrawal Amt.',
      reference: 'Chq./Ref.No.',
      narration: 'Narration',
      skipLines: 3,
    });
    expect(p.rows.map((r) => [r.line, r.on, r.amount, r.state, r.reference])).toEqual([
      [5, '2026-11-01', 12_345_600, 'new', '630512345680'],
      [6, '2026-11-02', -1_249_900, 'debit', ''],
      [10, '2026-11-05', 118_000, 'new', 'SBIN426306123456'],
    ]);
    expect(p.rows[2]!.narration).toBe('NEFT CR-SBIN426306123456-SUNITA, WD 17');
    expect(p.problems.map((x) => x.line)).toEqual([7, 8, 9, 12]);
    expect(p.problems[0]!.message).toContain('31/02/26');
    expect(p.problems[1]!.message).toContain('12,34,5');
    expect(p.problems[3]!.message).toContain('Lines 12–13');
    expect(p.counts).toMatchObject({ credits: 2, debits: 1 });
  });

  it('one signed amount column with Cr and Dr, and the UPI id taken from the narration', async () => {
    const { app } = await office();
    const text = [
      'Transaction Date,Transaction Remarks,Amount (INR)',
      '01/11/2026,UPI/630512345690/Payment/9845099999@ybl/RAHUL,499.00 Cr',
      '03/11/2026,BIL/INFT/EDC0312345/Tower rent,"6,500.00 Dr"',
      '04/11/2026,MMT/IMPS/630812345691/PRIYA,-20',
    ].join('\n');
    const p = await preview(app, text, {
      date: 'Transaction Date',
      amount: 'Amount (INR)',
      narration: 'Transaction Remarks',
    });
    expect(p.rows.map((r) => [r.amount, r.state, r.reference])).toEqual([
      [49_900, 'new', '630512345690'],
      [-650_000, 'debit', ''],
      [-2_000, 'debit', '630812345691'],
    ]);
  });

  it('the sample statements in resources/ read with the mappings their README gives', async () => {
    const { app } = await office();
    const dir = join(__dirname, '../../../resources/statements');
    const samples: [string, StatementMapping, number, number][] = [
      [
        'sbi.csv',
        {
          date: 'Txn Date',
          credit: 'Credit',
          debit: 'Debit',
          reference: 'Ref No./Cheque No.',
          narration: 'Description',
        },
        11,
        4,
      ],
      [
        'hdfc.csv',
        {
          date: 'Date',
          credit: 'Deposit Amt.',
          debit: 'Withdrawal Amt.',
          reference: 'Chq./Ref.No.',
          narration: 'Narration',
          skipLines: 5,
        },
        12,
        2,
      ],
      [
        'icici.csv',
        {
          date: 'Transaction Date',
          amount: 'Amount (INR)',
          reference: 'Cheque Number',
          narration: 'Transaction Remarks',
        },
        10,
        2,
      ],
      [
        'razorpay-settlements.csv',
        {
          date: 'created_at',
          dateFormat: 'ymd',
          amount: 'amount',
          reference: 'entity_id',
          narration: 'description',
          payer: 'contact',
          method: 'gateway',
        },
        9,
        1,
      ],
    ];
    app.setToday('2026-11-27');
    for (const [name, mapping, credits, debits] of samples) {
      const p = await preview(app, readFileSync(join(dir, name)), mapping);
      expect({ name, credits: p.counts.credits, debits: p.counts.debits }).toEqual({ name, credits, debits });
      expect(
        p.problems.filter((x) => !x.message.includes('not statement rows')),
        name,
      ).toEqual([]);
      expect(p.rows.every((r) => r.on >= '2026-11-01' && r.on <= '2026-11-24')).toBe(true);
    }
  });
});

describe('matching credits', () => {
  it('by invoice number, account number, phone and a unique amount, first hit wins; the rest unmatched', async () => {
    const { app, c } = await office();
    const [c1, c2, c3, c4] = c;
    const loose = c1!.accountNo.replace('-', ''); // "WD000001": banks drop the dash
    const p = await preview(
      app,
      lines(
        `02/11/2026,UPI/630612345671/Payment for ${c2!.invoice} from ${c1!.accountNo}/x@ybl,,,500.00,`,
        `03/11/2026,NEFT-SBIN426306123456-RAHUL-${loose},,,500.00,`,
        `04/11/2026,IMPS/P2A/631012345673/wifi,,,500.00,+91 98450 33333`,
        `05/11/2026,UPI/631112345674/monthly,,,777.00,`,
        `06/11/2026,Cash deposit at branch,,,500.00,`,
        `07/11/2026,ATM WDL,,"1,000.00",,`,
      ),
    );
    const summary = p.rows.map((r) => [r.state, r.match?.reason ?? null, r.match?.customerId ?? null]);
    expect(summary).toEqual([
      ['new', 'invoice_number', c2!.id],
      ['new', 'account_number', c1!.id],
      ['new', 'phone', c3!.id],
      ['new', 'amount', c4!.id],
      ['new', null, null],
      ['debit', null, null],
    ]);
    expect(p.rows[0]!.match).toMatchObject({ invoiceIds: [c2!.invoiceId], why: `${c2!.invoice} in the narration` });
    expect(p.rows[1]!.match!.why).toBe(`${c1!.accountNo} in the narration`);
    expect(p.rows[2]!.match!.why).toBe('Phone 9845033333 in the payer');
    expect(p.rows[3]!.match).toMatchObject({ invoiceIds: [c4!.invoiceId], accountNo: c4!.accountNo });
    expect(p.rows[3]!.match!.why).toContain(c4!.invoice);
    expect(p.counts).toEqual({ credits: 5, matched: 4, unmatched: 1, alreadyIn: 0, debits: 1 });
  });

  it('by a UPI id an earlier import recorded for the customer (reason "reference")', async () => {
    const { app, c } = await office();
    const first = await preview(app, lines(`02/11/2026,UPI/630612345671/sunita.d@okaxis/${c[1]!.accountNo},,,200.00,`));
    await call(app, 'payments.importCommit', {
      file: file(lines(`02/11/2026,UPI/630612345671/sunita.d@okaxis/${c[1]!.accountNo},,,200.00,`)),
      mapping: MAPPING,
      decisions: decide(first),
    });
    const next = await preview(app, lines(`12/11/2026,UPI/631612345672/SUNITA.D@okaxis/wifi bill,,,300.00,`));
    expect(next.rows[0]!.match).toMatchObject({ reason: 'reference', customerId: c[1]!.id });
    expect(next.rows[0]!.match!.why).toContain('SUNITA.D@okaxis');
  });
});

describe('recording a statement', () => {
  it('records the confirmed credits with receipts, and the same file again records nothing', async () => {
    const { app, c } = await office();
    const text = lines(
      `02/11/2026,UPI/630612345671/${c[1]!.invoice},,,500.00,`,
      `03/11/2026,NEFT-SBIN426306123456-${c[0]!.accountNo},,,300.00,`,
      `03/11/2026,NEFT-SBIN426306123456-${c[0]!.accountNo},,,300.00,`,
      `06/11/2026,Cash deposit at branch,,,500.00,`,
      `07/11/2026,ATM WDL,,"1,000.00",,`,
    );
    const p = await preview(app, text);
    // Two identical rows are two credits, with two keys.
    expect(new Set(p.rows.map((r) => r.key)).size).toBe(5);
    const decisions = decide(p);
    const result = await call(app, 'payments.importCommit', {
      file: file(text),
      mapping: MAPPING,
      saveAs: 'Test Bank',
      decisions,
    });
    expect(result).toMatchObject({
      recorded: 3,
      ignored: 1,
      alreadyIn: 0,
      total: 110_000,
      firstReceipt: 'RCPT/26-27/00001',
      lastReceipt: 'RCPT/26-27/00003',
    });
    expect(invoiceStates(app, c[1]!.id)).toEqual([{ status: 'paid', paid: 50_000 }]);
    expect(invoiceStates(app, c[0]!.id)).toEqual([{ status: 'paid', paid: 50_000 }]);
    expect(await call(app, 'payments.counter', { customerId: c[0]!.id })).toMatchObject({
      balance: -10_000,
      credit: 10_000,
    });
    const payments = app.db.sqlite
      .prepare(`SELECT received_on, method, reference, source, note FROM payments ORDER BY id`)
      .all() as { received_on: string; method: string; reference: string; source: string; note: string }[];
    expect(payments.map((x) => [x.received_on, x.method, x.source])).toEqual([
      ['2026-11-02', 'bank', 'import'],
      ['2026-11-03', 'bank', 'import'],
      ['2026-11-03', 'bank', 'import'],
    ]);
    // The UPI id from the narration; the repeated NEFT UTR once, then a reference made from the row.
    expect(payments[0]!.reference).toBe('630612345671');
    expect(payments[1]!.reference).toBe('SBIN426306123456');
    expect(payments[2]!.reference).toMatch(/^STMT-[0-9A-F]{24}$/);
    expect(payments[0]!.note).toContain(c[1]!.invoice);
    expect(count(app, `SELECT count(*) FROM statement_rows`)).toBe(4);
    expect(await call(app, 'payments.statementSources', {})).toMatchObject([
      { name: 'Test Bank', mapping: { date: 'Date', credit: 'Credit', method: 'bank', skipLines: 0 } },
    ]);

    // The same file again: every row already in, nothing recorded twice.
    const again = await preview(app, text);
    expect(again.rows.map((r) => r.state)).toEqual([
      'already_imported',
      'already_imported',
      'already_imported',
      'already_imported',
      'debit',
    ]);
    const before = count(app, `SELECT count(*) FROM payments`);
    const rerun = await call(app, 'payments.importCommit', { file: file(text), mapping: MAPPING, decisions });
    expect(rerun).toMatchObject({ recorded: 0, ignored: 0, alreadyIn: 4, firstReceipt: null });
    expect(count(app, `SELECT count(*) FROM payments`)).toBe(before);
  });

  it('an overlapping file records only its new rows', async () => {
    const { app, c } = await office();
    const rows = [
      `02/11/2026,UPI/630612345671/${c[0]!.accountNo},,,100.00,`,
      `03/11/2026,UPI/630712345672/${c[1]!.accountNo},,,200.00,`,
      `04/11/2026,UPI/630812345673/${c[2]!.accountNo},,,300.00,`,
      `05/11/2026,UPI/630912345674/${c[3]!.accountNo},,,400.00,`,
    ];
    const first = lines(...rows.slice(0, 3));
    await call(app, 'payments.importCommit', {
      file: file(first),
      mapping: MAPPING,
      decisions: decide(await preview(app, first)),
    });
    // The next month's download starts two days back, with a different letterhead of sorts.
    const second = `Statement 03/11/2026 to 05/11/2026\r\n${lines(...rows.slice(1))}`;
    const mapping = { ...MAPPING, skipLines: 1 };
    const p = await preview(app, second, mapping);
    expect(p.rows.map((r) => r.state)).toEqual(['already_imported', 'already_imported', 'new']);
    const result = await call(app, 'payments.importCommit', {
      file: file(second),
      mapping,
      decisions: p.rows.map((r) => ({ action: 'record' as const, key: r.key, customerId: c[3]!.id })),
    });
    expect(result).toMatchObject({ recorded: 1, alreadyIn: 2, total: 40_000, firstReceipt: 'RCPT/26-27/00004' });
    expect(count(app, `SELECT count(*) FROM payments`)).toBe(4);
  });

  it('a UPI id already taken at the counter shows as already recorded, and is linked, not recorded again', async () => {
    const { app, c } = await office();
    const counter = await call(app, 'payments.record', {
      customerId: c[0]!.id,
      amount: 50_000,
      method: 'upi',
      reference: '631012345673',
    });
    const text = lines(`04/11/2026,UPI/631012345673/RAHUL/wifi,,,500.00,`);
    const p = await preview(app, text);
    expect(p.rows[0]).toMatchObject({ state: 'already_recorded', reference: '631012345673', match: null });
    expect(p.counts).toMatchObject({ credits: 1, alreadyIn: 1, matched: 0 });
    const result = await call(app, 'payments.importCommit', {
      file: file(text),
      mapping: MAPPING,
      decisions: [{ action: 'record', key: p.rows[0]!.key, customerId: c[0]!.id }],
    });
    expect(result).toMatchObject({ recorded: 0, alreadyIn: 1 });
    expect(count(app, `SELECT count(*) FROM payments`)).toBe(1);
    expect(count(app, `SELECT payment_id FROM statement_rows`)).toBe(counter.id);
  });

  it('a row dated in a closed day or after today is refused naming its line, and nothing is written', async () => {
    const { app, c } = await office();
    const text = lines(
      `02/11/2026,UPI/630612345671/${c[0]!.accountNo},,,100.00,`,
      `03/11/2026,UPI/630712345672/${c[1]!.accountNo},,,200.00,`,
      `25/11/2026,UPI/632912345673/${c[2]!.accountNo},,,300.00,`,
    );
    const early = await preview(app, text);
    expect(early.rows.map((r) => r.line)).toEqual([2, 3]);
    expect(early.problems.map((x) => x.line)).toEqual([4]);
    expect(early.problems[0]!.message).toContain('after today');

    await call(app, 'payments.closeDay', { day: '2026-11-03', openingFloat: 0, counted: 0 });
    const p = await preview(app, text);
    expect(p.rows.map((r) => r.line)).toEqual([2]);
    expect(p.problems.map((x) => x.line)).toEqual([3, 4]);
    expect(p.problems[0]!.message).toContain('closed in the day book');

    // Decided on before the day was closed: the commit refuses the whole file, naming the line.
    const before = databaseChecksum(app.db.sqlite, { except: ['jobs'] });
    const e = await refused(app, 'payments.importCommit', {
      file: file(text),
      mapping: MAPPING,
      saveAs: 'Never saved',
      decisions: decide(early),
    });
    expect(e.code).toBe('validation');
    expect(e.message).toMatch(/^Line 3: 2026-11-03 is closed in the day book/);
    expect(databaseChecksum(app.db.sqlite, { except: ['jobs'] })).toBe(before);
  });

  it('invoices picked by hand are paid first, then the oldest others; a debit cannot be recorded', async () => {
    const { app, c } = await office();
    // A second invoice for the first customer (December), to pick ahead of November's.
    app.setToday('2026-12-01');
    await call(app, 'billing.run', { asOf: '2026-12-01', scope: { kind: 'customer', customerId: c[0]!.id } });
    const [, dec] = app.db.sqlite
      .prepare(`SELECT id FROM invoices WHERE customer_id = ? AND kind = 'invoice' ORDER BY id`)
      .pluck()
      .all(c[0]!.id) as number[];
    const text = lines(`20/11/2026,Paid by hand,,,700.00,`, `21/11/2026,ATM,,100.00,,`);
    const p = await preview(app, text);
    await call(app, 'payments.importCommit', {
      file: file(text),
      mapping: MAPPING,
      decisions: [{ action: 'record', key: p.rows[0]!.key, customerId: c[0]!.id, invoiceIds: [dec!] }],
    });
    expect(invoiceStates(app, c[0]!.id)).toEqual([
      { status: 'partly_paid', paid: 20_000 },
      { status: 'paid', paid: 50_000 },
    ]);
    const e = await refused(app, 'payments.importCommit', {
      file: file(text),
      mapping: MAPPING,
      decisions: [{ action: 'record', key: p.rows[1]!.key, customerId: c[0]!.id }],
    });
    expect(e.message).toContain('Line 3 is a debit');
  });
});

describe('bad statement files', () => {
  it('UTF-16 with its BOM and Windows-1252 read right', async () => {
    const { app } = await office();
    const text = lines(`02/11/2026,UPI/630612345671/José Café ₹,,,500.00,`);
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    const be = Buffer.from(le);
    be.swap16();
    for (const bytes of [le, be]) {
      const p = await preview(app, bytes);
      expect(p.rows.map((r) => [r.amount, r.narration])).toEqual([[50_000, 'UPI/630612345671/José Café ₹']]);
    }
    const cp1252 = Buffer.from(lines(`02/11/2026,UPI/630612345671/Jos\u00e9 Caf\u00e9,,,500.00,`), 'latin1');
    expect((await preview(app, cp1252)).rows[0]!.narration).toBe('UPI/630612345671/José Café');
  });

  it('binary, empty, a workbook, missing columns and 10 MB of junk are refused, and nothing is written', async () => {
    const { app } = await office();
    const before = databaseChecksum(app.db.sqlite, { except: ['jobs'] });
    let seed = 42;
    const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) % 256;
    const binary = Uint8Array.from({ length: 4096 }, random);
    const junk10mb = Buffer.alloc(10 * 1024 * 1024 - 16, 'x7$Lq;9 ');
    const cases: [string | Uint8Array, RegExp][] = [
      [binary, /not a text statement/],
      ['', /empty/],
      ['\uFEFF  \r\n', /empty/],
      [Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.from(binary)]), /Excel workbook/],
      ['Txn Date,Description,Amount\r\n01/11/2026,UPI,500.00\r\n', /"Date" \(the date\), "Credit" \(the credit\)/],
      [junk10mb, /no column/],
      [Buffer.alloc(10 * 1024 * 1024 - 16, 'ab,cd\n'), /no column/],
    ];
    for (const [bytes, message] of cases) {
      for (const channel of ['payments.importPreview', 'payments.importCommit'] as const) {
        const t = performance.now();
        const input = { file: file(bytes), mapping: MAPPING };
        const e = await refused(
          app,
          channel,
          channel === 'payments.importCommit' ? { ...input, decisions: [] } : input,
        );
        expect(e.code).toBe('validation');
        expect(e.message).toMatch(message);
        // Linear work on 10 MB at most: well under a second on an idle machine, more on a busy one.
        expect(performance.now() - t).toBeLessThan(5_000);
      }
    }
    const missing = await refused(app, 'payments.importPreview', {
      file: file('Txn Date,Description,Amount\r\n01/11/2026,UPI,500.00\r\n'),
      mapping: MAPPING,
    });
    expect(missing.message).toContain('"Txn Date", "Description", "Amount"');
    expect(missing.details).toMatchObject({
      missing: ['Date', 'Credit', 'Debit', 'Ref', 'Narration', 'Payer'],
      headers: ['Txn Date', 'Description', 'Amount'],
    });
    expect(databaseChecksum(app.db.sqlite, { except: ['jobs'] })).toBe(before);
  });

  it('a saved source is used by id, and saving under the same name in another case updates it', async () => {
    const { app } = await office();
    const text = lines(`02/11/2026,UPI/630612345671/x,,,500.00,`);
    await call(app, 'payments.importCommit', { file: file(text), mapping: MAPPING, saveAs: 'SBI', decisions: [] });
    await call(app, 'payments.importCommit', {
      file: file(text),
      mapping: { ...MAPPING, method: 'upi' },
      saveAs: 'sbi',
      decisions: [],
    });
    const sources = await call(app, 'payments.statementSources', {});
    expect(sources.map((s) => [s.name, s.mapping.method])).toEqual([['sbi', 'upi']]);
    const p = await call(app, 'payments.importPreview', { file: file(text), sourceId: sources[0]!.id });
    expect(p.rows).toHaveLength(1);
    expect((await refused(app, 'payments.importPreview', { file: file(text) })).code).toBe('validation');
  });
});
