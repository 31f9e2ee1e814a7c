import { describe, expect, it } from 'vitest';
import { decodeSpreadsheet } from '../../../src-shared/decodeSpreadsheet';

const bytes = (...parts: (string | number[])[]) =>
  new Uint8Array(parts.flatMap((p) => (typeof p === 'string' ? [...Buffer.from(p, 'latin1')] : p)));

describe('decodeSpreadsheet', () => {
  it('reads UTF-8 as it is', () => {
    // "José" in UTF-8: é is C3 A9.
    expect(decodeSpreadsheet(bytes('name\nJos', [0xc3, 0xa9], '\n'))).toEqual({
      text: 'name\nJosé\n',
      encoding: 'utf-8',
      converted: false,
    });
  });

  it('drops a UTF-8 byte order mark (Excel\'s "CSV UTF-8")', () => {
    expect(decodeSpreadsheet(bytes([0xef, 0xbb, 0xbf], 'name\nJos', [0xc3, 0xa9]))).toEqual({
      text: 'name\nJosé',
      encoding: 'utf-8',
      converted: false,
    });
  });

  it('reads plain ASCII and an empty file as UTF-8', () => {
    expect(decodeSpreadsheet(bytes('a,b\n1,2'))).toMatchObject({ text: 'a,b\n1,2', encoding: 'utf-8' });
    expect(decodeSpreadsheet(new Uint8Array())).toEqual({ text: '', encoding: 'utf-8', converted: false });
  });

  it('reads an Excel "CSV" saved in Windows-1252 as Windows-1252, and says it converted it', () => {
    // "José" with é as the single byte E9; “quotes” as 93/94; € as 80: none of it is valid UTF-8.
    const result = decodeSpreadsheet(bytes('name,notes\nJos', [0xe9], ',', [0x93], 'hi', [0x94], ' ', [0x80], '5\n'));
    expect(result).toEqual({ text: 'name,notes\nJosé,“hi” €5\n', encoding: 'windows-1252', converted: true });
    expect(result.text).not.toContain('\uFFFD');
  });

  it('a UTF-8 sequence cut short is not UTF-8', () => {
    expect(decodeSpreadsheet(bytes('name\nJos', [0xc3]))).toMatchObject({ encoding: 'windows-1252', converted: true });
  });

  it('reads UTF-16 with a byte order mark, little and big endian', () => {
    const le = Buffer.from('\uFEFFname\nJosé😀', 'utf16le');
    expect(decodeSpreadsheet(new Uint8Array(le))).toEqual({
      text: 'name\nJosé😀',
      encoding: 'utf-16le',
      converted: false,
    });
    const be = Buffer.from(le).swap16();
    expect(decodeSpreadsheet(new Uint8Array(be))).toEqual({
      text: 'name\nJosé😀',
      encoding: 'utf-16be',
      converted: false,
    });
  });
});
