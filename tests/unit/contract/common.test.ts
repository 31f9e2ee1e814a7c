import { describe, expect, it } from 'vitest';
import { Address, LongText, RequiredText, SearchQuery, Text } from '../../../src-shared/contract/common';
import { call, createCustomer, freshApp } from '../helpers';

const messages = (result: { success: boolean; error?: { issues: { message: string }[] } }) =>
  result.error?.issues.map((i) => i.message) ?? [];

describe('Text', () => {
  it.each(['ab\u0000cd', 'a\u0001', 'a\u001Fb', 'a\u007Fb', 'a\u0085b', 'a\u009Fb', '\u0000'])(
    'refuses the control character in %j',
    (text) => {
      const result = Text(50).safeParse(text);
      expect(result.success).toBe(false);
      expect(messages(result)).toContain('must not contain control characters');
      expect(RequiredText(50).safeParse(text).success).toBe(false);
    },
  );

  it.each(['a\uD800b', 'a\uDC00b', '\uD83D', 'x\uDE00'])('refuses the lone surrogate in %j', (text) => {
    const result = Text(50).safeParse(text);
    expect(result.success).toBe(false);
    expect(messages(result).join()).toMatch(/lone UTF-16 surrogate/);
  });

  it('still says "single line" for a line break, and nothing more', () => {
    expect(messages(Text(50).safeParse('a\nb'))).toEqual(['must be a single line']);
  });

  it('accepts emoji, accents, combining marks and right-to-left text', () => {
    for (const text of ['Rahul 😀', 'José', 'Jose\u0301', 'مرحبا', 'नमस्ते']) {
      expect(Text(50).parse(text)).toBe(text);
    }
  });
});

describe('LongText and Address', () => {
  it('allow line breaks and tabs', () => {
    expect(LongText(100).parse('line 1\r\nline 2\tend')).toBe('line 1\r\nline 2\tend');
    expect(Address.parse('FC Road\r\nPune\t411004')).toBe('FC Road\nPune\t411004');
  });

  it.each(['a\u0000b', 'a\u0007b', 'a\u001Bb', 'a\u0085b', 'a\uD800b'])('refuse %j', (text) => {
    for (const schema of [LongText(100), Address]) {
      const result = schema.safeParse(text);
      expect(result.success).toBe(false);
      expect(messages(result).join()).toMatch(/control characters|lone UTF-16 surrogate/);
    }
  });
});

describe('SearchQuery', () => {
  it('strips control characters, bidi marks and lone surrogates instead of refusing', () => {
    expect(SearchQuery.parse('ab\u0000cd')).toBe('abcd');
    expect(SearchQuery.parse('Rahul\tPatil')).toBe('Rahul Patil');
    expect(SearchQuery.parse('\u202Erahul\u200F\u200E\u2066x\u2069')).toBe('rahulx');
    expect(SearchQuery.parse('a\uD800b\uDC00c')).toBe('abc');
    expect(SearchQuery.parse('😀 José')).toBe('😀 José');
  });

  it('is at most 100 characters', () => {
    expect(SearchQuery.safeParse('x'.repeat(100)).success).toBe(true);
    expect(SearchQuery.safeParse('x'.repeat(101)).success).toBe(false);
  });
});

describe('the query of customers.search, customers.list and customers.exportCsv', () => {
  it.each(['Ra\u0000hul', 'Rahul\u0000', '\u202ERahul', 'Ra\uD800hul', 'Rahul\u0007', 'Ra\u200Fhul'])(
    '%j finds Rahul instead of failing',
    async (query) => {
      const app = freshApp();
      const rahul = await createCustomer(app, { name: 'Rahul Patil' });
      await createCustomer(app, { name: 'Sunita Deshmukh' });
      expect((await call(app, 'customers.search', { query })).map((h) => h.id)).toEqual([rahul.id]);
      expect((await call(app, 'customers.list', { query })).records.map((r) => r.id)).toEqual([rahul.id]);
      expect((await call(app, 'customers.exportCsv', { query })).count).toBe(1);
    },
  );
});
