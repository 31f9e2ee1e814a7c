import { z } from 'zod';
import { Empty, type Channels } from './common';

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
} satisfies Channels;
