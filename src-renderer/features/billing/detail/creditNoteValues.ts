// The credit-note dialog's values ⇄ billing.creditNote's input.
import type { CreditNoteInput } from '../../../../src-shared/contract';
import { MoneyError, parseMoney } from '../../../../src-shared/money';

export interface CreditNoteValues {
  /** The whole of what is left (cancels the invoice), or chosen lines. */
  mode: 'rest' | 'lines';
  reason: string;
  /** Line id -> the taxable amount to credit as typed; blank leaves the line out. */
  amounts: Record<number, string>;
}

export const EMPTY_CREDIT_NOTE: CreditNoteValues = { mode: 'rest', reason: '', amounts: {} };

export type CreditNoteParse =
  { input: CreditNoteInput; errors: null } | { input: null; errors: Record<string, string> };

/**
 * The input for a credit note, or errors keyed by field: "reason", "line.<id>", or "lines" when
 * no line has an amount. Amounts are parsed in the office's currency and locale, never as floats.
 */
export function creditNoteInput(
  invoiceId: number,
  values: CreditNoteValues,
  currency: string,
  locale: string,
): CreditNoteParse {
  const errors: Record<string, string> = {};
  const reason = values.reason.trim();
  if (!reason) errors.reason = 'Say why: it is printed on the credit note';
  const lines: { lineId: number; taxable: number }[] = [];
  if (values.mode === 'lines') {
    for (const [id, text] of Object.entries(values.amounts)) {
      if (!text.trim()) continue;
      try {
        const taxable = parseMoney(text, currency, locale);
        if (taxable <= 0) errors[`line.${id}`] = 'must be more than zero';
        else lines.push({ lineId: Number(id), taxable });
      } catch (error) {
        errors[`line.${id}`] = error instanceof MoneyError ? error.message : String(error);
      }
    }
    if (lines.length === 0 && !Object.keys(errors).some((k) => k.startsWith('line.'))) {
      errors.lines = 'Type the taxable amount to credit on at least one line';
    }
  }
  if (Object.keys(errors).length > 0) return { input: null, errors };
  return {
    input: {
      invoiceId,
      reason,
      amount: values.mode === 'rest' ? { kind: 'rest' } : { kind: 'lines', lines },
    },
    errors: null,
  };
}
