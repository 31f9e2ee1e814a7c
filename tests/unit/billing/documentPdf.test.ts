// Printed invoices and credit notes, read back the way a customer reads them: the PDF is written
// to a file and turned into text by poppler's pdftotext (apt-get install poppler-utils).
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { documentPdf, printBatch } from '../../../src-main/billing/documents';
import { percentText, showsUpiQr, upiLink } from '../../../src-main/billing/pdf/documentText';
import { renderPdf } from '../../../src-main/billing/pdf/printer';
import { qrMatrix, qrPng } from '../../../src-main/billing/pdf/qrImage';
import { documentFilename, documentsPdf } from '../../../src-main/billing/pdf/renderDocuments';
import { sampleDocument } from '../../../src-main/billing/pdf/sampleDocument';
import type { IssuedDocument } from '../../../src-shared/contract';
import { freshApp, onCleanup, tempDir } from '../helpers';
import { pngFile } from '../pngFile';

/** Writes the PDF to a real file and returns its text as laid out on the page. */
function pdfText(pdf: Buffer): string {
  const file = join(tempDir('wispdesk-pdf-'), 'document.pdf');
  writeFileSync(file, pdf);
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
}

function pdfTool(tool: 'pdfinfo' | 'pdfimages' | 'pdffonts', pdf: Buffer, ...args: string[]): string {
  const file = join(tempDir('wispdesk-pdf-'), 'document.pdf');
  writeFileSync(file, pdf);
  return execFileSync(tool, [...args, file], { encoding: 'utf8' });
}

const pageCount = (pdf: Buffer) => Number(/Pages:\s+(\d+)/.exec(pdfTool('pdfinfo', pdf))?.[1]);
/** Text with runs of spaces made one, so a value can be found beside its label. */
const squeeze = (text: string) => text.replace(/[ \t]+/g, ' ');

/** A 24×12 two-colour block: the logo and the signature. */
const tinyPng = () => pngFile(24, 12, (x) => (x < 12 ? [32, 64, 160] : [240, 160, 32]));

describe('a GST tax invoice within the state (CGST + SGST)', () => {
  const doc = sampleDocument();

  it('prints what the customer checks: number, dates, lines, taxes, total, words, reverse charge, UPI', async () => {
    const text = pdfText(await documentsPdf([doc]));
    const flat = squeeze(text);
    expect(flat).toContain('TAX INVOICE');
    expect(flat).toMatch(/Invoice no\. INV\/26-27\/00042/);
    expect(flat).toMatch(/Invoice date 1 Nov 2026/);
    expect(flat).toMatch(/Due date 15 Nov 2026/);
    expect(flat).toMatch(/Service period 1 Nov 2026 – 30 Nov 2026/);
    expect(flat).toContain('Skyline Wireless Networks');
    expect(flat).toMatch(/GSTIN: 29ABCDE1234F1Z5/);
    expect(flat).toMatch(/Place of supply: Karnataka \(29\)/);
    expect(flat).toMatch(/Account no\.: C-00107/);
    // Each line: description, SAC, taxable value, 9% + 9%, the line's total.
    expect(flat).toMatch(/1 Home Fiber 100 Mbps – .*998422 1 999\.00 999\.00 9% 89\.91 9% 89\.91 1,178\.82/);
    expect(flat).toMatch(/2 Static public IP address .*998422 1 200\.00 200\.00 9% 18\.00 9% 18\.00 236\.00/);
    expect(flat).toMatch(/Taxable value ₹1,199\.00/);
    expect(flat).toMatch(/CGST ₹107\.91/);
    expect(flat).toMatch(/SGST ₹107\.91/);
    expect(flat).not.toContain('IGST');
    expect(flat).toMatch(/Round off \+₹0\.18/);
    expect(flat).toMatch(/Total ₹1,415\.00/);
    expect(flat).toMatch(/Previous balance ₹500\.00/);
    expect(flat).toMatch(/Amount due ₹1,915\.00/);
    expect(flat).toContain('One Thousand Four Hundred Fifteen Rupees Only');
    expect(flat).toMatch(/Tax payable on reverse charge:? No/);
    expect(flat).toContain('Scan to pay with any UPI app');
    expect(flat).toContain('UPI: skyline@okicici');
    expect(flat).toContain('For Skyline Wireless Networks');
    expect(flat).toContain('Authorised Signatory');
    expect(flat).toContain('Thank you for choosing Skyline Wireless.');
    expect(flat).toMatch(/Page 1 of 1/);
  });

  it('embeds its font so the rupee sign and the text are real, selectable text', async () => {
    const pdf = await documentsPdf([doc]);
    expect(pdfTool('pdffonts', pdf)).toMatch(/DejaVuSans.*TrueType.*yes/);
    expect(pdfText(pdf)).toContain('₹');
  });

  it('carries the UPI payment link for the amount due, and only when there is something to pay', () => {
    expect(upiLink(doc)).toBe(
      'upi://pay?pa=skyline%40okicici&pn=Skyline%20Wireless%20Networks&am=1915.00&cu=INR&tn=INV%2F26-27%2F00042',
    );
    expect(showsUpiQr(doc)).toBe(true);
    expect(showsUpiQr({ ...doc, amountDue: 0 })).toBe(false);
    expect(showsUpiQr(sampleDocument({ upiId: '' }))).toBe(false);
    expect(showsUpiQr(sampleDocument({ kind: 'credit_note' }))).toBe(false);
  });

  it('leaves the QR code out without a UPI ID', async () => {
    const pdf = await documentsPdf([sampleDocument({ upiId: '' })]);
    expect(pdfTool('pdfimages', pdf, '-list')).not.toMatch(/^\s*1\s+\d+\s+image/m);
    const flat = squeeze(pdfText(pdf));
    expect(flat).not.toContain('Scan to pay');
    expect(flat).toMatch(/Amount due ₹1,915\.00/);
  });

  it('prints the logo and the signature from the images by their hash', async () => {
    const png = tinyPng();
    const withImages = sampleDocument({ logoSha256: 'logo-hash', signatureSha256: 'sign-hash' });
    const pdf = await documentsPdf([withImages], (sha) => (sha === 'logo-hash' || sha === 'sign-hash' ? png : null));
    const images = (found: Buffer) =>
      pdfTool('pdfimages', found, '-list')
        .split('\n')
        .filter((l) => /^\s*1\s+\d+\s+image/.test(l))
        .map((l) => l.trim().split(/\s+/).slice(3, 5).join('x'));
    // The logo and the signature (24×12 each), and the UPI QR code (square).
    expect(images(pdf)).toHaveLength(3);
    expect(images(pdf).filter((size) => size === '24x12')).toHaveLength(2);
    // An image that is gone prints the document without it.
    expect(images(await documentsPdf([withImages], () => null)).filter((size) => size === '24x12')).toHaveLength(0);
  });
});

