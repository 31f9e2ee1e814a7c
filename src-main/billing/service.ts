// Billing: runs that issue invoices, credit notes, charges beyond the plan. The rules live in
// ./rules (periods, proration, tax) and ./engine (what a run issues); this file gathers the
// facts through ./store, numbers and writes the documents, each in one transaction.
import {
  PREVIEW_SHOWN,
  documentNumber,
  type BillingPreview,
  type BillingRunResult,
  type Charge,
  type CustomerBilling,
  type DocumentLine,
  type DocumentPage,
  type DocumentParties,
  type IssuedDocument,
  type ParsedInput,
  type PreviewInvoice,
  type PreviewWarning,
  type Settings,
} from '../../src-shared/contract';
import { addDays, addMonths, daysBetween, financialYearOf, type IsoDate } from '../../src-shared/dates';
import { AppError } from '../../src-shared/errors';
import { gstStateName } from '../../src-shared/gstStates';
import { formatMoney, minorDigits, mulDivHalfUp } from '../../src-shared/money';
import { phoneDisplay } from '../../src-shared/phones';
import type { DbHandle } from '../db/connection';
import { peekSequence, takeFromSequence } from '../db/sequences';
import type { CustomersService } from '../customers/service';
import type { ReportProgress } from '../jobs/runner';
import type { PlansService } from '../plans/service';
import type { SettingsService } from '../settings/service';
import {
  periodLines,
  planInvoices,
  priceLines,
  totalsOf,
  type BillingRules,
  type CustomerFacts,
  type PlannedInvoice,
  type PricedDocument,
} from './engine';
import { daysIn, PERIOD_MONTHS, periodContaining } from './rules/periods';
import { taxOnTaxable, type TaxRegime } from './rules/tax';
import type { Status } from './rules/timeline';
import { BillingStore, type BillableCustomer, type ChargeRow, type LineRow, type NewDocument } from './store';

/** A run may look this far ahead of today, and this far back. */
const RUN_DAYS_AHEAD = 366;
const RUN_YEARS_BACK = 10;

type PricedInvoice = PlannedInvoice & { priced: PricedDocument };

export interface PricedRecharge {
  customer: BillableCustomer;
  plan: { id: number; name: string };
  start: IsoDate;
  end: IsoDate;
  planned: { planId: number | null; chargeId: number | null; lateFeeFor: number | null }[];
  priced: PricedDocument;
}

/** What payments do when billing issues or credits (set by the app: src-main/payments). */
export interface LedgerHooks {
  /** Customers with credit (money paid and on no invoice), for a run to apply. */
  credits(): Map<number, number>;
  /** A new invoice takes what it can of the customer's credit; returns how much. */
  invoiceIssued(customerId: number, invoiceId: number, on: IsoDate): number;
  /** Before a credit note takes `amount` off an invoice: payments beyond what will be left go back to credit. */
  beforeCredit(invoiceId: number, amount: number, on: IsoDate): void;
}

const NO_LEDGER: LedgerHooks = { credits: () => new Map(), invoiceIssued: () => 0, beforeCredit: () => {} };

export class BillingService {
  readonly store: BillingStore;
  ledgerHooks: LedgerHooks = NO_LEDGER;

  constructor(
    readonly handle: DbHandle,
    readonly settings: SettingsService,
    readonly plans: PlansService,
    private readonly customers: CustomersService,
  ) {
    this.store = new BillingStore(handle.sqlite);
  }

  /** Refuses a run date far from today (a typo such as 2062 for 2026) before any work starts. */
  checkRunDate(asOf: IsoDate): void {
    const today = this.settings.today();
    const ahead = daysBetween(today, asOf);
    if (ahead > RUN_DAYS_AHEAD || asOf < addDays(today, -RUN_YEARS_BACK * 366)) {
      const why = `must be within ${RUN_YEARS_BACK} years before and a year after today (${today})`;
      throw new AppError('validation', `The run date ${asOf} ${why}`, {
        field: 'asOf',
        issues: [{ path: ['asOf'], message: why }],
      });
    }
  }

  preview(input: ParsedInput<'billing.preview'>): BillingPreview {
    const byRate = new Map<number, { taxable: number; tax: number; total: number }>();
    const shown: PreviewInvoice[] = [];
    let invoiceCount = 0;
    let catchUpCount = 0;
    let taxable = 0;
    let tax = 0;
    let total = 0;
    let customers = 0;
    const warnings = this.plan(input, (customer, invoices) => {
      customers++;
      for (const invoice of invoices) {
        invoiceCount++;
        if (invoice.catchUp) catchUpCount++;
        taxable += invoice.priced.taxable;
        tax += invoice.priced.tax;
        total += invoice.priced.total;
        for (const l of invoice.priced.lines) {
          const sum = byRate.get(l.taxRateBps) ?? { taxable: 0, tax: 0, total: 0 };
          sum.taxable += l.taxable;
          sum.tax += l.cgst + l.sgst + l.igst + l.vat;
          sum.total += l.total;
          byRate.set(l.taxRateBps, sum);
        }
        if (shown.length < PREVIEW_SHOWN) {
          shown.push({
            customerId: customer.id,
            accountNo: customer.accountNo,
            name: customer.name,
            periodStart: invoice.periodStart,
            periodEnd: invoice.periodEnd,
            catchUp: invoice.catchUp,
            lines: invoice.priced.lines,
            taxable: invoice.priced.taxable,
            tax: invoice.priced.tax,
            roundOff: invoice.priced.roundOff,
            total: invoice.priced.total,
          });
        }
      }
    });
    return {
      asOf: input.asOf,
      customers,
      invoiceCount,
      catchUpCount,
      taxable,
      tax,
      total,
      byRate: [...byRate.entries()].sort(([a], [b]) => a - b).map(([taxRateBps, sum]) => ({ taxRateBps, ...sum })),
      warnings,
      invoices: shown,
    };
  }

