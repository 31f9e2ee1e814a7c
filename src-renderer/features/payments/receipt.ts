import type { ReceiptFormat } from '../../../src-shared/contract';
import { call } from '../../api';
import { showPdf } from '../billing/openPdf';

export const RECEIPT_FORMAT_LABELS: Record<ReceiptFormat, string> = { a4: 'A4', thermal80: '80 mm' };

/** A receipt's PDF on A4 or the 80 mm roll, opened to print (or saved where a tab is refused). */
export async function openReceiptPdf(id: number, format: ReceiptFormat): Promise<void> {
  const file = await call('payments.receiptPdf', { id, format });
  await showPdf(file.filename, file.base64);
}
