import type { Job } from '../../../src-shared/contract';

/** "Import of customers.csv — 12,000 of 60,000" while it runs. */
export function jobProgressText(job: Job, locale: string): string {
  const { done, total } = job.progress;
  if (total <= 0) return `${job.title} — starting…`;
  const format = new Intl.NumberFormat(locale);
  return `${job.title} — ${format.format(done)} of ${format.format(total)}`;
}

/** Percent done, 0–100, for a progress bar. */
export function jobPercent(job: Job): number {
  const { done, total } = job.progress;
  return total > 0 ? Math.min(100, Math.round((done / total) * 100)) : 0;
}

/** How a job that did not succeed ended, in one line, with its reason. */
export function jobEndText(job: Job): string {
  const ending = job.status === 'interrupted' ? 'was interrupted' : 'failed';
  return job.error ? `${job.title} ${ending}: ${job.error.message}` : `${job.title} ${ending}`;
}