  /**
   * Issues a run's invoices in one transaction: a power cut or a kill leaves all of them or
   * none, and no number is taken that is not used. Running the same date again finds every
   * period billed and issues nothing.
   */
  run(input: ParsedInput<'billing.run'>, jobId: number | null, progress: ReportProgress): BillingRunResult {
    return this.handle.sqlite
      .transaction(() => {
        const settings = this.settings.get();
        const fy = financialYearOf(input.asOf, settings.fyStartMonth);
        const series = `invoice:${fy.label}`;
        // Numbered as written, then exactly the numbers used are taken, in this transaction:
        // a kill anywhere before the commit leaves neither invoices nor a gap.
        const first = peekSequence(this.handle.sqlite, series);
        const balances = this.store.balances();
        const credits = this.ledgerHooks.credits();
        const seller = JSON.stringify(sellerOf(settings));
        const createdAt = new Date().toISOString();
        const dueOn = addDays(input.asOf, settings.dueDays);
        const result: BillingRunResult = {
          jobId,
          asOf: input.asOf,
          invoiceCount: 0,
          customers: 0,
          total: 0,
          firstNumber: null,
          lastNumber: null,
        };
        const total = this.store.customerCount(input.scope);
        let seen = 0;
        this.plan(input, (customer, invoices) => {
          result.customers++;
          let balance = balances.get(customer.id) ?? 0;
          const parties = JSON.stringify(buyerPartOf(settings, customer));
          for (const invoice of invoices) {
            const seq = first + result.invoiceCount;
            const number = documentNumber(settings.invoicePrefix, fy.label, seq, settings.invoiceDigits);
            const id = this.store.insertDocument(
              {
                kind: 'invoice',
                number,
                fy: fy.label,
                seq,
                customerId: customer.id,
                issuedOn: input.asOf,
                dueOn,
                periodStart: invoice.periodStart,
                periodEnd: invoice.periodEnd,
                periodKey: invoice.periodKey,
                source: 'run',
                jobId,
                invoiceId: null,
                reason: '',
                ...amountsOf(invoice.priced),
                status: 'unpaid',
                previousBalance: balance,
                seller,
                snapshot: parties,
                lines: invoice.priced.lines.map((l, i) => ({ ...l, ...refsOf(invoice.lines[i]!) })),
              },
              createdAt,
            );
            const oneTime = invoice.lines.filter((l) => l.kind === 'one_time' && l.chargeId !== null);
            if (oneTime.length)
              this.store.markChargesBilled(
                oneTime.map((l) => l.chargeId!),
                id,
              );
            balance += invoice.priced.total;
            const credit = credits.get(customer.id) ?? 0;
            if (credit > 0)
              credits.set(customer.id, credit - this.ledgerHooks.invoiceIssued(customer.id, id, input.asOf));
            result.total += invoice.priced.total;
            result.invoiceCount++;
            result.firstNumber ??= number;
            result.lastNumber = number;
          }
          if (++seen % 500 === 0) progress(seen, total);
        });
        if (result.invoiceCount > 0 && takeFromSequence(this.handle.sqlite, series, result.invoiceCount) !== first) {
          throw new Error(`the ${series} numbers moved during the run`);
        }
        progress(total, total);
        return result;
      })
      .immediate();
  }

  /**
   * Who a run covers and what it would issue each of them (handed to `visit` one customer at a
   * time, so 50,000 customers are never all in memory at once), with the warnings to show.
   */
  private plan(
    input: ParsedInput<'billing.run'>,
    visit: (customer: BillableCustomer, invoices: PricedInvoice[]) => void,
  ): PreviewWarning[] {
    const settings = this.settings.get();
    const { scope, asOf } = input;
    const customers = this.store.customersIn(scope);
    if (scope.kind === 'customer' && customers.length === 0) {
      const exists = this.store.customer(scope.customerId);
      if (!exists) throw new AppError('not_found', `There is no customer with id ${scope.customerId}`);
      if (exists.billingMode === 'prepaid' && exists.status !== 'archived') {
        throw new AppError(
          'validation',
          `${exists.accountNo} ${exists.name} is prepaid: a recharge at the counter bills their service`,
        );
      }
      throw new AppError(
        'customer_archived',
        `${exists.accountNo} ${exists.name} is archived: archived customers are never billed`,
      );
    }
    const single = scope.kind === 'customer' ? scope.customerId : null;
    const timelines = this.store.timelines(scope, customers);
    const billed =
      single !== null
        ? new Map([[single, this.store.billedThroughFor(single)]].filter(([, v]) => v !== null) as [number, string][])
        : this.store.billedThrough();
    const charges = this.store.openCharges(single);
    const overdue = settings.lateFeeMode === 'none' ? new Map() : this.store.overdue(asOf, single);
    const rules = this.rules(settings, asOf);
    const tax = this.taxOptions(settings);
    const warnings: PreviewWarning[] = [];
    for (const customer of customers) {
      const warning = this.warningFor(customer, settings, rules);
      if (warning) warnings.push(warning);
      const facts: CustomerFacts = {
        id: customer.id,
        billingDay: customer.billingDay,
        billingStartOn: customer.billingStartOn,
        timeline: timelines.get(customer.id)!,
        billedThrough: billed.get(customer.id) ?? null,
        charges: charges.get(customer.id) ?? [],
        overdue: overdue.get(customer.id) ?? [],
      };
      const planned = planInvoices(facts, rules);
      if (planned.length === 0) continue;
      const regime = regimeOf(settings, customer).regime;
      visit(
        customer,
        planned.map((invoice) => ({ ...invoice, priced: priceLines(invoice.lines, { ...tax, regime }) })),
      );
    }
    return warnings;
  }

