import { describe, expect, it } from 'vitest';
import { jobEndText, jobPercent, jobProgressText } from '../../../../src-renderer/features/jobs/jobText';
import type { Job } from '../../../../src-shared/contract';

const job = (changes: Partial<Job>): Job => ({
  id: 1,
  kind: 'customers.import',
  title: 'Import of customers.csv',
  status: 'running',
  progress: { done: 0, total: 0 },
  result: null,
  error: null,
  startedAt: '2026-01-05T10:00:00.000Z',
  finishedAt: null,
  ...changes,
});

describe('job text', () => {
  it('a running job: its title and how far it got, grouped in the office locale', () => {
    const running = job({ progress: { done: 12_000, total: 60_000 } });
    expect(jobProgressText(running, 'en-IN')).toBe('Import of customers.csv — 12,000 of 60,000');
    expect(jobProgressText(job({ progress: { done: 0, total: 150_000 } }), 'en-IN')).toBe(
      'Import of customers.csv — 0 of 1,50,000',
    );
    expect(jobPercent(running)).toBe(20);
  });

  it('before the first progress it is starting, at 0%', () => {
    expect(jobProgressText(job({}), 'en-IN')).toBe('Import of customers.csv — starting…');
    expect(jobPercent(job({}))).toBe(0);
  });

  it('a failed or interrupted job says so, with its reason', () => {
    const failed = job({ status: 'failed', error: { code: 'validation', message: '2 rows have errors' } });
    expect(jobEndText(failed)).toBe('Import of customers.csv failed: 2 rows have errors');
    const interrupted = job({ status: 'interrupted', error: { code: null, message: 'WispDesk stopped' } });
    expect(jobEndText(interrupted)).toBe('Import of customers.csv was interrupted: WispDesk stopped');
  });
});
