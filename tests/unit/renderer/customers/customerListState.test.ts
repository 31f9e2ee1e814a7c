import { describe, expect, it } from 'vitest';
import {
  changeListState,
  customerListHref,
  DEFAULT_LIST_STATE,
  listStateFromParams,
  listStateToParams,
  sortByColumn,
  type CustomerListState,
} from '../../../../src-renderer/features/customers/list/customerListState';

describe('the customer list in the address', () => {
  it('writes nothing for the list as it first opens', () => {
    expect(listStateToParams(DEFAULT_LIST_STATE)).toBe('');
    expect(listStateFromParams('')).toEqual(DEFAULT_LIST_STATE);
  });

  it('round-trips a filtered, sorted, deep page', () => {
    const state: CustomerListState = {
      query: 'rahul k',
      status: 'suspended',
      planId: 7,
      sort: { column: 'name', direction: 'desc' },
      page: 3,
      pageSize: 100,
    };
    const params = listStateToParams(state);
    expect(params).toBe('q=rahul+k&status=suspended&plan=7&sort=name.desc&page=3&size=100');
    expect(listStateFromParams(params)).toEqual(state);
  });

  it('keeps characters that mean something in a query string', () => {
    const state = { ...DEFAULT_LIST_STATE, query: 'a&b=c #1 +91 98220' };
    expect(listStateFromParams(listStateToParams(state))).toEqual(state);
  });

  it('falls back to the default for anything unknown or malformed', () => {
    expect(listStateFromParams('status=gone&plan=-2&sort=password.asc&page=0&size=7')).toEqual(DEFAULT_LIST_STATE);
    expect(listStateFromParams('plan=abc&page=2.5&sort=name')).toEqual({
      ...DEFAULT_LIST_STATE,
      sort: { column: 'name', direction: 'asc' },
    });
    expect(listStateFromParams('page=99999999').page).toBe(1);
    expect(listStateFromParams('q=%20%20ravi%20').query).toBe('ravi');
  });

  it('goes back to page one when the filter, sort or page size changes, not when the page does', () => {
    const onPage3 = { ...DEFAULT_LIST_STATE, query: 'ravi', page: 3 };
    expect(changeListState(onPage3, { page: 4 })).toEqual({ ...onPage3, page: 4 });
    expect(changeListState(onPage3, { status: 'all' })).toEqual({ ...onPage3, status: 'all', page: 1 });
    expect(changeListState(onPage3, { pageSize: 25 }).page).toBe(1);
    expect(changeListState(onPage3, { sort: { column: 'name', direction: 'asc' } }).page).toBe(1);
  });

  it('sorts a newly clicked column ascending, and flips a column clicked again', () => {
    expect(sortByColumn({ column: 'accountNo', direction: 'desc' }, 'name')).toEqual({
      column: 'name',
      direction: 'asc',
    });
    expect(sortByColumn({ column: 'name', direction: 'asc' }, 'name')).toEqual({ column: 'name', direction: 'desc' });
    expect(sortByColumn({ column: 'name', direction: 'desc' }, 'name')).toEqual({ column: 'name', direction: 'asc' });
  });
});

describe('links to the customer list', () => {
  it('opens the list filtered as a dashboard card counts it', () => {
    expect(customerListHref({ status: 'suspended' })).toBe('#/customers?status=suspended');
    expect(customerListHref({})).toBe('#/customers');
  });
});