  private warningFor(customer: BillableCustomer, settings: Settings, rules: BillingRules): PreviewWarning | null {
    if (customer.status !== 'active') return null;
    const base = { customerId: customer.id, accountNo: customer.accountNo, name: customer.name };
    const plan = customer.planId === null ? undefined : rules.plans.get(customer.planId);
    if (!plan) return { ...base, problem: 'no_plan', message: 'has no plan: not billed until one is chosen' };
    if (plan.status === 'retired') {
      return {
        ...base,
        problem: 'retired_plan',
        message: `is on the retired plan ${plan.name}: billed, but move them to a current plan`,
      };
    }
    if (plan.priceMinor === 0)
      return { ...base, problem: 'zero_price', message: `is on ${plan.name}, priced at zero: nothing billed` };
    if (settings.taxMode === 'gst' && !settings.stateCode && !customer.placeOfSupply && !customer.gstin) {
      return {
        ...base,
        problem: 'no_place_of_supply',
        message: 'has no place of supply, and the company has no GST state: set one in Settings or on the customer',
      };
    }
    return null;
  }

  private rules(settings: Settings, asOf: IsoDate): BillingRules {
    return {
      asOf,
      timing: settings.billingTiming,
      firstInvoice: settings.firstInvoice,
      sacCode: settings.sacCode,
      lateFee: {
        mode: settings.lateFeeMode,
        minor: settings.lateFeeMinor,
        bps: settings.lateFeeBps,
        graceDays: settings.lateFeeGraceDays,
      },
      plans: this.store.plans(),
    };
  }

  private taxOptions(settings: Settings) {
    return {
      inclusive: settings.pricesIncludeTax,
      roundOff: settings.roundOff,
      minorDigits: minorDigits(settings.currency),
    };
  }

  // ---- Changes during a period (billing in advance) ----

  /**
   * A status change's part in billing, in the status change's transaction. Billing in advance:
   * a suspension or disconnection within a billed period gets a credit note for the days not
   * served (when the setting is on); coming back within a billed period, an invoice for its rest.
   * In arrears, the run counts the active days itself.
   */
  statusChanged(customerId: number, from: Status, to: Status, on: IsoDate): void {
    const settings = this.settings.get();
    if (settings.billingTiming !== 'advance') return;
    // Prepaid service is bought ahead at the counter: a pause neither refunds nor bills it.
    if (this.store.customer(customerId)?.billingMode === 'prepaid') return;
    if (from === 'active' && to !== 'active' && settings.creditSuspendedDays) {
      this.creditDaysFrom(
        customerId,
        on,
        `${to === 'archived' ? 'Archived' : to === 'suspended' ? 'Suspended' : 'Disconnected'} from ${on}: days not served`,
      );
    }
    if (to === 'active' && from !== 'active') this.billRestOfPeriod(customerId, on, 'Reconnected');
  }

  /** The date a plan change from the customer form takes effect: the customer's next period. */
  nextPeriodStart(customerId: number): IsoDate {
    const today = this.settings.today();
    const customer = this.store.customer(customerId);
    const billedThrough = this.store.billedThroughFor(customerId);
    if (billedThrough && billedThrough >= today) return addDays(billedThrough, 1);
    if (!customer || customer.planId === null || !customer.billingStartOn || customer.billingStartOn > today)
      return today;
    const plan = this.store.plans().get(customer.planId);
    const months = plan ? PERIOD_MONTHS[plan.billingPeriod] : 1;
    return addDays(periodContaining(today, customer.billingDay, months).end, 1);
  }

