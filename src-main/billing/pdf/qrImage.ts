// The UPI QR code as a small PNG (one pixel per module) that the PDF scales up without smoothing.
// pdfmake's own { qr } node draws every dark module as a filled rectangle (about 900 for a UPI
// link), a fifth of the time of a whole invoice; an image is one drawing operation. The matrix
// comes from pdfmake's own encoder.
import { crc32, deflateSync } from 'node:zlib';
import qrEncoder from 'pdfmake/js/qrEnc';

/** The QR matrix of `text`: rows of dark (true) and light modules. */
export function qrMatrix(text: string, eccLevel: 'L' | 'M' | 'Q' | 'H' = 'M'): boolean[][] {
  const [background, ...modules] = qrEncoder.measure({ qr: text, eccLevel })._canvas;
  if (!background) throw new Error('the QR encoder drew nothing');
  const size = modules[0]!.w;
  const n = Math.round(background.w / size);
  const matrix = Array.from({ length: n }, () => new Array<boolean>(n).fill(false));
  for (const m of modules) matrix[Math.round(m.y / size)]![Math.round(m.x / size)] = true;
  return matrix;
}

function pngChunk(type: string, data: Buffer): Buffer {
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const out = Buffer.alloc(body.length + 8);
  out.writeUInt32BE(data.length, 0);
  body.copy(out, 4);
  out.writeUInt32BE(crc32(body), out.length - 4);
  return out;
}

/** A QR code as an 8-bit greyscale PNG with a quiet zone of `quiet` modules all round. */
export function qrPng(text: string, quiet = 2): Buffer {
  const matrix = qrMatrix(text);
  const side = matrix.length + 2 * quiet;
  const rows = Buffer.alloc(side * (side + 1), 0xff);
  for (let y = 0; y < side; y++) {
    rows[y * (side + 1)] = 0; // filter: none
    for (let x = 0; x < matrix.length; x++) {
      if (matrix[y - quiet]?.[x]) rows[y * (side + 1) + 1 + x + quiet] = 0;
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(side, 0);
  header.writeUInt32BE(side, 4);
  header[8] = 8; // bit depth
  header[9] = 0; // greyscale
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', header),
    pngChunk('IDAT', deflateSync(rows)),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

/** The PNG as a data: URL, which pdfmake takes as an image without any file. */
export function qrDataUrl(text: string): string {
  return `data:image/png;base64,${qrPng(text).toString('base64')}`;
}
