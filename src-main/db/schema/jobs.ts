import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/**
 * Long writes (an import, a billing run, a batch of PDFs, a backup): one row each, kept so the
 * UI can show a job after a reload and the operator can see what ran, when, and how it ended.
 */
export const jobs = sqliteTable(
  'jobs',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    kind: text('kind').notNull(),
    /** What the operator sees: "Import of customers.csv (1,240 rows)". */
    title: text('title').notNull(),
    status: text('status', { enum: ['running', 'succeeded', 'failed', 'interrupted'] }).notNull(),
    progressDone: integer('progress_done').notNull().default(0),
    progressTotal: integer('progress_total').notNull().default(0),
    /** JSON of the outcome, when it succeeded. */
    result: text('result'),
    errorCode: text('error_code'),
    errorMessage: text('error_message'),
    /** JSON of the error's details (e.g. the bad rows of an import). */
    errorDetails: text('error_details'),
    startedAt: text('started_at').notNull(),
    finishedAt: text('finished_at'),
  },
  (t) => [index('jobs_status_idx').on(t.status)],
);