  /**
   * Credits the days from `date` to the end of each billed line that covers it (plan, add-ons,
   * discounts), one credit note per invoice, each line's share prorated by its own days.
   */
  private creditDaysFrom(customerId: number, date: IsoDate, reason: string): IssuedDocument | null {
    const lines = this.store.linesCovering(customerId, date);
    if (lines.length === 0) return null;
    const credited = this.store.creditedLines(lines.map((l) => l.id));
    let issued: IssuedDocument | null = null;
    const byDocument = new Map<number, typeof lines>();
    for (const l of lines) {
      // Days already credited (an earlier suspension) are not credited twice.
      if (credited.some((c) => c.creditsLineId === l.id && c.spanEnd! >= date)) continue;
      const list = byDocument.get(l.documentId) ?? [];
      list.push(l);
      byDocument.set(l.documentId, list);
    }
    for (const [documentId, docLines] of byDocument) {
      const invoice = this.document(documentId);
      const regime = regimeOfParties(invoice.parties);
      const creditLines = docLines.map((l) => {
        const span = { start: l.spanStart!, end: l.spanEnd! };
        const off = { start: date, end: l.spanEnd! };
        const whole = daysIn(span) === daysIn(off);
        const amounts = whole
          ? { taxable: l.taxable, cgst: l.cgst, sgst: l.sgst, igst: l.igst, vat: l.vat, total: l.total }
          : taxOnTaxable(mulDivHalfUp(l.taxable, daysIn(off), daysIn(span)), l.taxRateBps, regime);
        return {
          ...lineOf(l),
          description: `${l.description.replace(/ \(\d+ of \d+ days\)$/, '')}: ${daysIn(off)} days not served`,
          spanStart: off.start,
          spanEnd: off.end,
          ...amounts,
          creditsLineId: l.id,
        };
      });
      const totals = this.withRestOfRoundOff(invoice, creditLines, totalsOf(creditLines, null));
      if (totals.total <= 0 || totals.total > invoice.total - invoice.credited) continue;
      issued = this.issueCreditNote(invoice, creditLines, totals, reason, 'change');
    }
    return issued;
  }

  /**
   * After a reconnection or a plan change "now" within a period already billed: an invoice for
   * the rest of it, at the plan from `date`, prorated against the whole period.
   */
  private billRestOfPeriod(customerId: number, date: IsoDate, reason: string): IssuedDocument | null {
    const billedThrough = this.store.billedThroughFor(customerId);
    if (!billedThrough || billedThrough < date) return null; // not billed yet: the next run bills it
    const covered = this.store.linesCovering(customerId, date).filter((l) => l.kind === 'plan');
    const credited = this.store.creditedLines(covered.map((l) => l.id));
    if (covered.some((l) => !credited.some((c) => c.creditsLineId === l.id && c.spanStart! <= date))) return null;
    const customer = this.store.customer(customerId)!;
    const settings = this.settings.get();
    const rules = this.rules(settings, date);
    const timeline = this.store.timelines({ kind: 'customer', customerId }, [customer]).get(customerId)!;
    const plan = rules.plans.get(timeline.planOn(date) ?? -1);
    if (!plan) return null;
    const whole = periodContaining(date, customer.billingDay, PERIOD_MONTHS[plan.billingPeriod]);
    const end = whole.end < billedThrough ? whole.end : billedThrough;
    const facts: CustomerFacts = {
      id: customerId,
      billingDay: customer.billingDay,
      billingStartOn: customer.billingStartOn,
      timeline,
      billedThrough,
      charges: this.store.openCharges(customerId).get(customerId) ?? [],
      overdue: [],
    };
    const planned = periodLines(facts, rules, { start: date, end }, whole);
    if (!planned.some((l) => l.amount !== 0)) return null;
    const priced = priceLines(planned, { ...this.taxOptions(settings), regime: regimeOf(settings, customer).regime });
    return this.issueInvoice(customer, priced, planned, {
      periodStart: date,
      periodEnd: end,
      reason,
      source: 'change',
    });
  }

  changePlan(input: ParsedInput<'billing.changePlan'>): {
    creditNote: IssuedDocument | null;
    invoice: IssuedDocument | null;
  } {
    return this.handle.sqlite
      .transaction(() => {
        const customer = this.requireBillable(input.customerId);
        if (customer.planId === input.planId) {
          throw new AppError('validation', `${customer.accountNo} ${customer.name} is already on this plan`, {
            field: 'planId',
          });
        }
        const plan = this.plans.requireAssignable(input.planId, customer.planId);
        if (input.when === 'next_period') {
          this.customers.setPlan(customer.id, input.planId, this.nextPeriodStart(customer.id), 'next_period');
          return { creditNote: null, invoice: null };
        }
        const today = this.settings.today();
        this.customers.setPlan(customer.id, input.planId, today, 'now');
        if (this.settings.get().billingTiming !== 'advance') return { creditNote: null, invoice: null };
        const creditNote = this.creditDaysFrom(customer.id, today, `Plan changed to ${plan.name} from ${today}`);
        const invoice = this.billRestOfPeriod(customer.id, today, `Plan changed to ${plan.name}`);
        return { creditNote, invoice };
      })
      .immediate();
  }

  // ---- Prepaid ----

  /** What `periods` of a plan from `start` cost, priced and taxed like any invoice (writes nothing). */
  priceRecharge(customerId: number, planId: number, periods: number, start: IsoDate): PricedRecharge {
    const customer = this.requireBillable(customerId);
    const plan = this.store.plans().get(planId);
    if (!plan) throw new AppError('not_found', `There is no plan with id ${planId}`);
    const settings = this.settings.get();
    const months = PERIOD_MONTHS[plan.billingPeriod] * periods;
    const end = addDays(addMonths(start, months), -1);
    const planned = [
      {
        kind: 'plan' as const,
        description: `${plan.name}, prepaid for ${months === 1 ? 'a month' : `${months} months`}`,
        sacCode: settings.sacCode,
        spanStart: start,
        spanEnd: end,
        quantity: periods,
        rate: plan.priceMinor,
        amount: plan.priceMinor * periods,
        taxRateBps: plan.taxRateBps,
        planId: plan.id,
        chargeId: null,
        lateFeeFor: null,
      },
    ];
    const priced = priceLines(planned, { ...this.taxOptions(settings), regime: regimeOf(settings, customer).regime });
    return { customer, plan: { id: plan.id, name: plan.name }, start, end, planned, priced };
  }

