// What a billing run issues for one customer, as plain data: no database, no clock. The store
// gathers the facts (history, what was billed, charges, overdue invoices); the service prices
// the lines (./rules/tax) and writes them.
import type { DocumentLine, LineKind } from '../../src-shared/contract';
import { addDays, type IsoDate } from '../../src-shared/dates';
import { mulDivHalfUp, type Minor } from '../../src-shared/money';
import {
  daysIn,
  overlap,
  PERIOD_MONTHS,
  periodContaining,
  wholePeriod,
  type BillingPeriod,
  type Span,
} from './rules/periods';
import { roundOffFor, taxLine, type TaxRegime } from './rules/tax';
import type { Timeline } from './rules/timeline';

export interface PlanFacts {
  id: number;
  name: string;
  priceMinor: Minor;
  billingPeriod: BillingPeriod;
  taxRateBps: number;
  status: 'active' | 'retired';
}

export interface ChargeFacts {
  id: number;
  kind: 'one_time' | 'addon' | 'discount';
  description: string;
  amountMinor: Minor;
  percentBps: number | null;
  sacCode: string;
  taxRateBps: number;
  startsOn: IsoDate;
  endsOn: IsoDate | null;
}

export interface OverdueFacts {
  invoiceId: number;
  number: string;
  dueOn: IsoDate;
  outstanding: Minor;
}

export interface CustomerFacts {
  id: number;
  billingDay: number;
  /** The first day billing may charge for; null: not billed. */
  billingStartOn: IsoDate | null;
  timeline: Timeline;
  /** The end of the last period a billing run charged; null when none has. */
  billedThrough: IsoDate | null;
  /** Add-ons, discounts and one-time charges not billed yet (cancelled ones left out). */
  charges: ChargeFacts[];
  /** Invoices past due, without a late fee yet. */
  overdue: OverdueFacts[];
}

export interface BillingRules {
  asOf: IsoDate;
  timing: 'advance' | 'arrears';
  firstInvoice: 'separate' | 'combined';
  sacCode: string;
  lateFee: { mode: 'none' | 'flat' | 'percent'; minor: Minor; bps: number; graceDays: number };
  plans: ReadonlyMap<number, PlanFacts>;
}

export interface PlannedLine {
  kind: LineKind;
  description: string;
  sacCode: string;
  spanStart: IsoDate | null;
  spanEnd: IsoDate | null;
  quantity: number;
  rate: Minor;
  /** What the line charges: tax-exclusive, or tax-inclusive when prices include tax. */
  amount: Minor;
  taxRateBps: number;
  planId: number | null;
  chargeId: number | null;
  lateFeeFor: number | null;
}

export interface PlannedInvoice {
  /** The start of the whole period charged: one invoice per customer and period key. */
  periodKey: IsoDate;
  periodStart: IsoDate;
  periodEnd: IsoDate;
  /** Not the customer's latest period in this run: a missed one caught up. */
  catchUp: boolean;
  lines: PlannedLine[];
}

/** A customer's missed and current periods are at most this many (a century of months). */
const MAX_PERIODS = 1200;

/**
 * The invoices a run as of `rules.asOf` issues for a customer. In advance (the default) every
 * period that has started on or before the run date and is not billed yet; in arrears every
 * period that has ended. Billing starts at the billing start date, never before. Within a
 * period, only days the customer was (or, ahead of time, is) active are charged, each run of
 * days at the plan then in effect, prorated by day against the whole period's real length.
 */
