import { z } from 'zod';
import { MONEY_LIMIT } from '../money';

export const Id = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);
export const ById = z.strictObject({ id: Id });
export const Empty = z.strictObject({});

/** Integer minor units (paise, cents) within ±2^51: never a float. */
export const Money = z.number().int().min(-MONEY_LIMIT).max(MONEY_LIMIT);
export const NonNegativeMoney = Money.min(0);

/** Trimmed single-line text with a hard length limit. */
export const Text = (max: number) =>
  z
    .string()
    .max(max * 4)
    .transform((s) => s.trim())
    .pipe(
      z
        .string()
        .max(max)
        .regex(/^[^\n\r\t]*$/, 'must be a single line'),
    );
export const RequiredText = (max: number) => Text(max).pipe(z.string().min(1, 'is required'));
export const LongText = (max: number) => z.string().max(max);
/** A postal address: may span lines, trimmed. */
export const Address = z
  .string()
  .max(500)
  .transform((s) => s.trim().replace(/\r\n?/g, '\n'));

/** A calendar date as YYYY-MM-DD. */
export const IsoDate = z.iso.date();
export const Timestamp = z.string();

export const SortDirection = z.enum(['asc', 'desc']);

export type Channels = Record<string, { input: z.ZodType; output: z.ZodType }>;
