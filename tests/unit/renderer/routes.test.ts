import { describe, expect, it } from 'vitest';
import { parseHash, routeHref } from '../../../src-renderer/router/routes';

describe('the hash router', () => {
  it('reads the screens, and the customer list with its state', () => {
    expect(parseHash('')).toEqual({ page: 'dashboard' });
    expect(parseHash('#/customers')).toEqual({ page: 'customers' });
    expect(parseHash('#/customers?q=ravi&page=3')).toEqual({ page: 'customers', params: 'q=ravi&page=3' });
    expect(parseHash('#/customers/42')).toEqual({ page: 'customer', id: 42 });
    expect(parseHash('#/customers/42?x=1')).toEqual({ page: 'customer', id: 42 });
    expect(parseHash('#/plans')).toEqual({ page: 'plans' });
  });

  it('reads the billing screens: the run, the invoice list with its state, one invoice', () => {
    expect(parseHash('#/billing')).toEqual({ page: 'billing' });
    expect(parseHash('#/invoices')).toEqual({ page: 'invoices' });
    expect(parseHash('#/invoices?status=unpaid&page=2')).toEqual({ page: 'invoices', params: 'status=unpaid&page=2' });
    expect(parseHash('#/invoices/7')).toEqual({ page: 'invoice', id: 7 });
    expect(parseHash('#/invoices/0')).toEqual({ page: 'invoices' });
  });

  it('writes what it reads', () => {
    for (const hash of [
      '#/',
      '#/customers',
      '#/customers?q=ravi&page=3',
      '#/customers/42',
      '#/settings',
      '#/billing',
      '#/invoices',
      '#/invoices?kind=invoice&page=2',
      '#/invoices/7',
      '#/dues',
      '#/dues?bucket=d31_60&suspend=1',
      '#/daybook',
      '#/daybook?day=2026-11-20',
    ]) {
      expect(routeHref(parseHash(hash))).toBe(hash);
    }
  });
});
