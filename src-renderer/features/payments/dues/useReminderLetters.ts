import { useState } from 'react';
import type { DuesInput } from '../../../../src-shared/contract';
import { ApiError, call } from '../../../api';
import { errorMessage, notifyError, notifySuccess } from '../../../lib/notify';
import { showPdf } from '../../billing/openPdf';
import { useTaskProgress } from '../../billing/useTaskProgress';

/** What a refused letters job says, with what to do about it. */
function refusal(error: unknown): string {
  if (error instanceof ApiError && error.code === 'busy') {
    return `${error.message} Wait for it to finish (its progress is in the header), then try again.`;
  }
  return errorMessage(error);
}

/** Reminder letters, a job on the back end: the whole filtered list (with progress) or one customer. */
export function useReminderLetters() {
  const [listRunning, setListRunning] = useState(false);
  const [printing, setPrinting] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const { progress, reset } = useTaskProgress('payments.remindersPdf', listRunning);

  async function printList(filter: Omit<DuesInput, 'page' | 'pageSize'>) {
    reset();
    setError(null);
    setListRunning(true);
    try {
      const letters = await call('payments.remindersPdf', { dues: filter });
      notifySuccess(`${letters.count} reminder letter${letters.count === 1 ? '' : 's'} ready`);
      await showPdf(letters.filename, letters.base64);
    } catch (e) {
      setError(refusal(e));
    } finally {
      setListRunning(false);
    }
  }

  async function printOne(customerId: number, name: string) {
    setPrinting(customerId);
    try {
      const letter = await call('payments.remindersPdf', { customerIds: [customerId] });
      await showPdf(letter.filename, letter.base64);
    } catch (e) {
      notifyError(new Error(refusal(e)), `No reminder letter for ${name}`);
    } finally {
      setPrinting(null);
    }
  }

  return { listRunning, progress, printing, error, clearError: () => setError(null), printList, printOne };
}
