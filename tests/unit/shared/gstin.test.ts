import { describe, expect, it } from 'vitest';
import { gstinCheckCharacter, gstinProblem } from '../../../src-shared/gstin';
import { GST_STATES, gstStateCode } from '../../../src-shared/gstStates';

describe('GSTIN', () => {
  it('computes the check character of published GSTINs', () => {
    // GSTINs printed on public invoices and the GST portal's own example.
    for (const gstin of ['27AAACR5055K1Z7', '27AAPFU0939F1ZV', '29AAGCB7383J1Z4']) {
      expect(gstinCheckCharacter(gstin.slice(0, 14))).toBe(gstin[14]);
      expect(gstinProblem(gstin)).toBeNull();
    }
  });

  it('refuses a GSTIN whose check character is wrong, naming the right one', () => {
    expect(gstinCheckCharacter('27AABCS1234F1Z')).toBe('R');
    expect(gstinProblem('27AABCS1234F1ZR')).toBeNull();
    expect(gstinProblem('27AABCS1234F1Z5')).toMatch(/check character.*mistyped/);
  });

  it('refuses text that is not shaped like a GSTIN', () => {
    expect(gstinProblem('27AABCS1234F1Z')).toMatch(/15 characters/);
    expect(gstinProblem('27aabcs1234f1zr')).toMatch(/15 characters/);
    expect(gstinProblem('99AABCS1234F1ZR')).toMatch(/state code/);
  });
});

describe('GST states', () => {
  it('lists states by their two-digit code', () => {
    expect(GST_STATES.find((s) => s.code === '27')?.name).toBe('Maharashtra');
    expect(GST_STATES.find((s) => s.code === '38')?.name).toBe('Ladakh');
  });

  it.each([
    ['27', '27'],
    ['7', '07'],
    ['Maharashtra', '27'],
    ['27-Maharashtra', '27'],
    ['27 - MAHARASHTRA', '27'],
    ['tamil nadu', '33'],
    ['Atlantis', null],
    ['55', null],
  ])('reads %s as %s', (text, code) => {
    expect(gstStateCode(text)).toBe(code);
  });
});
