import { describe, expect, it } from 'vitest';
import { CustomerInput } from '../../../../src-shared/contract';
import {
  emptyCustomerValues,
  remapPhoneErrors,
  toCustomerInput,
} from '../../../../src-renderer/features/customers/customerFormValues';

describe('the customer form', () => {
  it('turns what was typed into a CustomerInput the contract accepts', () => {
    const values = {
      ...emptyCustomerValues(),
      name: 'Rahul Patil',
      phones: ['', '+91 98450 12345'],
      pppoeUsername: 'rahul.patil',
      pppoePassword: 'secret',
      latitude: '18.53',
      longitude: '73.84',
      billingDay: '5',
    };
    const { input, errors, phoneIndex } = toCustomerInput(values, false);
    expect(errors).toEqual({});
    expect(input).toMatchObject({
      phones: ['+91 98450 12345'],
      latitude: 18.53,
      billingDay: 5,
      pppoePassword: 'secret',
    });
    expect(phoneIndex).toEqual([1]);
    expect(CustomerInput.safeParse(input).success).toBe(true);
  });

  it('on edit a blank password keeps the current one; a static connection clears it', () => {
    const base = { ...emptyCustomerValues(), name: 'A', pppoeUsername: 'a' };
    expect('pppoePassword' in toCustomerInput(base, true).input!).toBe(false);
    expect(toCustomerInput(base, false).input!.pppoePassword).toBeNull();
    const asStatic = { ...base, connectionType: 'static' as const, staticIp: '10.0.0.2', pppoePassword: 'x' };
    expect(toCustomerInput(asStatic, true).input).toMatchObject({ pppoeUsername: null, pppoePassword: null });
  });

  it('refuses a billing day outside 1–28 and unreadable coordinates', () => {
    const values = { ...emptyCustomerValues(), name: 'A', billingDay: '31', latitude: 'north' };
    const { input, errors } = toCustomerInput(values, false);
    expect(input).toBeUndefined();
    expect(errors).toMatchObject({ billingDay: expect.any(String), latitude: expect.any(String) });
  });

  it('puts a server error on phones.N back on the input the operator typed in', () => {
    expect(remapPhoneErrors({ 'phones.0': 'bad', name: 'x' }, [2])).toEqual({ 'phones.2': 'bad', name: 'x' });
  });
});