  /** A prepaid recharge's invoice, paid at once by the payment recorded with it (src-main/payments). */
  issueRecharge(recharge: PricedRecharge): IssuedDocument {
    return this.issueInvoice(recharge.customer, recharge.priced, recharge.planned, {
      periodStart: recharge.start,
      periodEnd: recharge.end,
      reason: 'Prepaid recharge',
      source: 'recharge',
      periodKey: recharge.start,
    });
  }

  // ---- Charges beyond the plan ----

  addCharge(input: ParsedInput<'billing.addCharge'>): { charge: Charge; invoice: IssuedDocument | null } {
    return this.handle.sqlite
      .transaction(() => {
        const customer = this.requireBillable(input.customerId);
        const settings = this.settings.get();
        const startsOn = input.startsOn ?? this.settings.today();
        if (input.endsOn && input.endsOn < startsOn) {
          throw new AppError('validation', 'The end date is before the start', {
            field: 'endsOn',
            issues: [{ path: ['endsOn'], message: 'must not be before the start' }],
          });
        }
        const id = this.store.insertCharge({
          customer_id: customer.id,
          kind: input.kind,
          description: input.description,
          amount_minor: input.amount,
          percent_bps: input.percentBps,
          sac_code: input.sacCode,
          tax_rate_bps: input.taxRateBps,
          starts_on: startsOn,
          ends_on: input.endsOn,
          created_at: new Date().toISOString(),
        });
        let invoice: IssuedDocument | null = null;
        if (input.billNow) {
          const planned = [
            {
              kind: 'one_time' as const,
              description: input.description,
              sacCode: input.sacCode || settings.sacCode,
              spanStart: null,
              spanEnd: null,
              quantity: 1,
              rate: input.amount,
              amount: input.amount,
              taxRateBps: input.taxRateBps,
              planId: null,
              chargeId: id,
              lateFeeFor: null,
            },
          ];
          const priced = priceLines(planned, {
            ...this.taxOptions(settings),
            regime: regimeOf(settings, customer).regime,
          });
          invoice = this.issueInvoice(customer, priced, planned, {
            periodStart: null,
            periodEnd: null,
            reason: '',
            source: 'charge',
          });
          this.store.markChargesBilled([id], invoice.id);
        }
        return { charge: this.charge(id), invoice };
      })
      .immediate();
  }

  cancelCharge(id: number): Charge {
    return this.handle.sqlite
      .transaction(() => {
        const row = this.store.chargeRow(id);
        if (!row) throw new AppError('not_found', `There is no charge with id ${id}`);
        if (row.cancelled_at) throw new AppError('validation', `"${row.description}" is already cancelled`);
        if (row.billed_invoice_id !== null) {
          throw new AppError(
            'validation',
            `"${row.description}" was billed on ${row.billed_number}: issue a credit note on that invoice instead`,
          );
        }
        this.store.cancelCharge(id, new Date().toISOString());
        return this.charge(id);
      })
      .immediate();
  }

  private charge(id: number): Charge {
    return toCharge(this.store.chargeRow(id)!);
  }

  // ---- Credit notes ----

  /**
   * A credit note reduces or cancels an invoice, never by more than what is left of it: the
   * rest (every line's remaining amounts, so the invoice ends cancelled) or chosen lines by
   * their taxable value, taxed like the line.
   */
  creditNote(input: ParsedInput<'billing.creditNote'>): IssuedDocument {
    return this.handle.sqlite
      .transaction(() => {
        const invoice = this.document(input.invoiceId);
        if (invoice.kind !== 'invoice')
          throw new AppError('validation', `${invoice.number} is a credit note: credit the invoice itself`);
        if (invoice.status === 'cancelled') {
          throw new AppError('validation', `${invoice.number} is cancelled: nothing is left to credit`);
        }
        const left = invoice.total - invoice.credited;
        const lines = this.store.lines(invoice.id);
        const credited = this.store.creditedLines(lines.map((l) => l.id));
        const remaining = (l: LineRow) => {
          const taken = credited.filter((c) => c.creditsLineId === l.id);
          const sum = (k: 'taxable' | 'cgst' | 'sgst' | 'igst' | 'vat' | 'total') =>
            l[k] - taken.reduce((n, c) => n + c[k], 0);
          return {
            taxable: sum('taxable'),
            cgst: sum('cgst'),
            sgst: sum('sgst'),
            igst: sum('igst'),
            vat: sum('vat'),
            total: sum('total'),
          };
        };
        let creditLines: (DocumentLine & { creditsLineId: number })[];
        let totals: PricedDocument;
        if (input.amount.kind === 'rest') {
          creditLines = lines
            .map((l) => ({ ...lineOf(l), ...remaining(l), creditsLineId: l.id }))
            .filter((l) => l.total !== 0 || l.taxable !== 0);
          if (creditLines.length === 0) {
            throw new AppError('validation', `${invoice.number} has nothing left on its lines to credit`);
          }
          const sum = totalsOf(creditLines, null);
          totals = { ...sum, roundOff: left - sum.total, total: left };
        } else {
          const regime = regimeOfParties(invoice.parties);
          creditLines = input.amount.lines.map(({ lineId, taxable }) => {
            const l = lines.find((x) => x.id === lineId);
            if (!l) throw new AppError('validation', `Line ${lineId} is not on ${invoice.number}`, { field: 'lines' });
            const rest = remaining(l);
            if (taxable > rest.taxable) {
              throw new AppError(
                'validation',
                `"${l.description}" has ${this.money(rest.taxable)} left to credit, less than the ${this.money(taxable)} asked`,
                { field: 'lines', lineId },
              );
            }
            const amounts = taxable === rest.taxable ? rest : taxOnTaxable(taxable, l.taxRateBps, regime);
            return { ...lineOf(l), ...amounts, creditsLineId: l.id };
          });
          totals = this.withRestOfRoundOff(invoice, creditLines, totalsOf(creditLines, null));
        }
        if (totals.total <= 0) throw new AppError('validation', `${invoice.number} has nothing left to credit`);
        if (totals.total > left) {
          throw new AppError(
            'validation',
            `The credit note (${this.money(totals.total)}) is more than what is left of ${invoice.number} (${this.money(left)})`,
            {
              field: 'lines',
            },
          );
        }
        return this.issueCreditNote(invoice, creditLines, totals, input.reason, 'credit');
      })
      .immediate();
  }

