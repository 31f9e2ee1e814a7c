import { describe, expect, it } from 'vitest';
import { CustomerInput, type Customer } from '../../../../src-shared/contract';
import {
  customerValues,
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

  it('sends GSTIN, place of supply and billing start; blanks leave them to the server’s defaults', () => {
    const base = { ...emptyCustomerValues('2026-04-01'), name: 'A', pppoeUsername: 'a' };
    expect(base).toMatchObject({ gstin: '', placeOfSupply: null, billingStartOn: '' });
    const blank = toCustomerInput(base, false).input!;
    expect(CustomerInput.parse(blank)).toMatchObject({ gstin: null, placeOfSupply: null, billingStartOn: null });
    const filled = toCustomerInput(
      { ...base, gstin: '27aabcs1234f1zr', placeOfSupply: '27', billingStartOn: '2026-04-05' },
      false,
    ).input!;
    expect(CustomerInput.parse(filled)).toMatchObject({
      gstin: '27AABCS1234F1ZR',
      placeOfSupply: '27',
      billingStartOn: '2026-04-05',
    });
  });

  it('an edit starts from the customer as shown and sends it back unchanged', () => {
    const customer: Customer = {
      id: 7,
      accountNo: 'WD-000007',
      name: 'Asha Traders',
      phones: ['098220 12345', '+44 20 7946 0958'],
      email: null,
      address: '',
      latitude: null,
      longitude: null,
      idProof: '',
      notes: '',
      status: 'active',
      connectionType: 'pppoe',
      pppoeUsername: 'asha',
      hasPppoePassword: true,
      staticIp: null,
      macAddress: null,
      cpeModel: '',
      accessPoint: '',
      planId: null,
      planName: null,
      billingDay: 1,
      installedOn: '2026-03-30',
      gstin: '27AABCS1234F1ZR',
      placeOfSupply: '27',
      billingStartOn: '2026-04-01',
      statusChangedAt: '2026-03-30T10:00:00.000Z',
      statusReason: '',
      createdAt: '2026-03-30T10:00:00.000Z',
      updatedAt: '2026-03-30T10:00:00.000Z',
    };
    const values = customerValues(customer);
    expect(values).toMatchObject({ gstin: '27AABCS1234F1ZR', placeOfSupply: '27', billingStartOn: '2026-04-01' });
    const input = CustomerInput.parse(toCustomerInput(values, true).input);
    expect(input).toMatchObject({
      phones: ['098220 12345', '+44 20 7946 0958'],
      gstin: '27AABCS1234F1ZR',
      placeOfSupply: '27',
      billingStartOn: '2026-04-01',
    });
  });

  it('puts a server error on phones.N back on the input the operator typed in', () => {
    expect(remapPhoneErrors({ 'phones.0': 'bad', name: 'x' }, [2])).toEqual({ 'phones.2': 'bad', name: 'x' });
  });

  it('an edit’s errors come under "customer." (customers.update wraps the input): they go on the fields too', () => {
    expect(remapPhoneErrors({ 'customer.gstin': 'check character', 'customer.phones.1': 'bad' }, [0, 3])).toEqual({
      gstin: 'check character',
      'phones.3': 'bad',
    });
  });
});