describe('other tax modes and documents', () => {
  it('an inter-state invoice charges IGST and names the place of supply', async () => {
    const flat = squeeze(pdfText(await documentsPdf([sampleDocument({ intraState: false })])));
    expect(flat).toMatch(/1 Home Fiber .*999\.00 999\.00 18% 179\.82 1,178\.82/);
    expect(flat).toMatch(/IGST ₹215\.82/);
    expect(flat).not.toMatch(/CGST|SGST/);
    expect(flat).toMatch(/Place of supply: Tamil Nadu \(33\)/);
    expect(flat).toMatch(/GSTIN: 33AAACR5055K1ZK/);
    expect(flat).toMatch(/Total ₹1,415\.00/);
  });

  it('VAT mode prints one tax column under its own label', async () => {
    const flat = squeeze(pdfText(await documentsPdf([sampleDocument({ mode: 'vat' })])));
    expect(flat).toContain('TAX INVOICE');
    expect(flat).toMatch(/VAT No\.: 29ABCDE1234F1Z5/);
    expect(flat).toMatch(/1 Home Fiber .*999\.00 999\.00 18% 179\.82 1,178\.82/);
    expect(flat).toMatch(/VAT ₹215\.82/);
    expect(flat).not.toMatch(/CGST|SGST|IGST|reverse charge|Place of supply/);
  });

  it('no tax is a Bill of Supply without tax columns', async () => {
    const doc = sampleDocument({ mode: 'none' });
    const flat = squeeze(pdfText(await documentsPdf([doc])));
    expect(flat).toContain('BILL OF SUPPLY');
    expect(flat).not.toContain('TAX INVOICE');
    expect(flat).toMatch(/Bill no\. INV\/26-27\/00042/);
    expect(flat).toMatch(/Bill date 1 Nov 2026/);
    expect(flat).toMatch(/1 Home Fiber .*998422 1 999\.00 999\.00 999\.00/);
    expect(flat).not.toMatch(/CGST|SGST|IGST|VAT/);
    expect(flat).toMatch(/Total ₹1,199\.00/);
    expect(flat).toContain('One Thousand One Hundred Ninety-Nine Rupees Only');
  });

  it('a credit note names the invoice it reduces and why, and asks for no payment', async () => {
    const doc = sampleDocument({ kind: 'credit_note' });
    const flat = squeeze(pdfText(await documentsPdf([doc])));
    expect(flat).toContain('CREDIT NOTE');
    expect(flat).toMatch(/Credit note no\. CN\/26-27\/00007/);
    expect(flat).toMatch(/Date 27 Nov 2026/);
    expect(flat).toMatch(/Against invoice INV\/26-27\/00042/);
    expect(flat).toMatch(/Invoice date 1 Nov 2026/);
    expect(flat).toMatch(/Reason Service outage 12–14 Nov/);
    expect(flat).toMatch(/CGST ₹107\.91/);
    expect(flat).toMatch(/Total credit ₹1,415\.00/);
    expect(flat).toMatch(/Balance after this credit ₹0\.00/);
    expect(flat).toContain('One Thousand Four Hundred Fifteen Rupees Only');
    expect(flat).not.toMatch(/Scan to pay|Due date|Bank details|reverse charge/);
  });

  it('an invoice lists the credit notes issued against it', async () => {
    const doc: IssuedDocument = {
      ...sampleDocument(),
      creditNotes: [{ id: 9, number: 'CN/26-27/00007', issuedOn: '2026-11-27', total: 20_000, reason: 'Outage' }],
    };
    const flat = squeeze(pdfText(await documentsPdf([doc])));
    expect(flat).toMatch(/CN\/26-27\/00007 of 27 Nov 2026: ₹200\.00 \(Outage\)/);
  });

  it('draws the QR code from the encoder: finder squares in three corners, a quiet zone round it', () => {
    const matrix = qrMatrix(upiLink(sampleDocument()));
    const n = matrix.length;
    expect((n - 17) % 4).toBe(0);
    const finderAt = (top: number, left: number) =>
      [0, 6].every((d) => matrix[top + d]!.slice(left, left + 7).every(Boolean)) &&
      matrix[top + 1]!.slice(left + 1, left + 6).every((m) => !m) &&
      matrix[top + 3]!.slice(left + 2, left + 5).every(Boolean);
    expect(finderAt(0, 0) && finderAt(0, n - 7) && finderAt(n - 7, 0)).toBe(true);
    expect(finderAt(n - 7, n - 7)).toBe(false);
    const png = qrPng(upiLink(sampleDocument()), 2);
    expect(png.readUInt32BE(16)).toBe(n + 4);
  });

  it('rates split exactly into CGST and SGST halves', () => {
    expect(percentText(1800)).toBe('18%');
    expect(percentText(1800, 2)).toBe('9%');
    expect(percentText(500, 2)).toBe('2.5%');
    expect(percentText(1250, 2)).toBe('6.25%');
    expect(percentText(5, 2)).toBe('0.025%');
    expect(percentText(0)).toBe('0%');
  });
});

