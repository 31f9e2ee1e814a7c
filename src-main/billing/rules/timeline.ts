// A customer's status and plan over time, read from their history (customer_events). A change
// takes effect on its effective date (the office's date it was made, or a later one for a plan
// change "from the next period"); several on one day: the last one counts.
import { addDays, type IsoDate } from '../../../src-shared/dates';
import type { Span } from './periods';

export type Status = 'active' | 'suspended' | 'disconnected' | 'archived';

interface Change<T> {
  on: IsoDate;
  value: T;
}

export class Timeline {
  private readonly statuses: Change<Status>[] = [];
  private readonly plans: Change<number | null>[] = [];

  constructor(
    private readonly initialStatus: Status,
    private readonly initialPlan: number | null,
  ) {}

  /** Changes must be added in the order they were recorded. */
  status(on: IsoDate, value: Status): this {
    insertInOrder(this.statuses, { on, value });
    return this;
  }

  plan(on: IsoDate, value: number | null): this {
    insertInOrder(this.plans, { on, value });
    return this;
  }

  statusOn(date: IsoDate): Status {
    return valueOn(this.statuses, date, this.initialStatus);
  }

  planOn(date: IsoDate): number | null {
    return valueOn(this.plans, date, this.initialPlan);
  }

  /**
   * The span cut into runs of days with one status and one plan, in order: where proration
   * happens. The last known status and plan last until the span's end (billing in advance
   * charges for days to come as the customer stands today).
   */
  segments(span: Span): { start: IsoDate; end: IsoDate; status: Status; planId: number | null }[] {
    if (this.statuses.length === 0 && this.plans.length === 0) {
      // Most customers never changed: one run of days (a 50,000-customer run takes this path).
      return [{ start: span.start, end: span.end, status: this.initialStatus, planId: this.initialPlan }];
    }
    const cuts = new Set<IsoDate>();
    for (const c of [...this.statuses, ...this.plans]) if (c.on > span.start && c.on <= span.end) cuts.add(c.on);
    const starts = [span.start, ...[...cuts].sort()];
    const out: { start: IsoDate; end: IsoDate; status: Status; planId: number | null }[] = [];
    starts.forEach((start, i) => {
      const end = i + 1 < starts.length ? addDays(starts[i + 1]!, -1) : span.end;
      const status = this.statusOn(start);
      const planId = this.planOn(start);
      const last = out[out.length - 1];
      if (last && last.status === status && last.planId === planId) last.end = end;
      else out.push({ start, end, status, planId });
    });
    return out;
  }
}

/** Keeps changes sorted by date; changes on one day stay in the order recorded. */
function insertInOrder<T>(list: Change<T>[], change: Change<T>): void {
  let i = list.length;
  while (i > 0 && list[i - 1]!.on > change.on) i--;
  list.splice(i, 0, change);
}

function valueOn<T>(list: Change<T>[], date: IsoDate, initial: T): T {
  let value = initial;
  for (const c of list) {
    if (c.on > date) break;
    value = c.value;
  }
  return value;
}
