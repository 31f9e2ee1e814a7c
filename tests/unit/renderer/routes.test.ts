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

  it('writes what it reads', () => {
    for (const hash of ['#/', '#/customers', '#/customers?q=ravi&page=3', '#/customers/42', '#/settings']) {
      expect(routeHref(parseHash(hash))).toBe(hash);
    }
  });
});
