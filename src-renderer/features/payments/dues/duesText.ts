import type { AgeingBucket, CustomerBillingMode, DuesReport, DuesRow } from '../../../../src-shared/contract';

export const BUCKET_LABELS: Record<AgeingBucket, string> = {
  due_soon: 'Due soon',
  d0_30: '0–30 days',
  d31_60: '31–60 days',
  d61_90: '61–90 days',
  d90_plus: '90+ days',
};

/** Each bucket's field in a row and in the totals (they share names). */
export const BUCKET_FIELDS: Record<AgeingBucket, keyof DuesRow & keyof DuesReport['totals']> = {
  due_soon: 'dueSoon',
  d0_30: 'd0_30',
  d31_60: 'd31_60',
  d61_90: 'd61_90',
  d90_plus: 'd90_plus',
};

export const BILLING_MODE_LABELS: Record<CustomerBillingMode, string> = {
  postpaid: 'Postpaid',
  prepaid: 'Prepaid',
};

/** "1 customer", "3 customers". */
export function customers(n: number): string {
  return `${n} customer${n === 1 ? '' : 's'}`;
}
