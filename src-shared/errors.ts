// The error codes that cross the boundary between the back end and the UI.
// A code is a stable promise: the UI and tests match on it, never on the message.

export const ERROR_CODES = [
  'validation', // input failed the contract or a domain rule; details.issues says where
  'not_found', // the record the input names does not exist
  'conflict', // a unique value (PPPoE username, IP, plan name) is already taken
  'plan_retired', // a retired plan takes no new customers
  'customer_archived', // an archived customer cannot be edited until restored
  'not_empty', // the action needs an empty database (loading the demo ISP)
  'busy', // a long write (an import) holds the database; try again when it ends
  'unknown_channel', // no handler is registered for that channel
  'unauthorized', // browser mode: missing or wrong token
  'forbidden', // browser mode: wrong origin
  'secret_unreadable', // a stored secret does not open: not sealed for that record, or with another key
  'internal', // anything unexpected; the details are logged on the main side only
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export interface FieldIssue {
  path: (string | number)[];
  message: string;
}

export interface RpcErrorData {
  code: ErrorCode;
  message: string;
  details?: {
    /** Contract failures: where and why. */
    issues?: FieldIssue[];
    /** The one field a domain error is about, e.g. the taken pppoeUsername. */
    field?: string;
    /** An import refused as a whole: each bad row with its spreadsheet row (the header is row 1). */
    rows?: { row: number; errors: { field: string | null; message: string }[] }[];
    [key: string]: unknown;
  };
}

/** A domain error: thrown by services, returned to the UI as data with its code. */
export class AppError extends Error {
  override readonly name = 'AppError';
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: RpcErrorData['details'],
  ) {
    super(message);
  }

  toData(): RpcErrorData {
    return this.details
      ? { code: this.code, message: this.message, details: this.details }
      : { code: this.code, message: this.message };
  }
}

export type RpcResult<T> = { ok: true; value: T } | { ok: false; error: RpcErrorData };
