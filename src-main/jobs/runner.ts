// The one runner for long writes (an import, a billing run, a batch of PDFs, a backup). It owns
// the single long-writer slot: one job at a time, each a row in `jobs`, run on a worker thread
// with its own connection so the thread that answers the UI keeps answering. While a job holds
// the write lock, other writes are refused with a `busy` error that names it.
// Without a built worker file (unit tests) the same kinds run in-process.
import { parentPort, Worker, workerData } from 'node:worker_threads';
import type { Job } from '../../src-shared/contract';
import { AppError, type RpcErrorData } from '../../src-shared/errors';
import type { Services } from '../app';
import type { DbHandle } from '../db/connection';
import { toErrorData, type ErrorLog } from '../rpc/errorData';
import type { EventBus } from '../rpc/events';
import { JobStore } from './store';

export type ReportProgress = (done: number, total: number) => void;

/** A kind of long work: the same function runs in the worker and in-process, on that thread's services. */
export type JobKind<I, O> = (
  services: Services,
  input: I,
  reportProgress: ReportProgress,
  /** The job's row (null for offThread reads): what a billing run stamps on its invoices. */
  jobId: number | null,
) => O | Promise<O>;
export type JobKinds = Record<string, JobKind<never, unknown>>;
type KindInput<F> = F extends (services: Services, input: infer I, ...rest: never[]) => unknown ? I : never;
type KindResult<F> = F extends (...args: never[]) => infer R ? Awaited<R> : never;

/** What the worker is asked to run. */
interface JobRequest {
  dataDir: string;
  kind: string;
  input: unknown;
  jobId: number | null;
}

/** What the worker says back. */
type JobMessage =
  | { type: 'progress'; done: number; total: number }
  | { type: 'done'; value: unknown }
  | { type: 'failed'; error: RpcErrorData }
  /** An unexpected error in full, for the main side's log (Electron's goes to a file). */
  | { type: 'log'; message: string; error: string };

interface RunningJob {
  id: number;
  kind: string;
  title: string;
  done: number;
  total: number;
}

export interface JobRunnerOptions<K extends JobKinds> {
  handle: DbHandle;
  dataDir: string;
  services: Services;
  events: EventBus;
  kinds: K;
  /** The built worker (out/main/jobsWorker.js); without it jobs run in-process. */
  workerFile?: string;
  log?: ErrorLog;
  /** The job's row gets its progress at most this often (ms). */
  progressIntervalMs?: number;
}

const BUSY_TIMEOUT_MS = 5000;

export class JobRunner<K extends JobKinds> {
  readonly store: JobStore;
  private running: RunningJob | null = null;

  constructor(private readonly options: JobRunnerOptions<K>) {
    this.store = new JobStore(options.handle.db);
  }

  /** At start-up, before any job: a job still `running` belonged to a process that died. */
  interruptLeftovers(): number {
    return this.store.interruptLeftovers();
  }

  /**
   * Runs `kind` as a job in the writer slot: a row in `jobs`, progress events, and the outcome.
   * Refused with `busy` while another job runs. A failure is recorded and thrown as an AppError
   * with the code it would have had in-process.
   */
  async run<N extends keyof K & string>(kind: N, input: KindInput<K[N]>, title: string): Promise<KindResult<K[N]>> {
    if (this.running) throw this.busy(this.running);
    const job: RunningJob = { id: 0, kind, title, done: 0, total: 0 };
    this.running = job;
    try {
      job.id = this.store.start(kind, title);
    } catch (error) {
      this.running = null;
      throw error;
    }
    this.options.events.emit('jobs.changed', { id: job.id });
    let lastWritten = 0;
    const reportProgress: ReportProgress = (done, total) => {
      job.done = done;
      job.total = total;
      const now = Date.now();
      if (now - lastWritten < (this.options.progressIntervalMs ?? 250) && done < total) return;
      lastWritten = now;
      this.writeProgress(job);
      this.options.events.emit('progress', { task: kind, jobId: job.id, done, total });
    };
    const { sqlite } = this.options.handle;
    // While the worker holds the write lock, a write on this connection fails at once with
    // `busy` (named by translateError) instead of stalling this thread for the busy timeout.
    if (this.options.workerFile) sqlite.pragma('busy_timeout = 0');
    try {
      const value = await this.execute(kind, input, reportProgress, job.id);
      this.finish(job, () => this.store.succeeded(job.id, value, job));
      return value as KindResult<K[N]>;
    } catch (error) {
      const data = this.errorData(error, kind);
      this.finish(job, () => this.store.failed(job.id, data, job));
      throw new AppError(data.code, data.message, data.details);
    }
  }

  /** Runs a kind that only reads (an import's preview) off this thread: no row, not in the writer slot. */
  async offThread<N extends keyof K & string>(kind: N, input: KindInput<K[N]>): Promise<KindResult<K[N]>> {
    try {
      return (await this.execute(kind, input, () => undefined, null)) as KindResult<K[N]>;
    } catch (error) {
      const data = this.errorData(error, kind);
      throw new AppError(data.code, data.message, data.details);
    }
  }

