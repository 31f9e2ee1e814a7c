import { call } from '../../api';
import { downloadBlob } from '../../lib/downloadText';

/** base64 text -> a Blob of that type. */
export function base64Blob(base64: string, type: string): Blob {
  const bytes = Uint8Array.from(atob(base64), (char) => char.charCodeAt(0));
  return new Blob([bytes], { type });
}

/**
 * Shows a PDF: the desktop app opens it in a window of its own (it refuses pop-ups); browser mode
 * opens a tab from a Blob URL (Chromium's viewer prints and saves it) or, where a pop-up is
 * refused, saves it. The Blob URL lives a minute: long enough for the tab to load it.
 */
export async function showPdf(filename: string, base64: string): Promise<void> {
  if (window.wispdesk) {
    const { opened } = await call('app.openPdf', { filename, base64 });
    if (opened) return;
  }
  const blob = base64Blob(base64, 'application/pdf');
  const url = URL.createObjectURL(blob);
  const tab = window.open(url, '_blank');
  if (!tab) downloadBlob(filename, blob);
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** One document's PDF, opened. */
export async function openDocumentPdf(id: number): Promise<void> {
  const file = await call('billing.pdf', { id });
  await showPdf(file.filename, file.base64);
}
