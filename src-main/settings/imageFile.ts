// What an uploaded logo or signature really is, read from its bytes: the name and the type the
// browser claims are never trusted, since the image is later drawn into every invoice PDF.

/** Larger than this on either side is a photo or a scan, not a logo: refused. */
export const IMAGE_MAX_PX = 4000;

export type ImageMime = 'image/png' | 'image/jpeg';

export type ImageCheck = { ok: true; mime: ImageMime; width: number; height: number } | { ok: false; problem: string };

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Decodes strict base64 (padding optional, whitespace ignored); null when it is not base64. */
export function decodeBase64(text: string): Buffer | null {
  const compact = text.replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(compact) || compact.length % 4 === 1) return null;
  return Buffer.from(compact, 'base64');
}

/** PNG or JPEG by magic bytes, with the dimensions from its header and its structure intact to the end. */
export function checkImage(bytes: Buffer): ImageCheck {
  if (bytes.length === 0) return { ok: false, problem: 'is an empty file' };
  if (bytes.subarray(0, 8).equals(PNG_SIGNATURE)) return checkPng(bytes);
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return checkJpeg(bytes);
  const kind = knownOtherKind(bytes);
  return {
    ok: false,
    problem: kind
      ? `is a ${kind} file: save it as PNG or JPEG and upload that`
      : 'is not a PNG or JPEG image: pick a .png or .jpg file',
  };
}

function knownOtherKind(bytes: Buffer): string | null {
  const head = bytes.subarray(0, 512).toString('latin1');
  if (head.startsWith('GIF87a') || head.startsWith('GIF89a')) return 'GIF';
  if (head.startsWith('%PDF')) return 'PDF';
  if (head.startsWith('BM')) return 'BMP';
  if (head.startsWith('RIFF') && head.slice(8, 12) === 'WEBP') return 'WebP';
  if (/<svg[\s>]/i.test(head)) return 'SVG';
  return null;
}

function sizeProblem(width: number, height: number): string | null {
  if (width === 0 || height === 0) return 'has no pixels (its header says 0 wide or 0 high)';
  if (width > IMAGE_MAX_PX || height > IMAGE_MAX_PX) {
    return `is ${width}×${height} pixels: at most ${IMAGE_MAX_PX} on each side, and about 600 px wide is plenty for a logo`;
  }
  return null;
}

const TRUNCATED = 'is cut short (the file is incomplete): save it again and upload the whole file';

/** Walks the chunks: IHDR first with the size, and IEND last, every chunk inside the file. */
function checkPng(bytes: Buffer): ImageCheck {
  let at = 8;
  let width = 0;
  let height = 0;
  let first = true;
  while (at + 12 <= bytes.length) {
    const length = bytes.readUInt32BE(at);
    const type = bytes.toString('latin1', at + 4, at + 8);
    if (at + 12 + length > bytes.length) return { ok: false, problem: TRUNCATED };
    if (first) {
      if (type !== 'IHDR' || length !== 13) return { ok: false, problem: 'is a damaged PNG (no image header)' };
      width = bytes.readUInt32BE(at + 8);
      height = bytes.readUInt32BE(at + 12);
      first = false;
    }
    if (type === 'IEND') {
      const problem = sizeProblem(width, height);
      return problem ? { ok: false, problem } : { ok: true, mime: 'image/png', width, height };
    }
    at += 12 + length;
  }
  return { ok: false, problem: first ? 'is a damaged PNG (no image header)' : TRUNCATED };
}

// Start-of-frame markers carry the size; C4 (DHT), C8 (JPG) and CC (DAC) share the range but do not.
const SOF = new Set([0xc0, 0xc1, 0xc2, 0xc3, 0xc5, 0xc6, 0xc7, 0xc9, 0xca, 0xcb, 0xcd, 0xce, 0xcf]);

/** Walks the segments to the frame header for the size, and needs the end-of-image marker last. */
function checkJpeg(bytes: Buffer): ImageCheck {
  let at = 2;
  let width = 0;
  let height = 0;
  let sawFrame = false;
  while (at + 4 <= bytes.length) {
    if (bytes[at] !== 0xff) return { ok: false, problem: 'is a damaged JPEG' };
    const marker = bytes[at + 1]!;
    if (marker === 0xff) {
      at += 1; // fill byte
      continue;
    }
    if (marker === 0xd9) break;
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      at += 2;
      continue;
    }
    const length = bytes.readUInt16BE(at + 2);
    if (length < 2 || at + 2 + length > bytes.length) return { ok: false, problem: TRUNCATED };
    if (SOF.has(marker)) {
      if (length < 7) return { ok: false, problem: 'is a damaged JPEG' };
      height = bytes.readUInt16BE(at + 5);
      width = bytes.readUInt16BE(at + 7);
      sawFrame = true;
    }
    if (marker === 0xda) break; // start of scan: entropy-coded data follows, up to EOI
    at += 2 + length;
  }
  if (!sawFrame) return { ok: false, problem: TRUNCATED };
  const end = bytes.length >= 2 && bytes[bytes.length - 2] === 0xff && bytes[bytes.length - 1] === 0xd9;
  if (!end) return { ok: false, problem: TRUNCATED };
  const problem = sizeProblem(width, height);
  return problem ? { ok: false, problem } : { ok: true, mime: 'image/jpeg', width, height };
}