  /** A write that found the database locked while a job runs: say which job holds it. */
  translateError(error: unknown): AppError | undefined {
    if (!this.running || (error as { code?: string } | null)?.code !== 'SQLITE_BUSY') return undefined;
    return this.busy(this.running);
  }

  list(limit: number): Job[] {
    return this.store.list(limit).map((job) => this.live(job));
  }

  get(id: number): Job {
    const job = this.store.get(id);
    if (!job) throw new AppError('not_found', `There is no job with id ${id}`);
    return this.live(job);
  }

  /** The running job's row may lag behind (its worker holds the write lock): show what it reported. */
  private live(job: Job): Job {
    const running = this.running;
    return running?.id === job.id ? { ...job, progress: { done: running.done, total: running.total } } : job;
  }

  private busy(job: RunningJob): AppError {
    const format = (n: number) => n.toLocaleString(this.locale());
    const progress = job.total > 0 ? ` (${format(job.done)} of ${format(job.total)} done)` : '';
    return new AppError('busy', `${job.title} is being written${progress}: try again when it finishes`, {
      jobId: job.id,
      kind: job.kind,
    });
  }

  private locale(): string {
    try {
      return this.options.services.settings.get().locale || 'en-IN';
    } catch {
      return 'en-IN';
    }
  }

  private errorData(error: unknown, kind: string): RpcErrorData {
    // The worker has already mapped its error; this maps in-process errors and the worker dying.
    return toErrorData(error, { context: `job ${kind}`, log: this.options.log });
  }

  /** Best effort while the job runs: when its worker holds the write lock the row catches up at the end. */
  private writeProgress(job: RunningJob): void {
    try {
      this.store.progress(job.id, job.done, job.total);
    } catch (error) {
      if ((error as { code?: string }).code !== 'SQLITE_BUSY') throw error;
    }
  }

  private finish(job: RunningJob, record: () => void): void {
    this.options.handle.sqlite.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    try {
      record();
    } catch (error) {
      // The outcome stands; the row stays `running` and is marked interrupted at the next start.
      (this.options.log ?? ((m, e) => console.error(m, e)))(`recording the end of job ${job.id} failed`, error);
    } finally {
      this.running = null;
      this.options.events.emit('jobs.changed', { id: job.id });
    }
  }

  private async execute(
    kind: string,
    input: unknown,
    reportProgress: ReportProgress,
    jobId: number | null,
  ): Promise<unknown> {
    const { workerFile, dataDir, kinds, services } = this.options;
    if (!workerFile) return runKind(kinds, kind, services, input, reportProgress, jobId);
    const request: JobRequest = { dataDir, kind, input, jobId };
    const worker = new Worker(workerFile, { workerData: request });
    return new Promise((resolve, reject) => {
      let settled = false;
      const settle = (fn: () => void) => {
        if (!settled) {
          settled = true;
          fn();
        }
      };
      worker.on('message', (message: JobMessage) => {
        if (message.type === 'progress') reportProgress(message.done, message.total);
        else if (message.type === 'log') (this.options.log ?? console.error)(message.message, message.error);
        else if (message.type === 'done') settle(() => resolve(message.value));
        else settle(() => reject(new AppError(message.error.code, message.error.message, message.error.details)));
      });
      worker.on('error', (error) => settle(() => reject(error)));
      worker.on('exit', (code) => settle(() => reject(new Error(`the jobs worker stopped with code ${code}`))));
    });
  }
}

function runKind(
  kinds: JobKinds,
  kind: string,
  services: Services,
  input: unknown,
  reportProgress: ReportProgress,
  jobId: number | null,
): unknown {
  const run = Object.prototype.hasOwnProperty.call(kinds, kind) ? kinds[kind] : undefined;
  if (!run) throw new Error(`there is no job kind "${kind}"`);
  return run(services, input as never, reportProgress, jobId);
}

/**
 * The worker's side: opens its own connection, runs the one job it was started for, and posts
 * progress and the outcome, its error mapped exactly as the registry maps one in-process.
 */
export async function serveJob(
  kinds: JobKinds,
  open: (dataDir: string) => { services: Services; close(): void },
): Promise<void> {
  const { dataDir, kind, input, jobId } = workerData as JobRequest;
  const post = (message: JobMessage) => parentPort!.postMessage(message);
  let app: ReturnType<typeof open> | undefined;
  try {
    app = open(dataDir);
    const value = await runKind(
      kinds,
      kind,
      app.services,
      input,
      (done, total) => post({ type: 'progress', done, total }),
      jobId,
    );
    post({ type: 'done', value });
  } catch (error) {
    const log = (message: string, thrown: unknown) =>
      post({
        type: 'log',
        message,
        error: thrown instanceof Error ? (thrown.stack ?? thrown.message) : String(thrown),
      });
    post({ type: 'failed', error: toErrorData(error, { context: `job ${kind} (worker)`, log }) });
  } finally {
    app?.close();
  }
}