  /**
   * A credit note that takes the last of every line of an invoice takes its round-off too, so
   * the invoice ends cancelled: never a rupee-fraction left over, nor a credit note of lines
   * whose sum is more than the rounded total.
   */
  private withRestOfRoundOff(
    invoice: IssuedDocument,
    creditLines: (DocumentLine & { creditsLineId: number })[],
    totals: PricedDocument,
  ): PricedDocument {
    const lines = this.store.lines(invoice.id);
    const earlier = this.store.creditedLines(lines.map((l) => l.id));
    const takesTheRest = lines.every((l) => {
      const taken = [...earlier, ...creditLines].filter((c) => c.creditsLineId === l.id);
      const sum = (k: 'taxable' | 'total') => taken.reduce((n, c) => n + c[k], 0);
      return sum('taxable') === l.taxable && sum('total') === l.total;
    });
    if (!takesTheRest) return totals;
    const left = invoice.total - invoice.credited;
    const linesTotal = totals.total - totals.roundOff;
    return { ...totals, roundOff: left - linesTotal, total: left };
  }

  private money(minor: number): string {
    const { currency, locale } = this.settings.get();
    return formatMoney(minor, currency, locale);
  }

  // ---- Issuing one document (outside a run) ----

  private issueInvoice(
    customer: BillableCustomer,
    priced: PricedDocument,
    planned: { planId: number | null; chargeId: number | null; lateFeeFor: number | null }[],
    what: {
      periodStart: IsoDate | null;
      periodEnd: IsoDate | null;
      reason: string;
      source: 'change' | 'charge' | 'recharge';
      periodKey?: IsoDate;
    },
  ): IssuedDocument {
    const settings = this.settings.get();
    const issuedOn = this.settings.today();
    const fy = financialYearOf(issuedOn, settings.fyStartMonth);
    const seq = takeFromSequence(this.handle.sqlite, `invoice:${fy.label}`);
    const id = this.store.insertDocument(
      {
        kind: 'invoice',
        number: documentNumber(settings.invoicePrefix, fy.label, seq, settings.invoiceDigits),
        fy: fy.label,
        seq,
        customerId: customer.id,
        issuedOn,
        dueOn: addDays(issuedOn, settings.dueDays),
        periodStart: what.periodStart,
        periodEnd: what.periodEnd,
        periodKey: what.periodKey ?? null,
        source: what.source,
        jobId: null,
        invoiceId: null,
        reason: what.reason,
        ...amountsOf(priced),
        status: 'unpaid',
        previousBalance: this.store.balance(customer.id),
        seller: JSON.stringify(sellerOf(settings)),
        snapshot: JSON.stringify(buyerPartOf(settings, customer)),
        lines: priced.lines.map((l, i) => ({ ...l, ...refsOf(planned[i]!) })),
      },
      new Date().toISOString(),
    );
    this.ledgerHooks.invoiceIssued(customer.id, id, issuedOn);
    return this.document(id);
  }

