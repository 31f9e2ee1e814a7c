import { z } from 'zod';
import { Empty, Text, type Channels } from './common';

/** A PDF to show with the system's print dialog and "Save as PDF" (base64, up to 100 MB). */
export const PdfToOpen = z.strictObject({
  filename: Text(120).pipe(z.string().regex(/^[^/\\:*?"<>|]+\.pdf$/, 'must be a file name ending in .pdf')),
  base64: z.string().max(140_000_000),
});

export const AppInfo = z.object({
  name: z.literal('WispDesk'),
  version: z.string(),
  host: z.enum(['electron', 'browser']),
  dataDir: z.string(),
  schemaVersion: z.string(),
});
export type AppInfo = z.infer<typeof AppInfo>;

export const DemoSummary = z.object({ plans: z.number().int(), customers: z.number().int() });

export const appChannels = {
  'app.info': { input: Empty, output: AppInfo },
  /** Fills an empty database with a realistic demo ISP (towers, plans, ~300 customers). */
  'app.loadDemo': { input: Empty, output: DemoSummary },
  /**
   * Desktop: opens the PDF in its own window, with Print (the system dialog) and Save. Browser
   * mode answers opened: false and the page opens the PDF in a new tab itself.
   */
  'app.openPdf': { input: PdfToOpen, output: z.object({ opened: z.boolean() }) },
} satisfies Channels;
