import { z } from 'zod';
import { ById, Id, NonNegativeMoney, RequiredText, Text, Timestamp, type Channels } from './common';

export const BILLING_PERIODS = ['monthly', 'quarterly', 'half_yearly', 'yearly'] as const;
export const BillingPeriod = z.enum(BILLING_PERIODS);
export type BillingPeriod = z.infer<typeof BillingPeriod>;
export const BILLING_PERIOD_MONTHS: Record<BillingPeriod, number> = {
  monthly: 1,
  quarterly: 3,
  half_yearly: 6,
  yearly: 12,
};

export const PlanStatus = z.enum(['active', 'retired']);
export type PlanStatus = z.infer<typeof PlanStatus>;

/** A speed in kbit/s: 8 kbit/s to 100 Gbit/s. */
const Kbps = z.number().int().min(8).max(100_000_000);

export const Burst = z
  .strictObject({
    downloadKbps: Kbps,
    uploadKbps: Kbps,
    thresholdDownloadKbps: Kbps,
    thresholdUploadKbps: Kbps,
    timeSec: z.number().int().min(1).max(3600),
  })
  .superRefine((b, ctx) => {
    // One issue per field at fault, so the form shows each under its input.
    if (b.thresholdDownloadKbps >= b.downloadKbps) {
      ctx.addIssue({ code: 'custom', path: ['thresholdDownloadKbps'], message: 'must be below the burst download' });
    }
    if (b.thresholdUploadKbps >= b.uploadKbps) {
      ctx.addIssue({ code: 'custom', path: ['thresholdUploadKbps'], message: 'must be below the burst upload' });
    }
  });
export type Burst = z.infer<typeof Burst>;

export const PlanInput = z
  .strictObject({
    name: RequiredText(80),
    downloadKbps: Kbps,
    uploadKbps: Kbps,
    burst: Burst.nullable().default(null),
    /** Price per billing period, before tax, in minor units. */
    priceMinor: NonNegativeMoney,
    billingPeriod: BillingPeriod.default('monthly'),
    /** Tax rate in basis points: 1800 is 18%. */
    taxRateBps: z.number().int().min(0).max(10_000).default(1800),
    /** Monthly data cap in GB; null is unlimited. */
    dataCapGb: z.number().int().min(1).max(1_000_000).nullable().default(null),
    /** The PPP profile or queue name on the router; empty uses the plan's speeds. */
    routerosProfile: Text(64)
      .pipe(z.string().regex(/^[A-Za-z0-9 ._-]*$/, 'letters, digits, space, dot, dash, underscore'))
      .default(''),
    description: Text(200).default(''),
  })
  .superRefine((p, ctx) => {
    if (!p.burst) return;
    if (p.burst.downloadKbps <= p.downloadKbps) {
      ctx.addIssue({ code: 'custom', path: ['burst', 'downloadKbps'], message: 'must be above the download speed' });
    }
    if (p.burst.uploadKbps <= p.uploadKbps) {
      ctx.addIssue({ code: 'custom', path: ['burst', 'uploadKbps'], message: 'must be above the upload speed' });
    }
  });
export type PlanInput = z.input<typeof PlanInput>;

export const Plan = z.object({
  id: Id,
  name: z.string(),
  downloadKbps: z.number().int(),
  uploadKbps: z.number().int(),
  burst: z
    .object({
      downloadKbps: z.number().int(),
      uploadKbps: z.number().int(),
      thresholdDownloadKbps: z.number().int(),
      thresholdUploadKbps: z.number().int(),
      timeSec: z.number().int(),
    })
    .nullable(),
  priceMinor: z.number().int(),
  billingPeriod: BillingPeriod,
  taxRateBps: z.number().int(),
  dataCapGb: z.number().int().nullable(),
  routerosProfile: z.string(),
  description: z.string(),
  status: PlanStatus,
  /** Customers on this plan that are not archived. */
  customerCount: z.number().int(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type Plan = z.infer<typeof Plan>;

export const plansChannels = {
  'plans.list': {
    input: z.strictObject({ includeRetired: z.boolean().default(true) }),
    output: z.array(Plan),
  },
  'plans.get': { input: ById, output: Plan },
  'plans.create': { input: PlanInput, output: Plan },
  'plans.update': {
    input: z.strictObject({ id: Id, plan: PlanInput }),
    output: Plan,
  },
  /** Retire (takes no new customers, keeps its own) or bring back a plan. */
  'plans.setStatus': { input: z.strictObject({ id: Id, status: PlanStatus }), output: Plan },
} satisfies Channels;
