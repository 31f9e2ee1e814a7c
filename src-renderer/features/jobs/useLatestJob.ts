import { useCallback, useEffect, useState } from 'react';
import type { Job } from '../../../src-shared/contract';
import { call } from '../../api';
import { useAppEvent } from '../../hooks/useAppEvent';

const POLL_WHILE_RUNNING_MS = 2000;

/**
 * The newest job, kept current: reloaded when a job starts or ends, its progress taken from
 * progress events, and polled while it runs in case the event stream was down (after a reload).
 */
export function useLatestJob(): Job | null {
  const [job, setJob] = useState<Job | null>(null);
  const reload = useCallback(() => {
    call('jobs.list', { limit: 1 }).then(
      ([latest]) => setJob(latest ?? null),
      () => undefined, // the header is no place for an error: the next event or poll tries again
    );
  }, []);

  useEffect(reload, [reload]);
  useAppEvent('jobs.changed', reload);
  useAppEvent('progress', ({ jobId, done, total }) => {
    setJob((current) => (current?.id === jobId ? { ...current, progress: { done, total } } : current));
    if (job?.id !== jobId) reload();
  });

  const running = job?.status === 'running';
  useEffect(() => {
    if (!running) return undefined;
    const timer = setInterval(reload, POLL_WHILE_RUNNING_MS);
    return () => clearInterval(timer);
  }, [running, reload]);

  return job;
}
