// GSTIN: 2-digit state code, 10-character PAN, entity number, 'Z', and a check character
// computed over the first 14 (base 36, weights 1 and 2 alternating, digits of each product
// summed in base 36, mod 36).
import { GST_STATES } from './gstStates';

export const GSTIN_PATTERN = /^\d{2}[A-Z]{5}\d{4}[A-Z][1-9A-Z]Z[0-9A-Z]$/;

const BASE36 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';

/** The check character for the first 14 characters of a GSTIN. */
export function gstinCheckCharacter(first14: string): string {
  let sum = 0;
  for (let i = 0; i < 14; i++) {
    const product = BASE36.indexOf(first14[i]!) * (i % 2 === 0 ? 1 : 2);
    sum += Math.floor(product / 36) + (product % 36);
  }
  return BASE36[(36 - (sum % 36)) % 36]!;
}

/** Why a (trimmed, upper-case) GSTIN cannot be right, or null when it can. */
export function gstinProblem(gstin: string): string | null {
  if (!GSTIN_PATTERN.test(gstin)) return 'a GSTIN has 15 characters, like 27AABCS1234F1ZR';
  if (!GST_STATES.some((s) => s.code === gstin.slice(0, 2))) return `${gstin.slice(0, 2)} is not a GST state code`;
  if (gstinCheckCharacter(gstin.slice(0, 14)) !== gstin[14]) {
    return 'the check character (the last one) does not match: a character is mistyped';
  }
  return null;
}