  private issueCreditNote(
    invoice: IssuedDocument,
    lines: (DocumentLine & { creditsLineId: number })[],
    totals: PricedDocument,
    reason: string,
    source: 'change' | 'credit',
  ): IssuedDocument {
    const settings = this.settings.get();
    const issuedOn = this.settings.today();
    const fy = financialYearOf(issuedOn, settings.fyStartMonth);
    const seq = takeFromSequence(this.handle.sqlite, `credit_note:${fy.label}`);
    const customer = this.store.customer(invoice.customerId)!;
    const id = this.store.insertDocument(
      {
        kind: 'credit_note',
        number: documentNumber(settings.creditNotePrefix, fy.label, seq, settings.creditNoteDigits),
        fy: fy.label,
        seq,
        customerId: invoice.customerId,
        issuedOn,
        dueOn: null,
        periodStart: lines.reduce<string | null>(
          (min, l) => (l.spanStart && (!min || l.spanStart < min) ? l.spanStart : min),
          null,
        ),
        periodEnd: lines.reduce<string | null>(
          (max, l) => (l.spanEnd && (!max || l.spanEnd > max) ? l.spanEnd : max),
          null,
        ),
        periodKey: null,
        source,
        jobId: null,
        invoiceId: invoice.id,
        reason,
        ...amountsOf(totals),
        status: 'issued',
        previousBalance: this.store.balance(invoice.customerId),
        // The tax as the invoice had it; the parties as they are today.
        seller: JSON.stringify(sellerOf(settings)),
        snapshot: JSON.stringify({ ...buyerPartOf(settings, customer), tax: invoice.parties.tax }),
        lines,
      },
      new Date().toISOString(),
    );
    this.ledgerHooks.beforeCredit(invoice.id, totals.total, issuedOn);
    this.store.credit(invoice.id, totals.total);
    return this.document(id);
  }

  requireBillable(customerId: number): BillableCustomer {
    const customer = this.store.customer(customerId);
    if (!customer) throw new AppError('not_found', `There is no customer with id ${customerId}`);
    if (customer.status === 'archived') {
      throw new AppError(
        'customer_archived',
        `${customer.accountNo} ${customer.name} is archived: bring the customer back first`,
      );
    }
    return customer;
  }

  // ---- Reading ----

  documents(input: ParsedInput<'billing.documents'>): DocumentPage {
    return this.store.list({ ...input, limit: input.pageSize, offset: (input.page - 1) * input.pageSize });
  }

  document(id: number): IssuedDocument {
    const found = this.store.documentRow(id);
    if (!found) throw new AppError('not_found', `There is no invoice or credit note with id ${id}`);
    const { raw, ...row } = found;
    const credits = raw.invoice_id === null ? undefined : this.store.documentRow(raw.invoice_id);
    const sign = raw.kind === 'invoice' ? 1 : -1;
    return {
      ...row,
      fy: raw.fy,
      source: raw.source,
      reason: raw.reason,
      roundOff: raw.round_off_minor,
      previousBalance: raw.previous_balance_minor,
      amountDue: raw.previous_balance_minor + sign * raw.total_minor,
      parties: this.partiesOf(raw),
      lines: this.linesWithCredits(id, raw.kind),
      creditsInvoice: credits ? { id: credits.id, number: credits.number, issuedOn: credits.issuedOn } : null,
      creditNotes: raw.kind === 'invoice' ? this.store.creditNotesOf(id) : [],
      createdAt: raw.created_at,
    };
  }

  private linesWithCredits(id: number, kind: 'invoice' | 'credit_note'): IssuedDocument['lines'] {
    const lines = this.store.lines(id);
    const credited = kind === 'invoice' ? this.store.creditedLines(lines.map((l) => l.id)) : [];
    return lines.map(({ planId: _p, chargeId: _c, creditsLineId: _l, ...l }) => ({
      ...l,
      creditedTaxable: credited.filter((c) => c.creditsLineId === l.id).reduce((n, c) => n + c.taxable, 0),
    }));
  }

  /** The parties as printed: the buyer's phone written as the office writes numbers. */
  private partiesOf(raw: { snapshot: string; seller: string }): DocumentParties {
    const rest = JSON.parse(raw.snapshot) as Omit<DocumentParties, 'seller'>;
    const phone = rest.buyer.phone.startsWith('+')
      ? phoneDisplay(rest.buyer.phone, this.settings.get().country)
      : rest.buyer.phone;
    return { ...rest, buyer: { ...rest.buyer, phone }, seller: JSON.parse(raw.seller) as Seller };
  }

  customerBilling(customerId: number): CustomerBilling {
    const customer = this.store.customer(customerId);
    if (!customer) throw new AppError('not_found', `There is no customer with id ${customerId}`);
    const page = this.store.list({
      kind: null,
      from: null,
      to: null,
      status: null,
      customerId,
      number: '',
      limit: 100,
      offset: 0,
    });
    return {
      customerId,
      balance: this.store.balance(customerId),
      documents: page.rows,
      documentCount: page.total,
      charges: this.store.chargeRows(customerId).map(toCharge),
      upcoming: customer.status === 'archived' ? null : this.upcoming(customer),
    };
  }

  /** What the next run would bill the customer: their next unbilled period. */
  private upcoming(customer: BillableCustomer): CustomerBilling['upcoming'] {
    if (!customer.billingStartOn) return null;
    const settings = this.settings.get();
    const billedThrough = this.store.billedThroughFor(customer.id);
    let from = billedThrough ? addDays(billedThrough, 1) : customer.billingStartOn;
    if (from < customer.billingStartOn) from = customer.billingStartOn;
    const timeline = this.store.timelines({ kind: 'customer', customerId: customer.id }, [customer]).get(customer.id)!;
    const plans = this.store.plans();
    const plan = plans.get(timeline.planOn(from) ?? -1);
    const whole = periodContaining(from, customer.billingDay, plan ? PERIOD_MONTHS[plan.billingPeriod] : 1);
    const billsOn = settings.billingTiming === 'advance' ? from : addDays(whole.end, 1);
    const rules = { ...this.rules(settings, billsOn), plans };
    const [next] = planInvoices(
      {
        id: customer.id,
        billingDay: customer.billingDay,
        billingStartOn: customer.billingStartOn,
        timeline,
        billedThrough,
        charges: this.store.openCharges(customer.id).get(customer.id) ?? [],
        overdue: [],
      },
      rules,
    );
    if (!next) return null;
    const priced = priceLines(next.lines, {
      ...this.taxOptions(settings),
      regime: regimeOf(settings, customer).regime,
    });
    return {
      periodStart: next.periodStart,
      periodEnd: next.periodEnd,
      billsOn,
      lines: priced.lines,
      total: priced.total,
    };
  }
}

