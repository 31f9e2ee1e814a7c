import { call } from '../../api';
import { downloadBlob } from '../../lib/downloadText';

/** base64 text -> a Blob of that type. */
export function base64Blob(base64: string, type: string): Blob {
  const bytes = Uint8Array.from(atob(base64), (char) => char.charCodeAt(0));
  return new Blob([bytes], { type });
}

/**
 * Shows a PDF in a new tab (Chromium's viewer prints and saves it); where a pop-up is refused,
 * saves it instead. The Blob URL lives a minute: long enough for the tab to load it.
 */
export function showPdf(filename: string, base64: string): void {
  const blob = base64Blob(base64, 'application/pdf');
  const url = URL.createObjectURL(blob);
  const tab = window.open(url, '_blank');
  if (!tab) downloadBlob(filename, blob);
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** One document's PDF, opened. */
export async function openDocumentPdf(id: number): Promise<void> {
  const file = await call('billing.pdf', { id });
  showPdf(file.filename, file.base64);
}