describe('batches and pages', () => {
  it('a long invoice runs over pages numbered on its own, and the next document starts afresh', async () => {
    const many = Array.from({ length: 45 }, (_, i) => ({
      description: `Hotspot voucher batch ${i + 1}`,
      rate: 1_000 + i,
    }));
    const long = sampleDocument({ lines: many, number: 'INV/26-27/00100' });
    const short = sampleDocument({ number: 'INV/26-27/00101' });
    const pdf = await documentsPdf([long, short]);
    const pages = pdfText(pdf)
      .split('\f')
      .filter((p) => p.trim());
    expect(pages.length).toBeGreaterThanOrEqual(3);
    const last = pages.length - 1;
    // Every page of the long invoice counts only its pages (its totals may move to a page of their own).
    for (let i = 0; i < last; i++) expect(pages[i]).toMatch(`INV/26-27/00100 · Page ${i + 1} of ${last}`);
    expect(pages.slice(1, last).join('')).toContain('Hotspot voucher batch 45');
    // The lines table repeats its header on the next page.
    expect(pages[1]).toMatch(/Description/);
    expect(pages[last]).toMatch(/INV\/26-27\/00101 · Page 1 of 1/);
    expect(pageCount(pdf)).toBe(pages.length);
  });

  it('numbers the pages right when the totals move to a page of their own', async () => {
    // Somewhere in this range the lines end near the foot of page 1 and the unbreakable totals
    // block moves on: its first position still says page 1, the footer must not.
    for (let n = 12; n <= 30; n += 2) {
      const lines = Array.from({ length: n }, (_, i) => ({ description: `Line ${i + 1}`, rate: 1_000 + i }));
      const pages = pdfText(await documentsPdf([sampleDocument({ lines, number: 'INV/26-27/00200' })]))
        .split('\f')
        .filter((p) => p.trim());
      pages.forEach((page, i) => expect(page, `${n} lines`).toContain(`Page ${i + 1} of ${pages.length}`));
    }
  });

  it('keeps a typical invoice of five lines to one page', async () => {
    const five = Array.from({ length: 5 }, (_, i) => ({
      description: `Line ${i + 1}: a description long enough to wrap onto a second line in the table`,
      rate: 10_000 * (i + 1),
    }));
    const doc = sampleDocument({ lines: five, logoSha256: 'logo', signatureSha256: 'sign' });
    const png = tinyPng();
    expect(pageCount(await documentsPdf([doc], () => png))).toBe(1);
  });

  it('names files by document number', () => {
    expect(documentFilename('INV/26-27/00042')).toBe('INV-26-27-00042.pdf');
    expect(documentFilename('CN 26:27\\7', 'zip')).toBe('CN-26-27-7.zip');
  });
});