// ---- Helpers: the parties and tax regime as printed, and row shapes ----

type Seller = DocumentParties['seller'];

function sellerOf(s: Settings): Seller {
  return {
    name: s.companyName,
    address: s.address,
    phone: s.phone,
    email: s.email,
    taxId: s.taxId,
    stateCode: s.stateCode,
    stateName: s.stateCode ? (gstStateName(s.stateCode) ?? '') : '',
    upiId: s.upiId,
    bankDetails: s.bankDetails,
    paymentInstructions: s.paymentInstructions,
    footer: s.invoiceFooter,
    logoSha256: s.logoSha256,
    signatureSha256: s.signatureSha256,
  };
}

/**
 * GST: the place of supply is the customer's state (set on the customer, else their GSTIN's
 * state, else the company's own); the same state as the company gives CGST + SGST, another IGST.
 */
function regimeOf(s: Settings, c: BillableCustomer): { regime: TaxRegime; placeOfSupply: string; intraState: boolean } {
  if (s.taxMode === 'none') return { regime: 'none', placeOfSupply: '', intraState: true };
  if (s.taxMode === 'vat') return { regime: 'vat', placeOfSupply: '', intraState: true };
  const placeOfSupply = c.placeOfSupply ?? (c.gstin ? c.gstin.slice(0, 2) : s.stateCode);
  const intraState = !s.stateCode || !placeOfSupply || placeOfSupply === s.stateCode;
  return { regime: intraState ? 'cgst_sgst' : 'igst', placeOfSupply, intraState };
}

function regimeOfParties(p: DocumentParties): TaxRegime {
  if (p.tax.mode === 'none') return 'none';
  if (p.tax.mode === 'vat') return 'vat';
  return p.tax.intraState ? 'cgst_sgst' : 'igst';
}

/** What a document keeps of the buyer and the tax as issued (the seller is stored apart). */
function buyerPartOf(s: Settings, c: BillableCustomer): Omit<DocumentParties, 'seller'> {
  const { placeOfSupply, intraState } = regimeOf(s, c);
  const [phone] = JSON.parse(c.phones) as string[];
  return {
    buyer: {
      accountNo: c.accountNo,
      name: c.name,
      address: c.address,
      // As stored (E.164): formatting it per invoice cost a run of 50,000 half a second.
      phone: phone ?? '',
      email: c.email ?? '',
      gstin: c.gstin ?? '',
      placeOfSupply,
      placeOfSupplyName: placeOfSupply ? (gstStateName(placeOfSupply) ?? '') : '',
    },
    tax: {
      mode: s.taxMode,
      label: s.taxMode === 'gst' ? 'GST' : s.taxMode === 'vat' ? s.taxLabel : '',
      intraState,
      pricesIncludeTax: s.pricesIncludeTax,
    },
    currency: s.currency,
    locale: s.locale,
  };
}

function amountsOf(p: PricedDocument): Pick<NewDocument, 'taxable' | 'tax' | 'roundOff' | 'total'> {
  return { taxable: p.taxable, tax: p.tax, roundOff: p.roundOff, total: p.total };
}

function refsOf(l: { planId: number | null; chargeId: number | null; lateFeeFor: number | null }) {
  return { planId: l.planId, chargeId: l.chargeId, lateFeeFor: l.lateFeeFor };
}

function lineOf(l: LineRow): DocumentLine & { planId: number | null; chargeId: number | null } {
  return {
    kind: l.kind,
    description: l.description,
    sacCode: l.sacCode,
    spanStart: l.spanStart,
    spanEnd: l.spanEnd,
    quantity: l.quantity,
    rate: l.rate,
    taxable: l.taxable,
    taxRateBps: l.taxRateBps,
    cgst: l.cgst,
    sgst: l.sgst,
    igst: l.igst,
    vat: l.vat,
    total: l.total,
    planId: l.planId,
    chargeId: l.chargeId,
  };
}

function toCharge(r: ChargeRow): Charge {
  return {
    id: r.id,
    customerId: r.customer_id,
    kind: r.kind,
    description: r.description,
    amount: r.amount_minor,
    percentBps: r.percent_bps,
    sacCode: r.sac_code,
    taxRateBps: r.tax_rate_bps,
    startsOn: r.starts_on,
    endsOn: r.ends_on,
    billedInvoice: r.billed_invoice_id === null ? null : { id: r.billed_invoice_id, number: r.billed_number ?? '' },
    cancelledAt: r.cancelled_at,
    createdAt: r.created_at,
  };
}
