// The bytes of a spreadsheet file as text. Excel saves "CSV" in the machine's ANSI code page
// (Windows-1252 in India and the West) unless the operator picks "CSV UTF-8"; read as UTF-8,
// such a file turns "José" into "Jos\uFFFD" without a word. So: UTF-8 only if every byte is valid
// UTF-8, UTF-16 when it starts with its byte order mark, and otherwise Windows-1252, said out loud.

export type SpreadsheetEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

export interface DecodedSpreadsheet {
  /** The text, without a byte order mark. */
  text: string;
  encoding: SpreadsheetEncoding;
  /** True when the file was not UTF-8 and was read as Windows-1252: accents may need a look. */
  converted: boolean;
}

function decode(encoding: 'utf-8' | 'utf-16le' | 'utf-16be', bytes: Uint8Array, fatal: boolean): string {
  // ignoreBOM: false (the default) drops a leading byte order mark of the encoding.
  return new TextDecoder(encoding, { fatal }).decode(bytes);
}

// Windows-1252 is Latin-1 but for 0x80-0x9F. Spelled out here: Node's TextDecoder reads
// 'windows-1252' as Latin-1 (€ as U+0080). The five unassigned bytes stay C1 controls, as in WHATWG.
const CP1252_80_9F =
  '\u20AC\u0081\u201A\u0192\u201E\u2026\u2020\u2021\u02C6\u2030\u0160\u2039\u0152\u008D\u017D\u008F' +
  '\u0090\u2018\u2019\u201C\u201D\u2022\u2013\u2014\u02DC\u2122\u0161\u203A\u0153\u009D\u017E\u0178';

function decodeWindows1252(bytes: Uint8Array): string {
  const chunks: string[] = [];
  for (let start = 0; start < bytes.length; start += 8192) {
    const chars = Array.from(bytes.subarray(start, start + 8192), (b) =>
      b >= 0x80 && b <= 0x9f ? CP1252_80_9F[b - 0x80]! : String.fromCharCode(b),
    );
    chunks.push(chars.join(''));
  }
  return chunks.join('');
}

export function decodeSpreadsheet(bytes: Uint8Array): DecodedSpreadsheet {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: decode('utf-16le', bytes, false), encoding: 'utf-16le', converted: false };
  }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { text: decode('utf-16be', bytes, false), encoding: 'utf-16be', converted: false };
  }
  try {
    return { text: decode('utf-8', bytes, true), encoding: 'utf-8', converted: false };
  } catch {
    return { text: decodeWindows1252(bytes), encoding: 'windows-1252', converted: true };
  }
}
