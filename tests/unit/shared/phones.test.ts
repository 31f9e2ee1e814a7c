import { describe, expect, it } from 'vitest';
import {
  parsePhone,
  phoneCountryOptions,
  phoneDisplay,
  phoneForSpreadsheet,
  phoneSearchDigits,
} from '../../../src-shared/phones';

describe('phones: one stored form', () => {
  it.each([
    '+91 98220 12345',
    '+919822012345',
    '09822012345',
    '98220 12345',
    '9822012345',
    '098220-12345',
    '0091 98220 12345',
    '(+91) 98220 12345',
  ])('reads %s as +919822012345 in India', (typed) => {
    expect(parsePhone(typed, 'IN')).toEqual({ ok: true, e164: '+919822012345' });
  });

  it('reads landlines with their area code, brackets and dashes included', () => {
    expect(parsePhone('(020) 2553-0101', 'IN')).toEqual({ ok: true, e164: '+912025530101' });
    expect(parsePhone('+91 20 2553 0101', 'IN')).toEqual({ ok: true, e164: '+912025530101' });
  });

  it('reads a number with its own country code as that country’s', () => {
    expect(parsePhone('+44 20 7946 0958', 'IN')).toEqual({ ok: true, e164: '+442079460958' });
    expect(parsePhone('(415) 555-2671', 'US')).toEqual({ ok: true, e164: '+14155552671' });
  });

  it('refuses a nine-digit Indian mobile with a message that says why', () => {
    const check = parsePhone('98220 1234', 'IN');
    expect(check.ok).toBe(false);
    expect(!check.ok && check.message).toMatch(/not a valid phone number in India.*10 digits/);
  });

  it('names the country of a number with its own country code', () => {
    const check = parsePhone('+33 1 42 68', 'IN');
    expect(!check.ok && check.message).toMatch(/in France/);
  });

  it.each([
    ['123', /too short for a phone number in India/],
    ['call me', /must be a phone number/],
    ['98220 12345 after 6', /must be a phone number/],
    ['98220123456789', /too long|not a valid/],
  ])('refuses %s', (typed, message) => {
    const check = parsePhone(typed, 'IN');
    expect(check.ok).toBe(false);
    expect(!check.ok && check.message).toMatch(message);
  });
});

describe('phones: shown and exported', () => {
  it('shows the office country’s numbers in national format, others in international', () => {
    expect(phoneDisplay('+919822012345', 'IN')).toBe('98220 12345');
    expect(phoneDisplay('+912025530101', 'IN')).toBe('020 2553 0101');
    expect(phoneDisplay('+442079460958', 'IN')).toBe('+44 20 7946 0958');
    expect(phoneDisplay('+919822012345', 'GB')).toBe('+91 98220 12345');
  });

  it('shows a number that could not be read as it was kept', () => {
    expect(phoneDisplay('call office', 'IN')).toBe('call office');
    expect(phoneDisplay('98220 1234', 'IN')).toBe('98220 1234');
  });

  it('writes spreadsheet cells as dialled from the office, and they read back to the same number', () => {
    for (const stored of ['+919822012345', '+912025530101', '+442079460958', '+14155552671']) {
      const cell = phoneForSpreadsheet(stored, 'IN');
      expect(cell).not.toMatch(/^[+=@-]/);
      expect(cell).toMatch(/\s/);
      expect(parsePhone(cell, 'IN')).toEqual({ ok: true, e164: stored });
    }
    expect(phoneForSpreadsheet('+442079460958', 'IN')).toBe('00 44 20 7946 0958');
  });
});

describe('phones: search queries', () => {
  it.each(['+91 98220 12345', '+919822012345', '09822012345', '98220 12345', '9822012345', '919822012345'])(
    'a whole number typed as %s looks for its E.164 digits',
    (query) => {
      expect(phoneSearchDigits(query, 'IN')).toBe('919822012345');
    },
  );

  it('a fragment loses its punctuation and a leading trunk 0', () => {
    expect(phoneSearchDigits('98220', 'IN')).toBe('98220');
    expect(phoneSearchDigits('098220', 'IN')).toBe('98220');
    expect(phoneSearchDigits('020-2553', 'IN')).toBe('202553');
    expect(phoneSearchDigits('+91 98220', 'IN')).toBe('9198220');
  });

  it('text that is not phone-like is left to the other search terms', () => {
    expect(phoneSearchDigits('Rahul', 'IN')).toBeNull();
    expect(phoneSearchDigits('10.20.30.40', 'IN')).toBeNull();
    expect(phoneSearchDigits('WD-000123', 'IN')).toBeNull();
  });
});

describe('phones: the country picker', () => {
  it('names each country with its calling code', () => {
    const options = phoneCountryOptions();
    expect(options).toContainEqual({ value: 'IN', label: 'India (+91)' });
    expect(options.length).toBeGreaterThan(200);
  });
});