export function planInvoices(customer: CustomerFacts, rules: BillingRules): PlannedInvoice[] {
  if (!customer.billingStartOn) return [];
  const out: PlannedInvoice[] = [];
  let from = customer.billedThrough ? addDays(customer.billedThrough, 1) : customer.billingStartOn;
  if (from < customer.billingStartOn) from = customer.billingStartOn;
  const first = customer.billedThrough === null;

  for (let n = 0; n < MAX_PERIODS; n++) {
    const whole = periodContaining(from, customer.billingDay, monthsAt(customer, rules, from));
    const due = rules.timing === 'advance' ? from <= rules.asOf : whole.end < rules.asOf;
    if (!due) break;
    const lines = periodLines(customer, rules, { start: from, end: whole.end }, whole);
    let periodEnd = whole.end;
    // A mid-period start billed together with the next whole period (a setting).
    if (first && out.length === 0 && from !== whole.start && rules.firstInvoice === 'combined') {
      const nextStart = addDays(whole.end, 1);
      const next = wholePeriod(nextStart, monthsAt(customer, rules, nextStart));
      if (rules.timing === 'advance' || next.end < rules.asOf) {
        lines.push(...periodLines(customer, rules, next, next));
        periodEnd = next.end;
      }
    }
    if (lines.some((l) => l.amount !== 0)) {
      out.push({ periodKey: whole.start, periodStart: from, periodEnd, catchUp: false, lines });
    }
    from = addDays(periodEnd, 1);
  }
  out.forEach((invoice, i) => (invoice.catchUp = i < out.length - 1));
  if (out.length > 0) out[0]!.lines.push(...extraLines(customer, rules, out[0]!));
  return out;
}

function monthsAt(customer: CustomerFacts, rules: BillingRules, date: IsoDate): number {
  const plan = rules.plans.get(customer.timeline.planOn(date) ?? -1);
  return plan ? PERIOD_MONTHS[plan.billingPeriod] : 1;
}

/** Prorated by day: round_half_up(price × days charged / days in the whole period). */
export function prorate(price: Minor, days: number, wholeDays: number): Minor {
  return days === wholeDays ? price : mulDivHalfUp(price, days, wholeDays);
}

/** The plan, add-on and discount lines of `span` (part or all of the period `whole`). */
export function periodLines(customer: CustomerFacts, rules: BillingRules, span: Span, whole: Span): PlannedLine[] {
  const wholeDays = daysIn(whole);
  const lines: PlannedLine[] = [];
  for (const seg of customer.timeline.segments(span)) {
    const plan = seg.planId === null ? undefined : rules.plans.get(seg.planId);
    if (seg.status !== 'active' || !plan) continue;
    const days = daysIn(seg);
    const amount = prorate(plan.priceMinor, days, wholeDays);
    const part = days === wholeDays ? '' : ` (${days} of ${wholeDays} days)`;
    lines.push(
      line('plan', `${plan.name}${part}`, rules.sacCode, seg, plan.priceMinor, amount, plan.taxRateBps, {
        planId: plan.id,
      }),
    );
    for (const charge of customer.charges) {
      if (charge.kind === 'one_time') continue;
      const shared = overlap(seg, { start: charge.startsOn, end: charge.endsOn ?? '9999-12-31' });
      if (!shared) continue;
      const sharedDays = daysIn(shared);
      const ofDays = sharedDays === wholeDays ? '' : ` (${sharedDays} of ${wholeDays} days)`;
      if (charge.kind === 'addon') {
        const addon = prorate(charge.amountMinor, sharedDays, wholeDays);
        lines.push(
          line(
            'addon',
            `${charge.description}${ofDays}`,
            charge.sacCode || rules.sacCode,
            shared,
            charge.amountMinor,
            addon,
            charge.taxRateBps,
            { chargeId: charge.id },
          ),
        );
      } else {
        // A discount lowers the taxable value: its own negative line at the plan's rate, never
        // more than the plan charges for those days.
        const planPart = prorate(plan.priceMinor, sharedDays, wholeDays);
        const off =
          charge.percentBps !== null
            ? mulDivHalfUp(planPart, charge.percentBps, 10_000)
            : Math.min(prorate(charge.amountMinor, sharedDays, wholeDays), planPart);
        if (off > 0) {
          const rate = charge.percentBps !== null ? 0 : -charge.amountMinor;
          lines.push(
            line('discount', `${charge.description}${ofDays}`, rules.sacCode, shared, rate, -off, plan.taxRateBps, {
              chargeId: charge.id,
            }),
          );
        }
      }
    }
  }
  return lines;
}

