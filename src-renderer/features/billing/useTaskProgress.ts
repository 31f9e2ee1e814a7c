import { useCallback, useState } from 'react';
import { useAppEvent } from '../../hooks/useAppEvent';

export interface TaskProgress {
  done: number;
  total: number;
}

/** The progress events of one kind of job (e.g. billing.run) while `watching`; reset() before a start. */
export function useTaskProgress(task: string, watching: boolean) {
  const [progress, setProgress] = useState<TaskProgress | null>(null);
  useAppEvent('progress', (event) => {
    if (watching && event.task === task) setProgress({ done: event.done, total: event.total });
  });
  const reset = useCallback(() => setProgress(null), []);
  return { progress, reset };
}

/** Percent done, 0–100; null while the total is not known yet (an indeterminate bar). */
export function progressPercent(progress: TaskProgress | null): number | null {
  if (!progress || progress.total <= 0) return null;
  return Math.min(100, Math.round((progress.done / progress.total) * 100));
}
