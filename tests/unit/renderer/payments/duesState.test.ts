// The Dues list's filters in the address, and what they ask payments.dues for.
import { describe, expect, it } from 'vitest';
import { DuesInput } from '../../../../src-shared/contract';
import {
  changeDues,
  DEFAULT_DUES,
  duesFilter,
  duesFromParams,
  duesInput,
  duesToParams,
  isDuesFiltered,
  readDueWithin,
} from '../../../../src-renderer/features/payments/dues/duesState';

describe('the dues list state', () => {
  it('reads the address, and writes what it reads with the defaults left out', () => {
    const state = duesFromParams('bucket=d31_60&suspend=1&within=14&q=asha&page=3&size=100');
    expect(state).toEqual({
      bucket: 'd31_60',
      toSuspendOnly: true,
      dueWithinDays: 14,
      search: 'asha',
      page: 3,
      pageSize: 100,
    });
    expect(duesToParams(state)).toBe('bucket=d31_60&suspend=1&within=14&q=asha&page=3&size=100');
    expect(duesToParams(DEFAULT_DUES)).toBe('');
  });

  it('takes the default for anything unknown or out of range', () => {
    expect(duesFromParams('bucket=d120&suspend=yes&within=91&page=0&size=7')).toEqual(DEFAULT_DUES);
    expect(duesFromParams('within=-1&page=abc').dueWithinDays).toBe(7);
    expect(duesFromParams('within=0').dueWithinDays).toBe(0);
  });

  it('a new filter goes back to page one; a new page keeps the filters', () => {
    const onPage3 = { ...DEFAULT_DUES, bucket: 'd0_30' as const, page: 3 };
    expect(changeDues(onPage3, { toSuspendOnly: true })).toMatchObject({
      bucket: 'd0_30',
      toSuspendOnly: true,
      page: 1,
    });
    expect(changeDues(onPage3, { page: 4 })).toMatchObject({ bucket: 'd0_30', page: 4 });
  });

  it('asks for what the channel takes; the CSV and the letters get the same filter without paging', () => {
    const state = { ...DEFAULT_DUES, bucket: 'd90_plus' as const, search: ' 98220 ', page: 2 };
    expect(DuesInput.parse(duesInput(state))).toEqual({
      dueWithinDays: 7,
      bucket: 'd90_plus',
      toSuspendOnly: false,
      search: '98220',
      page: 2,
      pageSize: 50,
    });
    expect(duesFilter(state)).toEqual({ dueWithinDays: 7, bucket: 'd90_plus', toSuspendOnly: false, search: '98220' });
  });

  it('knows when the list is narrowed, and reads the "due within" box', () => {
    expect(isDuesFiltered(DEFAULT_DUES)).toBe(false);
    expect(isDuesFiltered({ ...DEFAULT_DUES, dueWithinDays: 30 })).toBe(false);
    expect(isDuesFiltered({ ...DEFAULT_DUES, toSuspendOnly: true })).toBe(true);
    expect(readDueWithin(' 30 ')).toBe(30);
    expect(readDueWithin('0')).toBe(0);
    expect(readDueWithin('91')).toBeNull();
    expect(readDueWithin('7.5')).toBeNull();
    expect(readDueWithin('')).toBeNull();
  });
});
