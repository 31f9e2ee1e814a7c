// The jobs table: one row per long write, so the UI can show a job after a reload and the
// office can see what ran, when, and how it ended.
import { desc, eq } from 'drizzle-orm';
import type { Job } from '../../src-shared/contract';
import type { RpcErrorData } from '../../src-shared/errors';
import type { Db } from '../db/connection';
import { jobs } from '../db/schema';

type JobRow = typeof jobs.$inferSelect;

const INTERRUPTED_MESSAGE = 'WispDesk stopped before this finished, so none of it was kept. Run it again.';

function toJob(row: JobRow): Job {
  return {
    id: row.id,
    kind: row.kind,
    title: row.title,
    status: row.status,
    progress: { done: row.progressDone, total: row.progressTotal },
    result: row.result === null ? null : (JSON.parse(row.result) as unknown),
    error:
      row.errorMessage === null
        ? null
        : {
            code: row.errorCode as RpcErrorData['code'] | null,
            message: row.errorMessage,
            ...(row.errorDetails === null ? {} : { details: JSON.parse(row.errorDetails) as Record<string, unknown> }),
          },
    startedAt: row.startedAt,
    finishedAt: row.finishedAt,
  };
}

export class JobStore {
  constructor(private readonly db: Db) {}

  start(kind: string, title: string): number {
    return this.db
      .insert(jobs)
      .values({ kind, title, status: 'running', startedAt: new Date().toISOString() })
      .returning({ id: jobs.id })
      .get().id;
  }

  progress(id: number, done: number, total: number): void {
    this.db.update(jobs).set({ progressDone: done, progressTotal: total }).where(eq(jobs.id, id)).run();
  }

  succeeded(id: number, result: unknown, progress: { done: number; total: number }): void {
    this.db
      .update(jobs)
      .set({
        status: 'succeeded',
        progressDone: progress.done,
        progressTotal: progress.total,
        result: JSON.stringify(result ?? null),
        finishedAt: new Date().toISOString(),
      })
      .where(eq(jobs.id, id))
      .run();
  }

  failed(id: number, error: RpcErrorData, progress: { done: number; total: number }): void {
    this.db
      .update(jobs)
      .set({
        status: 'failed',
        progressDone: progress.done,
        progressTotal: progress.total,
        errorCode: error.code,
        errorMessage: error.message,
        errorDetails: error.details ? JSON.stringify(error.details) : null,
        finishedAt: new Date().toISOString(),
      })
      .where(eq(jobs.id, id))
      .run();
  }

  /** Jobs a process that died left `running`: marked at start-up, before any new job. Returns how many. */
  interruptLeftovers(): number {
    return this.db
      .update(jobs)
      .set({ status: 'interrupted', errorMessage: INTERRUPTED_MESSAGE, finishedAt: new Date().toISOString() })
      .where(eq(jobs.status, 'running'))
      .run().changes;
  }

  get(id: number): Job | undefined {
    const row = this.db.select().from(jobs).where(eq(jobs.id, id)).get();
    return row && toJob(row);
  }

  /** Newest first. */
  list(limit: number): Job[] {
    return this.db.select().from(jobs).orderBy(desc(jobs.id)).limit(limit).all().map(toJob);
  }
}
