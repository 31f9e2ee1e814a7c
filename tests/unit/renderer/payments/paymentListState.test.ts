import { describe, expect, it } from 'vitest';
import { PaymentListInput } from '../../../../src-shared/contract';
import { counterCustomerOf, counterHref } from '../../../../src-renderer/features/payments/counter/counterParams';
import {
  changePaymentList,
  DEFAULT_PAYMENT_LIST,
  isFiltered,
  paymentListFromParams,
  paymentListHref,
  paymentListInput,
  paymentListToParams,
} from '../../../../src-renderer/features/payments/list/paymentListState';
import { parseHash, routeHref } from '../../../../src-renderer/router/routes';

describe('the Payments list in the address', () => {
  it('reads and writes every filter, leaving defaults out', () => {
    const params = 'kind=refund&from=2026-04-01&to=2026-04-30&method=upi&customer=42&q=RCPT&page=3&size=100';
    const state = paymentListFromParams(params);
    expect(state).toEqual({
      kind: 'refund',
      from: '2026-04-01',
      to: '2026-04-30',
      method: 'upi',
      customerId: 42,
      search: 'RCPT',
      page: 3,
      pageSize: 100,
    });
    expect(paymentListToParams(state)).toBe(params);
    expect(paymentListToParams(DEFAULT_PAYMENT_LIST)).toBe('');
    expect(PaymentListInput.safeParse(paymentListInput(state)).success).toBe(true);
  });

  it('takes anything malformed as the default', () => {
    expect(
      paymentListFromParams(
        'kind=invoice&from=2026-02-30&method=bitcoin&customer=-1&page=0&size=7&q=' + 'x'.repeat(90),
      ),
    ).toEqual({ ...DEFAULT_PAYMENT_LIST, search: 'x'.repeat(60) });
  });

  it('goes back to page one when a filter changes, not when the page does', () => {
    const on3 = { ...DEFAULT_PAYMENT_LIST, page: 3 };
    expect(changePaymentList(on3, { method: 'cash' }).page).toBe(1);
    expect(changePaymentList(on3, { page: 4 }).page).toBe(4);
    expect(isFiltered(DEFAULT_PAYMENT_LIST)).toBe(false);
    expect(isFiltered({ ...DEFAULT_PAYMENT_LIST, search: 'UTR' })).toBe(true);
    expect(paymentListHref({ customerId: 5 })).toBe('#/payments?customer=5');
  });
});

describe('the payment routes', () => {
  it('reads and writes the counter, the list and one payment', () => {
    expect(parseHash('#/counter')).toEqual({ page: 'counter' });
    expect(parseHash('#/counter?customer=7')).toEqual({ page: 'counter', params: 'customer=7' });
    expect(parseHash('#/payments')).toEqual({ page: 'payments' });
    expect(parseHash('#/payments?method=upi')).toEqual({ page: 'payments', params: 'method=upi' });
    expect(parseHash('#/payments/9')).toEqual({ page: 'payment', id: 9 });
    expect(parseHash('#/payments/0')).toEqual({ page: 'payments' });
    for (const hash of ['#/counter', '#/counter?customer=7', '#/payments', '#/payments?kind=refund', '#/payments/9']) {
      expect(routeHref(parseHash(hash))).toBe(hash);
    }
  });

  it('opens the counter for a customer', () => {
    expect(counterHref(7)).toBe('#/counter?customer=7');
    expect(counterHref(null)).toBe('#/counter');
    expect(counterCustomerOf('customer=7')).toBe(7);
    expect(counterCustomerOf('customer=0')).toBeNull();
    expect(counterCustomerOf('customer=abc')).toBeNull();
    expect(counterCustomerOf(undefined)).toBeNull();
  });
});
