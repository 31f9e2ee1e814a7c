import { useCallback, useEffect, useState } from 'react';
import { notifyError } from '../lib/notify';

interface Loaded<T> {
  data: T | undefined;
  error: unknown;
  load: () => Promise<T>;
  version: number;
}

export interface LoaderState<T> {
  data: T | undefined;
  error: unknown;
  /** True while the newest request is in flight; the previous data stays shown meanwhile. */
  loading: boolean;
  reload: () => void;
}

/**
 * Runs `load` (memoise it with useCallback) and again whenever it changes or reload() is called.
 * Stale answers are dropped, and a failure shows the server's message.
 */
export function useLoader<T>(load: () => Promise<T>): LoaderState<T> {
  const [version, setVersion] = useState(0);
  const [result, setResult] = useState<Loaded<T> | null>(null);

  useEffect(() => {
    let current = true;
    load().then(
      (data) => {
        if (current) setResult({ data, error: undefined, load, version });
      },
      (error: unknown) => {
        if (!current) return;
        notifyError(error, 'Could not load');
        setResult((previous) => ({ data: previous?.data, error, load, version }));
      },
    );
    return () => {
      current = false;
    };
  }, [load, version]);

  const reload = useCallback(() => setVersion((v) => v + 1), []);
  const loading = !result || result.load !== load || result.version !== version;
  return { data: result?.data, error: result?.error, loading, reload };
}
