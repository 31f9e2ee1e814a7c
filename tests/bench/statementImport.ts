// Statement import figures: preview and match a 10,000-row bank statement against the seeded
// customers and their invoices (run after the billing figures, which issue the invoices).
import type { App } from '../../src-main/app';
import { seededRandom } from '../../src-main/demo/demoIsp';
import { addDays } from '../../src-shared/dates';
import { toDecimalText } from '../../src-shared/money';

const ROWS = 10_000;

interface Owing {
  accountNo: string;
  phones: string;
  invoice: string | null;
  outstanding: number | null;
}

/** An HDFC-like statement: a letterhead, deposit and withdrawal columns, the ways customers pay. */
export function benchStatement(app: App, rows = ROWS): { text: string; lines: number } {
  const random = seededRandom(10_000);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const customers = app.db.sqlite
    .prepare(
      `SELECT c.account_no AS accountNo, c.phones,
              (SELECT number FROM invoices i WHERE i.customer_id = c.id AND i.kind = 'invoice' ORDER BY i.id DESC LIMIT 1) AS invoice,
              (SELECT total_minor - credited_minor - paid_minor FROM invoices i WHERE i.customer_id = c.id AND i.kind = 'invoice' ORDER BY i.id DESC LIMIT 1) AS outstanding
       FROM customers c WHERE c.status != 'archived' ORDER BY random() LIMIT ?`,
    )
    .all(rows) as Owing[];
  if (customers.length === 0) throw new Error('the statement bench needs customers');
  const today = app.services.settings.today();
  const lines = ['HDFC BANK Ltd.,,,,,,', 'Account No : 50200012345678,,,,,,', ',,,,,,'];
  lines.push('Date,Narration,Chq./Ref.No.,Value Dt,Withdrawal Amt.,Deposit Amt.,Closing Balance');
  for (let i = 0; i < rows; i++) {
    const c = customers[i % customers.length]!;
    const on = addDays(today, -Math.floor(((rows - i) / rows) * 60));
    const date = `${on.slice(8, 10)}/${on.slice(5, 7)}/${on.slice(2, 4)}`;
    const rrn = String(630_000_000_000 + i);
    const amount = c.outstanding && c.outstanding > 0 ? c.outstanding : 49_900;
    const phone = (JSON.parse(c.phones) as string[])[0]?.slice(3) ?? '9800000000';
    const kind = random();
    let narration: string;
    if (kind < 0.05) {
      lines.push(`${date},NEFT DR-ICIC0000456-VENDOR ${i},N${rrn},${date},"15,000.00",,`);
      continue;
    } else if (kind < 0.35 && c.invoice)
      narration = `UPI-${pick(['RAHUL', 'PRIYA', 'AMIT'])}-${phone}@YBL-${rrn}-${c.invoice}`;
    else if (kind < 0.6) narration = `NEFT CR-SBIN0000789-CUSTOMER-${c.accountNo.replace('-', '')} BILL-SBIN4${rrn}`;
    else if (kind < 0.8) narration = `IMPS-${rrn}-CUSTOMER-${phone}-WIFI`;
    else if (kind < 0.9) narration = `UPI-CUSTOMER-PAYER${i}@OKAXIS-${rrn}-MONTHLY`;
    else narration = `CASH DEP BRANCH ${i}`;
    lines.push(`${date},${narration},000${rrn},${date},,"${toDecimalText(amount)}",`);
  }
  return { text: lines.join('\r\n'), lines: lines.length };
}

export async function benchStatementImport(app: App): Promise<Record<string, number>> {
  const { text } = benchStatement(app);
  const file = { filename: 'hdfc-bench.csv', base64: Buffer.from(text).toString('base64') };
  const mapping = {
    date: 'Date',
    credit: 'Deposit Amt.',
    debit: 'Withdrawal Amt.',
    reference: 'Chq./Ref.No.',
    narration: 'Narration',
    skipLines: 3,
  };
  const start = performance.now();
  const preview = await app.registry.invoke('payments.importPreview', { file, mapping });
  const ms = performance.now() - start;
  if (!preview.ok) throw new Error(`statement import preview failed: ${preview.error.message}`);
  const { counts, problems } = preview.value as { counts: { matched: number }; problems: unknown[] };
  if (problems.length > 0) throw new Error(`the bench statement has ${problems.length} problems`);
  return {
    statementImport10kRowsMs: Math.round(ms),
    statementImport10kMatched: counts.matched,
  };
}