/** One-time charges due by the run date and late fees, on the customer's first invoice of the run. */
function extraLines(customer: CustomerFacts, rules: BillingRules, invoice: PlannedInvoice): PlannedLine[] {
  const lines: PlannedLine[] = [];
  for (const charge of customer.charges) {
    if (charge.kind !== 'one_time' || charge.startsOn > rules.asOf) continue;
    lines.push(
      line(
        'one_time',
        charge.description,
        charge.sacCode || rules.sacCode,
        null,
        charge.amountMinor,
        charge.amountMinor,
        charge.taxRateBps,
        { chargeId: charge.id },
      ),
    );
  }
  const fee = rules.lateFee;
  if (fee.mode !== 'none') {
    // Taxed like the service: at the rate of the invoice's plan line.
    const rate = invoice.lines.find((l) => l.kind === 'plan')?.taxRateBps ?? 0;
    for (const overdue of customer.overdue) {
      if (addDays(overdue.dueOn, fee.graceDays) >= rules.asOf || overdue.outstanding <= 0) continue;
      const amount = fee.mode === 'flat' ? fee.minor : mulDivHalfUp(overdue.outstanding, fee.bps, 10_000);
      if (amount <= 0) continue;
      lines.push(
        line(
          'late_fee',
          `Late fee on ${overdue.number} (due ${overdue.dueOn})`,
          rules.sacCode,
          null,
          amount,
          amount,
          rate,
          { lateFeeFor: overdue.invoiceId },
        ),
      );
    }
  }
  return lines;
}

function line(
  kind: LineKind,
  description: string,
  sacCode: string,
  span: Span | null,
  rate: Minor,
  amount: Minor,
  taxRateBps: number,
  refs: { planId?: number; chargeId?: number; lateFeeFor?: number },
): PlannedLine {
  return {
    kind,
    description,
    sacCode,
    spanStart: span?.start ?? null,
    spanEnd: span?.end ?? null,
    quantity: 1,
    rate,
    amount,
    taxRateBps,
    planId: refs.planId ?? null,
    chargeId: refs.chargeId ?? null,
    lateFeeFor: refs.lateFeeFor ?? null,
  };
}

export interface PricedDocument {
  lines: DocumentLine[];
  taxable: Minor;
  tax: Minor;
  roundOff: Minor;
  total: Minor;
}

/** Tax per line, then the totals: the total is the sum of the lines' totals (and the round-off). */
export function priceLines(
  lines: readonly Omit<PlannedLine, 'planId' | 'chargeId' | 'lateFeeFor'>[],
  tax: { regime: TaxRegime; inclusive: boolean; roundOff: boolean; minorDigits: number },
): PricedDocument {
  const priced: DocumentLine[] = lines.map((l) => {
    const rate = tax.regime === 'none' ? 0 : l.taxRateBps;
    const amounts = taxLine(l.amount, rate, tax.regime, tax.inclusive);
    return {
      kind: l.kind,
      description: l.description,
      sacCode: l.sacCode,
      spanStart: l.spanStart,
      spanEnd: l.spanEnd,
      quantity: l.quantity,
      rate: l.rate,
      taxRateBps: rate,
      ...amounts,
    };
  });
  return totalsOf(priced, tax.roundOff ? tax.minorDigits : null);
}

export function totalsOf(lines: DocumentLine[], roundToDigits: number | null): PricedDocument {
  let taxable = 0;
  let tax = 0;
  for (const l of lines) {
    taxable += l.taxable;
    tax += l.cgst + l.sgst + l.igst + l.vat;
  }
  const sum = taxable + tax;
  const roundOff = roundToDigits === null ? 0 : roundOffFor(sum, roundToDigits);
  return { lines, taxable, tax, roundOff, total: sum + roundOff };
}
