import { z } from 'zod';
import { isTimeZone, machineTimeZone } from '../dates';
import { isPhoneCountry } from '../phones';
import { Address, Empty, RequiredText, Text, type Channels } from './common';

const currencies = new Set(Intl.supportedValuesOf('currency'));

export { GSTIN_PATTERN } from '../gstin';

export const SettingsInput = z.strictObject({
  companyName: RequiredText(120),
  address: Address.default(''),
  phone: Text(40).default(''),
  email: z.union([z.literal(''), z.email().max(200)]).default(''),
  /** GSTIN in India; any VAT or tax number elsewhere. Empty when not registered. */
  taxId: Text(20)
    .transform((s) => s.toUpperCase())
    .default(''),
  currency: z
    .string()
    .regex(/^[A-Z]{3}$/, 'must be a 3-letter ISO currency code')
    .refine((c) => currencies.has(c), 'is not a known currency')
    .default('INR'),
  locale: z
    .string()
    .max(35)
    .refine((l) => {
      try {
        return Intl.NumberFormat.supportedLocalesOf([l]).length === 1;
      } catch {
        return false;
      }
    }, 'is not a known locale')
    .default('en-IN'),
  /** Two-digit GST state code of the company (e.g. 27 Maharashtra); decides CGST+SGST or IGST. */
  stateCode: z
    .union([z.literal(''), z.string().regex(/^(0[1-9]|[1-3]\d)$/, 'must be a GST state code 01–39')])
    .default(''),
  /** Prefix of new account numbers, e.g. "WD-" gives WD-000123. */
  accountPrefix: z
    .string()
    .regex(/^[A-Z0-9-]{0,8}$/, 'up to 8 capital letters, digits or dashes')
    .default('WD-'),
  /** ISO country of the office: phone numbers typed without a country code are read as its. */
  country: z.string().refine(isPhoneCountry, 'must be a 2-letter ISO country code like IN').default('IN'),
  /** The office's IANA time zone: business dates (billing, due dates, the day book) are local to it. */
  timeZone: z
    .string()
    .max(64)
    .refine(isTimeZone, 'is not a known time zone: pick one like Asia/Kolkata')
    .default(() => machineTimeZone()),
});
export type SettingsInput = z.input<typeof SettingsInput>;

export const Settings = z.object({
  configured: z.boolean(),
  companyName: z.string(),
  address: z.string(),
  phone: z.string(),
  email: z.string(),
  taxId: z.string(),
  currency: z.string(),
  locale: z.string(),
  stateCode: z.string(),
  accountPrefix: z.string(),
  country: z.string(),
  timeZone: z.string(),
});
export type Settings = z.infer<typeof Settings>;

export const settingsChannels = {
  'settings.get': { input: Empty, output: Settings },
  'settings.save': { input: SettingsInput, output: Settings },
} satisfies Channels;
