// Phone numbers in one form. Stored as E.164 (+919822012345), read from whatever an operator,
// a spreadsheet or a caller ID gives (+91 98220 12345, 09822012345, 98220 12345), shown in the
// office country's national format (098220 12345) and other countries' international one.
// libphonenumber-js with its "max" metadata (~40 kB gzipped in the renderer): it checks a
// number against the country's mobile and fixed-line ranges, so a nine-digit mobile is refused.
import {
  getCountries,
  getCountryCallingCode,
  getExampleNumber,
  isSupportedCountry,
  parsePhoneNumberFromString,
  validatePhoneNumberLength,
  type CountryCode,
} from 'libphonenumber-js/max';
import mobileExamples from 'libphonenumber-js/mobile/examples';

export type PhoneCheck = { ok: true; e164: string } | { ok: false; message: string };

/** What a typed phone number may contain; anything else ("call after 6") is not a number. */
const PHONE_CHARACTERS = /^[\d\s()./-]*\+?[\d\s()./-]*$/;

/** Text that is a phone number or a piece of one, as a search query: digits and phone punctuation. */
export const PHONE_LIKE = /^[+\d][\d ()+-]*$/;

/** Whether libphonenumber knows the ISO country code (IN, US, GB…). */
export function isPhoneCountry(country: string): country is CountryCode {
  return isSupportedCountry(country);
}

function countryName(country: string): string {
  try {
    return new Intl.DisplayNames(['en'], { type: 'region' }).of(country) ?? country;
  } catch {
    return country;
  }
}

function officeCountry(country: string): CountryCode | undefined {
  return isPhoneCountry(country) ? country : undefined;
}

/**
 * Reads a phone number as typed, against the office's country when it has no country code,
 * and returns it as E.164, or why it is not a number.
 */
export function parsePhone(text: string, country: string): PhoneCheck {
  const typed = text.trim();
  if (!PHONE_CHARACTERS.test(typed) || !/\d/.test(typed)) {
    return { ok: false, message: 'must be a phone number: digits, spaces, + ( ) -' };
  }
  const home = officeCountry(country);
  const number = parsePhoneNumberFromString(typed, home);
  if (!number) {
    return { ok: false, message: 'must be a phone number, with its country code (+44 …) if it is from abroad' };
  }
  if (number.isValid()) return { ok: true, e164: number.number };
  const its = number.country ?? countryOfCallingCode(number.countryCallingCode, country);
  const where = its ? ` in ${countryName(its)}` : '';
  const example = its ? getExampleNumber(its, mobileExamples) : undefined;
  const hint = example ? ` (a mobile number there has ${example.nationalNumber.length} digits)` : '';
  const lengthProblem = validatePhoneNumberLength(typed, home);
  if (lengthProblem === 'TOO_SHORT') return { ok: false, message: `is too short for a phone number${where}${hint}` };
  if (lengthProblem === 'TOO_LONG') return { ok: false, message: `is too long for a phone number${where}${hint}` };
  return { ok: false, message: `is not a valid phone number${where}: check the digits${hint}` };
}

/** The office's country for its own calling code, else the one country with that code, if only one has it. */
function countryOfCallingCode(callingCode: string, country: string): CountryCode | undefined {
  if (sameCallingCode(callingCode, country)) return officeCountry(country);
  const sharing = getCountries().filter((c) => getCountryCallingCode(c) === callingCode);
  return sharing.length === 1 ? sharing[0] : undefined;
}

function sameCallingCode(callingCode: string, country: string): boolean {
  const home = officeCountry(country);
  return home !== undefined && getCountryCallingCode(home) === callingCode;
}

/**
 * How a stored number is shown: national format for the office's country (098220 12345),
 * international otherwise (+44 20 7946 0958). A number kept as typed because it could not be
 * read (see migration 0003) is shown as it is.
 */
export function phoneDisplay(stored: string, country: string): string {
  // Telling a mobile from a landline reads the whole metadata (~0.1 ms): a number shown once is
  // shown again (every receipt, every dues row), so the answers are kept, a bounded few.
  const key = `${country} ${stored}`;
  const known = displayed.get(key);
  if (known !== undefined) return known;
  const number = stored.startsWith('+') ? parsePhoneNumberFromString(stored) : undefined;
  const shown = !number
    ? stored
    : !sameCallingCode(number.countryCallingCode, country)
      ? number.formatInternational()
      : number.getType() === 'MOBILE'
        ? number.format('NATIONAL', { nationalPrefix: false })
        : number.formatNational();
  if (displayed.size >= 50_000) displayed.clear();
  displayed.set(key, shown);
  return shown;
}
const displayed = new Map<string, string>();

/**
 * How a stored number is written to a spreadsheet: as dialled from the office (098220 12345,
 * 00 44 20 7946 0958). It reads back to the same number, and with its spaces and leading 0 a
 * spreadsheet keeps it as text instead of turning it into 9.82E+11.
 */
export function phoneForSpreadsheet(stored: string, country: string): string {
  const number = stored.startsWith('+') ? parsePhoneNumberFromString(stored) : undefined;
  if (!number) return stored;
  if (sameCallingCode(number.countryCallingCode, country)) return number.formatNational();
  const home = officeCountry(country);
  return (home && number.format('IDD', { fromCountry: home })) || number.formatInternational();
}

/**
 * The digits to look for when a search query is a phone number or a piece of one; the index
 * holds stored numbers as E.164 digits (919822012345). A whole number, however it is typed
 * (+91 98220 12345, 09822012345, 9822012345, a caller ID's 919822012345), becomes its E.164
 * digits; a fragment loses its punctuation and a leading trunk 0 (098220 -> 98220).
 * Returns null when the query is not phone-like.
 */
export function phoneSearchDigits(query: string, country: string): string | null {
  const typed = query.trim();
  if (!PHONE_LIKE.test(typed)) return null;
  const home = officeCountry(country);
  const number = parsePhoneNumberFromString(typed, home);
  if (number?.isValid()) return number.number.slice(1);
  const digits = typed.replace(/\D/g, '');
  return typed.startsWith('+') ? digits : digits.replace(/^0(?=\d)/, '');
}

/** Every country whose numbers can be read, for a picker: "India (+91)", sorted by name. */
export function phoneCountryOptions(locale = 'en'): { value: string; label: string }[] {
  const names = new Intl.DisplayNames([locale], { type: 'region' });
  const name = (code: string) => {
    try {
      return names.of(code) ?? code;
    } catch {
      return code;
    }
  };
  return getCountries()
    .map((code) => ({ value: code, label: `${name(code)} (+${getCountryCallingCode(code)})` }))
    .sort((a, b) => a.label.localeCompare(b.label));
}
