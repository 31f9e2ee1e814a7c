import { describe, expect, it } from 'vitest';
import { PaymentInput, RechargeInput, RefundInput, type DocumentRow } from '../../../../src-shared/contract';
import {
  amountForTicked,
  emptyPaymentValues,
  formErrorsFromServer,
  oldestFirstPreview,
  paymentInput,
  type PaymentValues,
} from '../../../../src-renderer/features/payments/counter/paymentFormValues';
import { EMPTY_RECHARGE, rechargeInput } from '../../../../src-renderer/features/payments/counter/rechargeValues';
import { emptyRefundValues, refundInput } from '../../../../src-renderer/features/payments/customer/refundValues';
import { balanceWords } from '../../../../src-renderer/features/payments/paymentText';

function invoice(id: number, outstanding: number): DocumentRow {
  return {
    id,
    kind: 'invoice',
    number: `INV/26-27/0000${id}`,
    customerId: 3,
    accountNo: 'SA-000003',
    customerName: 'Asha Kulkarni',
    issuedOn: '2026-09-01',
    dueOn: '2026-09-08',
    periodStart: '2026-09-01',
    periodEnd: '2026-09-30',
    taxable: 50_000,
    tax: 0,
    total: 50_000,
    credited: 0,
    paid: 50_000 - outstanding,
    outstanding,
    status: outstanding === 50_000 ? 'unpaid' : 'partly_paid',
  };
}

const OPEN = [invoice(11, 20_000), invoice(12, 50_000), invoice(13, 50_000)];
const TODAY = '2026-11-27';
const values = (change: Partial<PaymentValues>): PaymentValues => ({
  ...emptyPaymentValues(120_000, TODAY, 'INR'),
  ...change,
});

describe('the counter’s payment form', () => {
  it('starts with what is owed, in cash, dated today; nothing prefilled when in credit', () => {
    expect(emptyPaymentValues(120_000, TODAY, 'INR')).toMatchObject({
      amount: '1200.00',
      method: 'cash',
      receivedOn: TODAY,
      allocation: 'oldest_first',
    });
    expect(emptyPaymentValues(-5_000, TODAY, 'INR').amount).toBe('');
    expect(emptyPaymentValues(0, TODAY, 'INR').amount).toBe('');
  });

  it('makes a cash payment oldest first, in minor units, with no reference', () => {
    const parsed = paymentInput(3, values({ amount: '₹1,234.50', reference: 'ignored' }), OPEN, TODAY, 'INR', 'en-IN');
    expect(parsed.input).toEqual({
      customerId: 3,
      amount: 123_450,
      method: 'cash',
      receivedOn: TODAY,
      reference: '',
      chequeBank: '',
      chequeDate: null,
      note: '',
      allocation: { kind: 'oldest_first' },
    });
    expect(PaymentInput.safeParse(parsed.input).success).toBe(true);
  });

  it('makes a cheque with its number, bank and date, back-dated', () => {
    const parsed = paymentInput(
      3,
      values({
        method: 'cheque',
        reference: ' 004512 ',
        chequeBank: ' HDFC Bank ',
        chequeDate: '2026-11-20',
        receivedOn: '2026-11-25',
        note: ' by hand ',
      }),
      OPEN,
      TODAY,
      'INR',
      'en-IN',
    );
    expect(parsed.input).toMatchObject({
      method: 'cheque',
      reference: '004512',
      chequeBank: 'HDFC Bank',
      chequeDate: '2026-11-20',
      receivedOn: '2026-11-25',
      note: 'by hand',
    });
    expect(PaymentInput.safeParse(parsed.input).success).toBe(true);
  });

  it('says under each field what is missing or wrong', () => {
    const blank = paymentInput(3, values({ amount: '', method: 'upi' }), OPEN, TODAY, 'INR', 'en-IN');
    expect(blank.errors).toEqual({ amount: 'Type the amount received', reference: 'Type the UPI transaction id' });
    const cheque = paymentInput(3, values({ method: 'cheque' }), OPEN, TODAY, 'INR', 'en-IN');
    expect(Object.keys(cheque.errors ?? {})).toEqual(['reference', 'chequeBank']);
    expect(paymentInput(3, values({ amount: '0' }), OPEN, TODAY, 'INR', 'en-IN').errors).toHaveProperty('amount');
    expect(paymentInput(3, values({ amount: '12.345' }), OPEN, TODAY, 'INR', 'en-IN').errors?.amount).toMatch(
      /decimal places/,
    );
    expect(paymentInput(3, values({ receivedOn: '2026-11-28' }), OPEN, TODAY, 'INR', 'en-IN').errors).toHaveProperty(
      'receivedOn',
    );
    expect(
      paymentInput(3, values({ method: 'gateway', reference: 'pay 123' }), OPEN, TODAY, 'INR', 'en-IN').errors,
    ).toHaveProperty('reference');
  });

  it('puts the money on chosen invoices, refusing more than one owes or more than was received', () => {
    const chosen = paymentInput(
      3,
      values({ amount: '600', allocation: 'chosen', chosen: { 13: '500', 11: '100' } }),
      OPEN,
      TODAY,
      'INR',
      'en-IN',
    );
    // In the table's order (oldest first), whatever order they were ticked in.
    expect(chosen.input?.allocation).toEqual({
      kind: 'chosen',
      invoices: [
        { invoiceId: 11, amount: 10_000 },
        { invoiceId: 13, amount: 50_000 },
      ],
    });
    expect(PaymentInput.safeParse(chosen.input).success).toBe(true);

    const tooMuchOnOne = paymentInput(
      3,
      values({ allocation: 'chosen', chosen: { 11: '300' } }),
      OPEN,
      TODAY,
      'INR',
      'en-IN',
    );
    expect(tooMuchOnOne.errors).toEqual({ 'chosen.11': 'only 200.00 is left to pay on it' });
    const overTheAmount = paymentInput(
      3,
      values({ amount: '100', allocation: 'chosen', chosen: { 12: '500' } }),
      OPEN,
      TODAY,
      'INR',
      'en-IN',
    );
    expect(overTheAmount.errors?.allocation).toMatch(/500\.00, more than the 100\.00 received/);
    const none = paymentInput(3, values({ allocation: 'chosen', chosen: {} }), OPEN, TODAY, 'INR', 'en-IN');
    expect(none.errors).toHaveProperty('allocation');
    const blankRow = paymentInput(3, values({ allocation: 'chosen', chosen: { 12: '' } }), OPEN, TODAY, 'INR', 'en-IN');
    expect(blankRow.errors).toEqual({ 'chosen.12': 'Type an amount, or untick the invoice' });
  });

  it('previews oldest first as the back end allocates: the rest is credit', () => {
    const partial = oldestFirstPreview(OPEN, 30_000);
    expect([...partial.onInvoices]).toEqual([
      [11, 20_000],
      [12, 10_000],
    ]);
    expect(partial.credit).toBe(0);
    const over = oldestFirstPreview(OPEN, 150_000);
    expect([...over.onInvoices.values()]).toEqual([20_000, 50_000, 50_000]);
    expect(over.credit).toBe(30_000);
    expect(oldestFirstPreview([], 10_000).credit).toBe(10_000);
  });

  it('fills a ticked invoice with what it owes, or with what is left of the amount', () => {
    const v = values({ amount: '600', allocation: 'chosen', chosen: { 11: '200' } });
    expect(amountForTicked(OPEN[1]!, v, OPEN, 'INR', 'en-IN')).toBe('400.00');
    expect(amountForTicked(OPEN[1]!, values({ amount: '900' }), OPEN, 'INR', 'en-IN')).toBe('500.00');
    expect(amountForTicked(OPEN[1]!, values({ amount: '200', chosen: { 11: '200' } }), OPEN, 'INR', 'en-IN')).toBe('');
    expect(amountForTicked(OPEN[1]!, values({ amount: 'abc' }), OPEN, 'INR', 'en-IN')).toBe('500.00');
  });

  it('puts a refused chosen invoice’s error on its row', () => {
    expect(
      formErrorsFromServer(
        { 'allocation.invoices.1': 'INV/26-27/00013 has nothing left to pay', reference: 'already recorded' },
        [11, 13],
      ),
    ).toEqual({ 'chosen.13': 'INV/26-27/00013 has nothing left to pay', reference: 'already recorded' });
    expect(formErrorsFromServer({ allocation: 'too much' }, [])).toEqual({ allocation: 'too much' });
  });
});

