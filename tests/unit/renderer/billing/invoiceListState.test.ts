import { describe, expect, it } from 'vitest';
import { DocumentListInput } from '../../../../src-shared/contract';
import {
  changeInvoiceList,
  DEFAULT_INVOICE_LIST,
  invoiceListFromParams,
  invoiceListHref,
  invoiceListInput,
  invoiceListToParams,
  isFiltered,
} from '../../../../src-renderer/features/billing/list/invoiceListState';

describe('the Invoices list state in the address', () => {
  it('is the default for an empty or malformed query, and writes nothing for it', () => {
    expect(invoiceListFromParams('')).toEqual(DEFAULT_INVOICE_LIST);
    expect(invoiceListFromParams('kind=bill&status=lost&from=2026-02-30&to=soon&customer=-1&page=0&size=7')).toEqual(
      DEFAULT_INVOICE_LIST,
    );
    expect(invoiceListToParams(DEFAULT_INVOICE_LIST)).toBe('');
  });

  it('reads back what it writes', () => {
    const state = {
      kind: 'credit_note' as const,
      from: '2026-04-01',
      to: '2026-04-30',
      status: 'cancelled' as const,
      customerId: 42,
      number: '26-27/0004',
      page: 3,
      pageSize: 100,
    };
    const params = invoiceListToParams(state);
    expect(params).toBe(
      'kind=credit_note&from=2026-04-01&to=2026-04-30&status=cancelled&customer=42&number=26-27%2F0004&page=3&size=100',
    );
    expect(invoiceListFromParams(params)).toEqual(state);
  });

  it('goes back to page one when a filter changes, not when only the page does', () => {
    const on3 = { ...DEFAULT_INVOICE_LIST, page: 3 };
    expect(changeInvoiceList(on3, { status: 'unpaid' }).page).toBe(1);
    expect(changeInvoiceList(on3, { page: 4 }).page).toBe(4);
  });

  it('asks the back end for what the contract accepts', () => {
    const state = invoiceListFromParams('status=unpaid&number=%20042%20&page=2');
    const input = invoiceListInput(state);
    expect(input.number).toBe('042');
    expect(DocumentListInput.safeParse(input).success).toBe(true);
  });

  it('knows a filtered list from the whole one, and links to one customer', () => {
    expect(isFiltered(DEFAULT_INVOICE_LIST)).toBe(false);
    expect(isFiltered({ ...DEFAULT_INVOICE_LIST, page: 2 })).toBe(false);
    expect(isFiltered({ ...DEFAULT_INVOICE_LIST, customerId: 5 })).toBe(true);
    expect(invoiceListHref({ customerId: 5 })).toBe('#/invoices?customer=5');
    expect(invoiceListHref({})).toBe('#/invoices');
  });
});
