// The one place an error becomes the data that crosses a boundary: the registry's answer to the
// UI, and a job's failure coming back from its worker thread. Both must say the same thing.
import { z } from 'zod';
import { AppError, type FieldIssue, type RpcErrorData } from '../../src-shared/errors';
import { MoneyError } from '../../src-shared/money';
import { rethrowConstraint, translateDatabaseError } from '../db/constraints';

export type ErrorLog = (message: string, error: unknown) => void;

export function zodIssues(error: z.ZodError): FieldIssue[] {
  return error.issues.map((i) => ({
    path: i.path.filter((p): p is string | number => typeof p !== 'symbol'),
    message: i.message,
  }));
}

export function describeIssues(issues: FieldIssue[]): string {
  return issues
    .slice(0, 5)
    .map((i) => (i.path.length ? `${i.path.join('.')}: ${i.message}` : i.message))
    .map((text) => (text.length > 200 ? `${text.slice(0, 200)}…` : text))
    .join('; ');
}

/** A UNIQUE failure SQLite raised where no service caught it: the same `conflict` a service gives. */
function constraintConflict(error: unknown): AppError | undefined {
  try {
    rethrowConstraint(error);
  } catch (thrown) {
    return thrown instanceof AppError ? thrown : undefined;
  }
}

export interface ErrorDataOptions {
  /** What failed ("channel customers.create", "job 12 customers.import"), for the log. */
  context: string;
  /** Turns an error the operator can act on into a domain error first (the database is busy). */
  translate?: (error: unknown) => AppError | undefined;
  log?: ErrorLog;
}

/** Known errors keep their code; anything else becomes `internal` and is logged in full here only. */
export function toErrorData(error: unknown, { context, translate, log }: ErrorDataOptions): RpcErrorData {
  const known = translate?.(error) ?? translateDatabaseError(error) ?? constraintConflict(error) ?? error;
  if (known instanceof AppError) return known.toData();
  if (known instanceof MoneyError) return { code: 'validation', message: known.message };
  if (known instanceof z.ZodError) {
    const issues = zodIssues(known);
    return { code: 'validation', message: `Check the input: ${describeIssues(issues)}`, details: { issues } };
  }
  (log ?? ((m, e) => console.error(m, e)))(`${context} failed`, error);
  return { code: 'internal', message: 'Something went wrong; the details are in the log. Try again.' };
}
