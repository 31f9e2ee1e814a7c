// npm run bench [-- --json]: seeds a temporary database with 50,000 customers and measures
// the paths an operator feels: seeding, as-you-type search, and paging the customer list.
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp, DATABASE_FILE } from '../../src-main/app';
import { DEMO_PLANS, demoCustomers, seededRandom } from '../../src-main/demo/demoIsp';
import { benchBilling } from './billing';
import { benchPayments } from './payments';
import { benchStatementImport } from './statementImport';
import { CUSTOMER_SORT_COLUMNS, SettingsInput, type CustomerStatusFilter } from '../../src-shared/contract';

const CUSTOMERS = 50_000;
const QUERIES = 200;
const json = process.argv.includes('--json');
/** `--only=payments` runs that part alone (its own 50,000-customer office). */
const only = process.argv.find((a) => a.startsWith('--only='))?.slice('--only='.length) ?? null;

function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}
const round = (n: number) => Math.round(n * 100) / 100;

async function main(): Promise<void> {
  if (only === 'payments') {
    const figures = await benchPayments();
    if (json) console.log(JSON.stringify(figures));
    else console.table(figures);
    return;
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'wispdesk-bench-'));
  const app = createApp({ dataDir, host: 'browser' });
  try {
    const random = seededRandom(7);
    app.services.settings.save(SettingsInput.parse({ companyName: 'Bench ISP' }));
    const planIds = DEMO_PLANS.map((p) => app.services.plans.create(p).id);
    const inputs = demoCustomers(CUSTOMERS, planIds, random);

    const heapBefore = process.memoryUsage().heapUsed;
    const seedStart = performance.now();
    app.services.customers.createMany(inputs);
    const seed50kCustomersMs = performance.now() - seedStart;

    // Queries an operator types, built from real rows: name fragments, phone digits from the
    // middle, account numbers, PPPoE usernames, IP prefixes.
    const sample = app.db.sqlite
      .prepare('SELECT name, phones, account_no, pppoe_username, static_ip FROM customers ORDER BY random() LIMIT ?')
      .all(QUERIES) as {
      name: string;
      phones: string;
      account_no: string;
      pppoe_username: string | null;
      static_ip: string | null;
    }[];
    const queries = sample.map((c, i) => {
      const digits = (JSON.parse(c.phones) as string[])[0]!.replace(/\D/g, '');
      switch (i % 5) {
        case 0: {
          const at = Math.floor(random() * Math.max(1, c.name.length - 4));
          return c.name.slice(at, at + 3 + (i % 3));
        }
        case 1:
          return digits.slice(4, 9);
        case 2:
          return i % 2 ? c.account_no : c.account_no.slice(-4);
        case 3:
          return (c.pppoe_username ?? c.name).slice(0, 4 + (i % 6));
        default:
          return c.static_ip ? c.static_ip.split('.').slice(0, 3).join('.') : `10.1${i % 3}.${i % 200}`;
      }
    });
    const searchTimes: number[] = [];
    let hits = 0;
    for (const query of queries) {
      const t = performance.now();
      const result = await app.registry.invoke('customers.search', { query, limit: 10 });
      searchTimes.push(performance.now() - t);
      if (!result.ok) throw new Error(`search "${query}" failed: ${result.error.message}`);
      if ((result.value as unknown[]).length > 0) hits++;
    }

    const statuses: CustomerStatusFilter[] = ['current', 'all', 'active', 'suspended'];
    const pageTimes: number[] = [];
    for (let i = 0; i < QUERIES; i++) {
      const status = statuses[i % statuses.length]!;
      const column = CUSTOMER_SORT_COLUMNS[i % CUSTOMER_SORT_COLUMNS.length]!;
      // A third of the requests go to the deepest pages.
      const page = i % 3 === 0 ? Math.floor(CUSTOMERS / 50) - (i % 7) : 1 + Math.floor(random() * 200);
      const t = performance.now();
      const result = await app.registry.invoke('customers.list', {
        status,
        sort: { column, direction: i % 2 ? 'desc' : 'asc' },
        page: Math.max(1, page),
        pageSize: 50,
        query: i % 10 === 9 ? 'kumar' : '',
        planId: i % 11 === 10 ? planIds[0]! : null,
      });
      pageTimes.push(performance.now() - t);
      if (!result.ok) throw new Error(`list failed: ${result.error.message}`);
    }

    const billing = await benchBilling(app, planIds);
    // A 10,000-row bank statement read and matched against the 50,000 and their invoices.
    const statementImport = await benchStatementImport(app);

    // A 5,000-row spreadsheet imported into the 50,000: preview (every row checked), then commit.
    const header = 'name,phone,email,address,pppoe_username,pppoe_password,plan';
    const sheet = demoCustomers(5_000, [], seededRandom(11)).map((c, i) =>
      [c.name, c.phones[0], c.email ?? '', `"${c.address}"`, `import.${i}`, 'pw12345', DEMO_PLANS[i % 10]!.name].join(
        ',',
      ),
    );
    const csv = [header, ...sheet].join('\n');
    const previewStart = performance.now();
    const preview = await app.registry.invoke('customers.importPreview', { csv });
    const import5kPreviewMs = performance.now() - previewStart;
    if (!preview.ok) throw new Error(`import preview failed: ${preview.error.message}`);
    const commitStart = performance.now();
    const commit = await app.registry.invoke('customers.importCommit', {
      csv,
      mapping: (preview.value as { mapping: Record<string, number | null> }).mapping,
    });
    const import5kCommitMs = performance.now() - commitStart;
    if (!commit.ok) throw new Error(`import failed: ${commit.error.message}`);

    app.db.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    const dbBytes = statSync(join(dataDir, DATABASE_FILE)).size;
    const result = {
      customers: CUSTOMERS,
      seed50kCustomersMs: round(seed50kCustomersMs),
      searchP50Ms: round(percentile(searchTimes, 50)),
      searchP95Ms: round(percentile(searchTimes, 95)),
      searchQueriesWithHits: hits,
      customerPageP50Ms: round(percentile(pageTimes, 50)),
      customerPageP95Ms: round(percentile(pageTimes, 95)),
      import5kPreviewMs: round(import5kPreviewMs),
      import5kCommitMs: round(import5kCommitMs),
      ...billing,
      ...statementImport,
      dbBytesPer1kCustomers: Math.round(dbBytes / ((CUSTOMERS + 5_000) / 1000)),
      heapGrowthDuringSeedMb: round((process.memoryUsage().heapUsed - heapBefore) / 1024 / 1024),
      rssMb: round(process.memoryUsage().rss / 1024 / 1024),
      // Printed invoices (tax invoice PDFs): measured in a child process of their own (see below).
      ...(await invoicePdfFigures()),
      // Payments: an office of its own with three years of invoices and payments (./payments.ts).
      ...(await benchPayments()),
    };
    if (json) console.log(JSON.stringify(result));
    else console.table(result);
  } finally {
    app.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

// Printed invoices: one full invoice (logo, signature, UPI QR code, three lines) at a time, and a
// billing run's 1,000 into one PDF for the printer. A child process of its own, so the peak RSS
// is the batch's and not the 50,000 customers'. The child is a script written to a temp folder
// (the bench stays one file) that imports the renderer from this checkout.
async function invoicePdfFigures(): Promise<{
  invoicePdfMs: number;
  invoiceBatch1000Ms: number;
  invoiceBatch1000PeakRssMb: number;
}> {
  const { execFileSync } = await import('node:child_process');
  const { writeFileSync } = await import('node:fs');
  const root = join(__dirname, '..', '..');
  const pdf = join(root, 'src-main', 'billing', 'pdf');
  const dir = mkdtempSync(join(tmpdir(), 'wispdesk-bench-pdf-'));
  try {
    const script = join(dir, 'invoicePdf.ts');
    writeFileSync(
      script,
      `import { documentsPdf } from ${JSON.stringify(join(pdf, 'renderDocuments'))};
import { qrPng } from ${JSON.stringify(join(pdf, 'qrImage'))};
import { sampleDocument } from ${JSON.stringify(join(pdf, 'sampleDocument'))};
const lines = [
  { description: 'Home Fiber 100 Mbps - monthly plan', rate: 99_900 },
  { description: 'Static public IP address (add-on)', rate: 20_000 },
  { description: 'Router rental', rate: 5_000 },
];
const image = qrPng('a stand-in logo and signature');
const source = () => image;
const full = (n: number) =>
  sampleDocument({ lines, number: 'INV/26-27/' + String(n).padStart(5, '0'), logoSha256: 'logo', signatureSha256: 'sign' });
(async () => {
  const times: number[] = [];
  for (let i = 0; i < 35; i++) {
    const t = performance.now();
    await documentsPdf([full(i + 1)], source);
    if (i >= 5) times.push(performance.now() - t); // the first few warm the JIT and load the fonts
  }
  times.sort((a, b) => a - b);
  const docs = Array.from({ length: 1000 }, (_, i) => full(i + 1));
  const t = performance.now();
  const batch = await documentsPdf(docs, source);
  const batchMs = performance.now() - t;
  if (batch.length < 1000 * 1000) throw new Error('the batch PDF is too small: ' + batch.length);
  console.log(JSON.stringify({ single: times[Math.floor(times.length / 2)], batchMs, maxRssKb: process.resourceUsage().maxRSS }));
})();
`,
    );
    const out = execFileSync(process.execPath, [join(root, 'node_modules', 'vite-node', 'dist', 'cli.mjs'), script], {
      cwd: root,
      encoding: 'utf8',
    });
    const figures = JSON.parse(out.trim().split('\n').pop()!) as { single: number; batchMs: number; maxRssKb: number };
    return {
      invoicePdfMs: round(figures.single),
      invoiceBatch1000Ms: round(figures.batchMs),
      invoiceBatch1000PeakRssMb: round(figures.maxRssKb / 1024),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
