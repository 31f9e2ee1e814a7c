import { useCallback, useState } from 'react';
import type { BillingPreview, BillingRunResult } from '../../../../src-shared/contract';
import { ApiError, call } from '../../../api';
import { errorMessage } from '../../../lib/notify';
import { useTaskProgress } from '../useTaskProgress';
import { emptyRunScope, runInput, type RunScopeValues } from './runScope';

export type RunStep = 'scope' | 'preview' | 'running' | 'done';

/** What a refused preview or run says, with what to do about it. */
function refusal(error: unknown): string {
  if (error instanceof ApiError && error.code === 'busy') {
    return `${error.message} Wait for it to finish (its progress is in the header), then try again.`;
  }
  return errorMessage(error);
}

/** The billing-run wizard: scope → preview → running (a job with progress) → done. */
export function useBillingRun(today: string) {
  const [step, setStep] = useState<RunStep>('scope');
  const [values, setValues] = useState<RunScopeValues>(() => emptyRunScope(today));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [preview, setPreview] = useState<BillingPreview | null>(null);
  const [result, setResult] = useState<BillingRunResult | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const { progress, reset } = useTaskProgress('billing.run', step === 'running');

  const change = useCallback((change: Partial<RunScopeValues>, field: string) => {
    setValues((v) => ({ ...v, ...change }));
    setErrors((e) => {
      if (!(field in e)) return e;
      const rest = { ...e };
      delete rest[field];
      return rest;
    });
  }, []);

  async function previewRun() {
    const parsed = runInput(values);
    if (parsed.errors) {
      setErrors(parsed.errors);
      return;
    }
    setLoading(true);
    setError(null);
    try {
      setPreview(await call('billing.preview', parsed.input));
      setStep('preview');
    } catch (e) {
      if (e instanceof ApiError && e.code === 'validation') {
        const fields = e.fieldErrors();
        setErrors({ asOf: fields.asOf ?? fields[''] ?? e.message });
      } else setError(refusal(e));
    } finally {
      setLoading(false);
    }
  }

  async function commit() {
    const parsed = runInput(values);
    if (parsed.errors) return;
    reset();
    setError(null);
    setStep('running');
    try {
      setResult(await call('billing.run', parsed.input));
      setStep('done');
    } catch (e) {
      setError(refusal(e));
      setStep('preview');
    }
  }

  const back = () => {
    setError(null);
    setStep('scope');
  };
  const again = () => {
    setPreview(null);
    setResult(null);
    setError(null);
    setValues(emptyRunScope(today));
    setStep('scope');
  };

  /** A run that was already going when the page opened has ended: show what it issued. */
  const showResult = useCallback((finished: BillingRunResult) => {
    setResult(finished);
    setValues((v) => ({ ...v, asOf: finished.asOf }));
    setStep('done');
  }, []);

  return {
    step,
    values,
    errors,
    preview,
    result,
    loading,
    error,
    progress,
    change,
    previewRun,
    commit,
    back,
    again,
    showResult,
  };
}
