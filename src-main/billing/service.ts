// Billing: runs that issue invoices, credit notes, charges beyond the plan. The rules live in
// ./rules (periods, proration, tax, numbering); this file reads and writes through ./store.
import type {
  BillingPreview,
  BillingRunResult,
  Charge,
  CustomerBilling,
  DocumentPage,
  IssuedDocument,
  ParsedInput,
} from '../../src-shared/contract';
import type { DbHandle } from '../db/connection';
import type { ReportProgress } from '../jobs/runner';
import type { PlansService } from '../plans/service';
import type { SettingsService } from '../settings/service';

export class BillingService {
  constructor(
    readonly handle: DbHandle,
    readonly settings: SettingsService,
    readonly plans: PlansService,
  ) {}

  preview(_input: ParsedInput<'billing.preview'>): BillingPreview {
    throw new Error('todo');
  }

  run(_input: ParsedInput<'billing.run'>, _jobId: number | null, _progress: ReportProgress): BillingRunResult {
    throw new Error('todo');
  }

  documents(_input: ParsedInput<'billing.documents'>): DocumentPage {
    throw new Error('todo');
  }

  document(_id: number): IssuedDocument {
    throw new Error('todo');
  }

  creditNote(_input: ParsedInput<'billing.creditNote'>): IssuedDocument {
    throw new Error('todo');
  }

  customerBilling(_customerId: number): CustomerBilling {
    throw new Error('todo');
  }

  addCharge(_input: ParsedInput<'billing.addCharge'>): { charge: Charge; invoice: IssuedDocument | null } {
    throw new Error('todo');
  }

  cancelCharge(_id: number): Charge {
    throw new Error('todo');
  }

  changePlan(_input: ParsedInput<'billing.changePlan'>): {
    creditNote: IssuedDocument | null;
    invoice: IssuedDocument | null;
  } {
    throw new Error('todo');
  }
}
