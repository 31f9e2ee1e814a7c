// The operator's decisions on a statement's credit rows, and what is sent to payments.importCommit.
import type { StatementDecision, StatementImportPreview, StatementRowPreview } from '../../../../src-shared/contract';

export interface RowChoice {
  action: 'record' | 'ignore';
  /** Who paid: the suggested customer, or one picked by hand; null until picked. */
  customerId: number | null;
  /** The suggested invoices; empty (oldest first) for a customer picked by hand. */
  invoiceIds: number[];
}

export type Choices = Record<string, RowChoice>;

export type RowFilter = 'all' | 'matched' | 'unmatched';

/** The rows the table shows: credits, new or already in; debits are only counted. */
export function creditRows(preview: StatementImportPreview): StatementRowPreview[] {
  return preview.rows.filter((row) => row.state !== 'debit');
}

/** The rows still to decide: new credits. Rows already imported or recorded are never sent. */
export function newRows(preview: StatementImportPreview): StatementRowPreview[] {
  return preview.rows.filter((row) => row.state === 'new');
}

/** Matched rows are recorded for their customer; unmatched ones wait for a customer or Ignore. */
export function initialChoices(preview: StatementImportPreview): Choices {
  const choices: Choices = {};
  for (const row of newRows(preview)) {
    choices[row.key] = row.match
      ? { action: 'record', customerId: row.match.customerId, invoiceIds: row.match.invoiceIds }
      : { action: 'record', customerId: null, invoiceIds: [] };
  }
  return choices;
}

/** A customer picked for a row: recorded for them, oldest invoices first unless it is the suggested one. */
export function pickCustomer(choices: Choices, row: StatementRowPreview, customerId: number | null): Choices {
  const suggested = row.match && row.match.customerId === customerId ? row.match.invoiceIds : [];
  return { ...choices, [row.key]: { action: 'record', customerId, invoiceIds: suggested } };
}

export function setAction(choices: Choices, key: string, action: RowChoice['action']): Choices {
  const current = choices[key];
  if (!current) return choices;
  return { ...choices, [key]: { ...current, action } };
}

/** "Ignore all unmatched": every new row without a suggestion and no customer picked. */
export function ignoreUnmatched(preview: StatementImportPreview, choices: Choices): Choices {
  const next = { ...choices };
  for (const row of newRows(preview)) {
    const choice = next[row.key];
    if (!row.match && choice && choice.customerId === null) next[row.key] = { ...choice, action: 'ignore' };
  }
  return next;
}

export function filterRows(rows: StatementRowPreview[], filter: RowFilter): StatementRowPreview[] {
  if (filter === 'matched') return rows.filter((row) => row.state === 'new' && row.match !== null);
  if (filter === 'unmatched') return rows.filter((row) => row.state === 'new' && row.match === null);
  return rows;
}

export interface DecisionSummary {
  record: number;
  recordMinor: number;
  ignore: number;
  /** Rows to record with no customer yet: the import cannot go ahead until they are picked or ignored. */
  undecided: number;
}

export function summarise(preview: StatementImportPreview, choices: Choices): DecisionSummary {
  const summary: DecisionSummary = { record: 0, recordMinor: 0, ignore: 0, undecided: 0 };
  for (const row of newRows(preview)) {
    const choice = choices[row.key];
    if (!choice || (choice.action === 'record' && choice.customerId === null)) summary.undecided++;
    else if (choice.action === 'ignore') summary.ignore++;
    else {
      summary.record++;
      summary.recordMinor += row.amount;
    }
  }
  return summary;
}

/** One decision for every new credit row, in the file's order; null while a row still needs a customer. */
export function decisionsFor(preview: StatementImportPreview, choices: Choices): StatementDecision[] | null {
  const decisions: StatementDecision[] = [];
  for (const row of newRows(preview)) {
    const choice = choices[row.key];
    if (!choice) return null;
    if (choice.action === 'ignore') decisions.push({ action: 'ignore', key: row.key });
    else if (choice.customerId === null) return null;
    else
      decisions.push({ action: 'record', key: row.key, customerId: choice.customerId, invoiceIds: choice.invoiceIds });
  }
  return decisions;
}

/** The first and last dates of the rows recorded: the Payments list filtered to them shows the receipts. */
export function recordedDates(preview: StatementImportPreview, choices: Choices): { from: string; to: string } | null {
  const days = newRows(preview)
    .filter((row) => choices[row.key]?.action === 'record')
    .map((row) => row.on)
    .sort();
  return days.length ? { from: days[0]!, to: days.at(-1)! } : null;
}

/**
 * Credits of the statement already in WispDesk: those the preview found (never sent) and those
 * sent that an import since the preview had recorded (the back end counts only the sent ones).
 */
export function alreadyInCount(preview: StatementImportPreview, result: { alreadyIn: number }): number {
  return preview.counts.alreadyIn + result.alreadyIn;
}
