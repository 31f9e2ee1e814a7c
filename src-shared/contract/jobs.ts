import { z } from 'zod';
import { ERROR_CODES } from '../errors';
import { ById, Id, Timestamp, type Channels } from './common';

export const JOB_STATUSES = ['running', 'succeeded', 'failed', 'interrupted'] as const;
export const JobStatus = z.enum(JOB_STATUSES);
export type JobStatus = z.infer<typeof JobStatus>;

/** Long work that writes (an import, a billing run, a backup): one at a time, kept after it ends. */
export const Job = z.object({
  id: Id,
  /** What ran, e.g. "customers.import". */
  kind: z.string(),
  /** What the operator sees, e.g. "Import of customers.csv". */
  title: z.string(),
  status: JobStatus,
  progress: z.object({ done: z.number().int(), total: z.number().int() }),
  /** The outcome when it succeeded, as the kind returned it. */
  result: z.unknown(),
  /** Why it failed; an interrupted job has a message but no code (the app stopped, nothing threw). */
  error: z
    .object({
      code: z.enum(ERROR_CODES).nullable(),
      message: z.string(),
      details: z.record(z.string(), z.unknown()).optional(),
    })
    .nullable(),
  startedAt: Timestamp,
  finishedAt: Timestamp.nullable(),
});
export type Job = z.infer<typeof Job>;

export const jobsChannels = {
  /** Recent jobs, newest first: the running one (if any) and how the last ones ended. */
  'jobs.list': {
    input: z.strictObject({ limit: z.number().int().min(1).max(100).default(20) }),
    output: z.array(Job),
  },
  'jobs.get': { input: ById, output: Job },
} satisfies Channels;
