// The layouts of a few common statements (resources/statements/README.md), offered when the
// operator maps a new bank: pick one and the columns are filled in, as that bank names them.
import type { StatementSource } from '../../../../src-shared/contract';

export type StatementLayout = StatementSource['mapping'];

export const BLANK_LAYOUT: StatementLayout = {
  date: '',
  dateFormat: 'dmy',
  amount: '',
  credit: '',
  debit: '',
  reference: '',
  narration: '',
  payer: '',
  method: 'bank',
  skipLines: 0,
};

export interface StatementPreset {
  id: string;
  /** Shown in the list, and the name the layout is saved under unless changed. */
  name: string;
  mapping: StatementLayout;
}

export const STATEMENT_PRESETS: StatementPreset[] = [
  {
    id: 'sbi',
    name: 'SBI',
    mapping: {
      ...BLANK_LAYOUT,
      date: 'Txn Date',
      credit: 'Credit',
      debit: 'Debit',
      reference: 'Ref No./Cheque No.',
      narration: 'Description',
    },
  },
  {
    id: 'hdfc',
    name: 'HDFC Bank',
    mapping: {
      ...BLANK_LAYOUT,
      date: 'Date',
      credit: 'Deposit Amt.',
      debit: 'Withdrawal Amt.',
      reference: 'Chq./Ref.No.',
      narration: 'Narration',
      skipLines: 5,
    },
  },
  {
    id: 'icici',
    name: 'ICICI Bank',
    mapping: {
      ...BLANK_LAYOUT,
      date: 'Transaction Date',
      amount: 'Amount (INR)',
      reference: 'Cheque Number',
      narration: 'Transaction Remarks',
    },
  },
  {
    id: 'razorpay',
    name: 'Razorpay settlements',
    mapping: {
      ...BLANK_LAYOUT,
      date: 'created_at',
      dateFormat: 'ymd',
      amount: 'amount',
      reference: 'entity_id',
      narration: 'description',
      payer: 'contact',
      method: 'gateway',
    },
  },
];