describe('nothing is fetched or read while printing', () => {
  it('refuses an image by URL, and the server never hears from it', async () => {
    let requests = 0;
    const server = createServer((_req, res) => {
      requests++;
      res.end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    onCleanup(() => new Promise<void>((resolve) => server.close(() => resolve())));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/logo.png`;
    await expect(renderPdf({ content: [{ image: 'logo' }], images: { logo: url } })).rejects.toThrow(/denied/);
    await expect(renderPdf({ content: [{ image: url }] })).rejects.toThrow(/denied/);
    expect(requests).toBe(0);
  });

  it('refuses an image by local file path, alone or through the images list', async () => {
    await expect(renderPdf({ content: [{ image: '/etc/hostname' }] })).rejects.toThrow(/denied/);
    await expect(
      renderPdf({ content: [{ image: 'logo' }], images: { logo: join(__dirname, 'tiny.png') } }),
    ).rejects.toThrow(/denied/);
  });
});

describe('documentPdf and printBatch on the jobs worker', () => {
  /** A real app with its images table; the billing service's document() is given the sample documents. */
  function appWithDocuments(docs: IssuedDocument[]) {
    const app = freshApp();
    const byId = new Map(docs.map((d) => [d.id, d]));
    app.services.billing.document = (id: number) => {
      const doc = byId.get(id);
      if (!doc) throw new Error(`no document ${id}`);
      return doc;
    };
    return app;
  }

  const three = [1, 2, 3].map((n) => ({
    ...sampleDocument({ number: `INV/26-27/0000${n}`, logoSha256: 'a'.repeat(64) }),
    id: n,
  }));

  it('prints one document with the logo from the images table', async () => {
    const app = appWithDocuments(three);
    app.db.sqlite
      .prepare('INSERT INTO images (sha256, mime, bytes, created_at) VALUES (?, ?, ?, ?)')
      .run('a'.repeat(64), 'image/png', tinyPng(), '2026-11-01T00:00:00Z');
    const { filename, base64 } = await documentPdf(app.services, 2);
    expect(filename).toBe('INV-26-27-00002.pdf');
    const pdf = Buffer.from(base64, 'base64');
    expect(squeeze(pdfText(pdf))).toMatch(/Invoice no\. INV\/26-27\/00002/);
    expect(pdfTool('pdfimages', pdf, '-list')).toMatch(/^\s*1\s+\d+\s+image\s+24\s+12/m);
  });

  it('prints chosen documents as one PDF, reporting progress', async () => {
    const app = appWithDocuments(three);
    const progress: [number, number][] = [];
    const result = await printBatch(app.services, { jobId: null, ids: [1, 2, 3], format: 'pdf' }, (d, t) =>
      progress.push([d, t]),
    );
    expect(result.filename).toBe('Invoices-INV-26-27-00001-to-INV-26-27-00003.pdf');
    expect(result.count).toBe(3);
    const pdf = Buffer.from(result.base64, 'base64');
    expect(pageCount(pdf)).toBe(3);
    const pages = pdfText(pdf).split('\f');
    [1, 2, 3].forEach((n, i) => expect(pages[i]).toMatch(new RegExp(`INV/26-27/0000${n} · Page 1 of 1`)));
    expect(progress[0]).toEqual([0, 3]);
    expect(progress.at(-1)).toEqual([3, 3]);
    expect(progress.every(([d], i) => i === 0 || d >= progress[i - 1]![0])).toBe(true);
  });

  it('prints a ZIP of one PDF per document, named by number', async () => {
    const app = appWithDocuments(three);
    const result = await printBatch(app.services, { jobId: null, ids: [3, 1], format: 'zip' }, () => {});
    expect(result.filename).toBe('Invoices-INV-26-27-00003-to-INV-26-27-00001.zip');
    const files = unzipSync(Buffer.from(result.base64, 'base64'));
    expect(Object.keys(files).sort()).toEqual(['INV-26-27-00001.pdf', 'INV-26-27-00003.pdf']);
    expect(squeeze(pdfText(Buffer.from(files['INV-26-27-00003.pdf']!)))).toMatch(/Invoice no\. INV\/26-27\/00003/);
  });

  it('refuses an empty batch', async () => {
    const app = appWithDocuments(three);
    await expect(printBatch(app.services, { jobId: null, ids: [], format: 'pdf' }, () => {})).rejects.toThrow(
      /no documents/,
    );
  });
});
