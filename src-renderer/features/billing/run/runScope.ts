// The run wizard's first step: a date and who to bill, as typed, ⇄ the contract's input.
import type { BillingRunInput, BillingScope } from '../../../../src-shared/contract';

export type ScopeKind = BillingScope['kind'];

export interface RunScopeValues {
  asOf: string;
  kind: ScopeKind;
  accessPoint: string;
  planId: number | null;
  customerId: number | null;
}

export function emptyRunScope(today: string): RunScopeValues {
  return { asOf: today, kind: 'all', accessPoint: '', planId: null, customerId: null };
}

/** The input for billing.preview and billing.run, or errors by field when something is missing. */
export function runInput(
  values: RunScopeValues,
): { input: BillingRunInput; errors: null } | { input: null; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  if (!/^\d{4}-\d{2}-\d{2}$/.test(values.asOf)) errors.asOf = 'Pick the date to bill as of';
  else if (values.asOf < '2000-01-01' || values.asOf > '2099-12-31') errors.asOf = 'Pick a date between 2000 and 2099';
  let scope: BillingScope = { kind: 'all' };
  if (values.kind === 'accessPoint') {
    if (!values.accessPoint.trim()) errors.accessPoint = 'Type the access point, as on the customers';
    scope = { kind: 'accessPoint', accessPoint: values.accessPoint.trim() };
  } else if (values.kind === 'plan') {
    if (values.planId === null) errors.planId = 'Pick a plan';
    scope = { kind: 'plan', planId: values.planId ?? 0 };
  } else if (values.kind === 'customer') {
    if (values.customerId === null) errors.customerId = 'Find the customer by name, account no or phone';
    scope = { kind: 'customer', customerId: values.customerId ?? 0 };
  }
  if (Object.keys(errors).length > 0) return { input: null, errors };
  return { input: { asOf: values.asOf, scope }, errors: null };
}
