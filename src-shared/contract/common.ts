import { z } from 'zod';
import { MONEY_LIMIT } from '../money';

export const Id = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);
export const ById = z.strictObject({ id: Id });
export const Empty = z.strictObject({});

/** Integer minor units (paise, cents) within ±2^51: never a float. */
export const Money = z.number().int().min(-MONEY_LIMIT).max(MONEY_LIMIT);
export const NonNegativeMoney = Money.min(0);

/** C0 and C1 control characters (DEL too) other than tab and line breaks: no one types them. */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;
/** Half of a UTF-16 pair without its other half: SQLite cannot store it faithfully. */
const LONE_SURROGATE = /\p{Cs}/u;
const NO_CONTROLS = 'must not contain control characters';
const NO_LONE_SURROGATES = 'must not contain a broken character (a lone UTF-16 surrogate)';

const storable = (schema: z.ZodString) =>
  schema.refine((s) => !CONTROL.test(s), NO_CONTROLS).refine((s) => !LONE_SURROGATE.test(s), NO_LONE_SURROGATES);

/** Trimmed single-line text with a hard length limit. */
export const Text = (max: number) =>
  z
    .string()
    .max(max * 4)
    .transform((s) => s.trim())
    .pipe(
      storable(
        z
          .string()
          .max(max)
          .regex(/^[^\n\r\t]*$/, 'must be a single line'),
      ),
    );
export const RequiredText = (max: number) => Text(max).pipe(z.string().min(1, 'is required'));
/** Free text over several lines: line breaks and tabs, but no other control characters. */
export const LongText = (max: number) => storable(z.string().max(max));
/** A postal address: may span lines, trimmed. */
export const Address = storable(z.string().max(500)).transform((s) => s.trim().replace(/\r\n?/g, '\n'));

/** Bidirectional marks and overrides (LRM, RLM, ALM, embeddings, overrides, isolates). */
const BIDI_CONTROLS = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;

/**
 * What an operator types or pastes into a search box: never refused for its characters.
 * Tabs and line breaks become spaces (cells pasted from a spreadsheet); other control
 * characters, bidi marks and lone surrogates are dropped.
 */
export const SearchQuery = z
  .string()
  .max(100)
  .transform((s) =>
    s
      .replace(/[\t\n\v\f\r\u0085]/g, ' ')
      .replace(new RegExp(CONTROL.source, 'g'), '')
      .replace(BIDI_CONTROLS, '')
      .replace(new RegExp(LONE_SURROGATE.source, 'gu'), ''),
  );

/** A calendar date as YYYY-MM-DD. */
export const IsoDate = z.iso.date();
export const Timestamp = z.string();

export const SortDirection = z.enum(['asc', 'desc']);

export type Channels = Record<string, { input: z.ZodType; output: z.ZodType }>;