describe('the recharge and refund forms', () => {
  it('recharges periods of their plan or another, by UPI', () => {
    const parsed = rechargeInput(
      3,
      { ...EMPTY_RECHARGE, planId: '7', periods: 3, amount: '1,500', method: 'upi', reference: '412345678901' },
      'INR',
      'en-IN',
    );
    expect(parsed.input).toEqual({
      customerId: 3,
      planId: 7,
      periods: 3,
      method: 'upi',
      amount: 150_000,
      reference: '412345678901',
      chequeBank: '',
      chequeDate: null,
      note: '',
    });
    expect(RechargeInput.safeParse(parsed.input).success).toBe(true);
    expect(rechargeInput(3, { ...EMPTY_RECHARGE, amount: '499' }, 'INR', 'en-IN').input?.planId).toBeNull();
    expect(rechargeInput(3, { ...EMPTY_RECHARGE, method: 'upi' }, 'INR', 'en-IN').errors).toEqual({
      amount: 'Type the amount received',
      reference: 'Type the UPI transaction id',
    });
    expect(rechargeInput(3, { ...EMPTY_RECHARGE, amount: '1', periods: 13 }, 'INR', 'en-IN').errors).toHaveProperty(
      'periods',
    );
  });

  it('refunds at most the credit, with a reason', () => {
    expect(emptyRefundValues(30_000, 'INR').amount).toBe('300.00');
    const parsed = refundInput(
      3,
      30_000,
      { ...emptyRefundValues(30_000, 'INR'), reason: ' closing the account ' },
      'INR',
      'en-IN',
    );
    expect(parsed.input).toEqual({
      customerId: 3,
      amount: 30_000,
      method: 'cash',
      reference: '',
      reason: 'closing the account',
    });
    expect(RefundInput.safeParse(parsed.input).success).toBe(true);
    const tooMuch = refundInput(
      3,
      30_000,
      { amount: '300.01', method: 'bank', reference: '', reason: 'x' },
      'INR',
      'en-IN',
    );
    expect(tooMuch.errors).toEqual({ amount: 'at most the credit, 300.00' });
    expect(
      refundInput(3, 30_000, { amount: '10', method: 'cash', reference: '', reason: ' ' }, 'INR', 'en-IN').errors,
    ).toHaveProperty('reason');
  });

  it('says a balance in words', () => {
    const money = (minor: number) => `₹${(minor / 100).toFixed(2)}`;
    expect(balanceWords(50_000, money)).toBe('Owes ₹500.00');
    expect(balanceWords(-30_000, money)).toBe('In credit ₹300.00');
    expect(balanceWords(0, money)).toBe('Nothing owed');
  });
});
