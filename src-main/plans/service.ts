import { and, eq, ne, sql } from 'drizzle-orm';
import type { ParsedInput, Plan, PlanStatus } from '../../src-shared/contract';
import { AppError } from '../../src-shared/errors';
import { assertMinor } from '../../src-shared/money';
import type { DbHandle } from '../db/connection';
import { rethrowConstraint } from '../db/constraints';
import { customers, plans } from '../db/schema';

export type PlanFields = ParsedInput<'plans.create'>;
type PlanRow = typeof plans.$inferSelect;

function toColumns(input: PlanFields) {
  assertMinor(input.priceMinor);
  return {
    name: input.name,
    downloadKbps: input.downloadKbps,
    uploadKbps: input.uploadKbps,
    burstDownloadKbps: input.burst?.downloadKbps ?? null,
    burstUploadKbps: input.burst?.uploadKbps ?? null,
    burstThresholdDownloadKbps: input.burst?.thresholdDownloadKbps ?? null,
    burstThresholdUploadKbps: input.burst?.thresholdUploadKbps ?? null,
    burstTimeSec: input.burst?.timeSec ?? null,
    priceMinor: input.priceMinor,
    billingPeriod: input.billingPeriod,
    taxRateBps: input.taxRateBps,
    dataCapGb: input.dataCapGb,
    routerosProfile: input.routerosProfile,
    description: input.description,
  };
}

function toPlan(row: PlanRow, customerCount: number): Plan {
  const burst =
    row.burstDownloadKbps !== null &&
    row.burstUploadKbps !== null &&
    row.burstThresholdDownloadKbps !== null &&
    row.burstThresholdUploadKbps !== null &&
    row.burstTimeSec !== null
      ? {
          downloadKbps: row.burstDownloadKbps,
          uploadKbps: row.burstUploadKbps,
          thresholdDownloadKbps: row.burstThresholdDownloadKbps,
          thresholdUploadKbps: row.burstThresholdUploadKbps,
          timeSec: row.burstTimeSec,
        }
      : null;
  return {
    id: row.id,
    name: row.name,
    downloadKbps: row.downloadKbps,
    uploadKbps: row.uploadKbps,
    burst,
    priceMinor: row.priceMinor,
    billingPeriod: row.billingPeriod,
    taxRateBps: row.taxRateBps,
    dataCapGb: row.dataCapGb,
    routerosProfile: row.routerosProfile,
    description: row.description,
    status: row.status,
    customerCount,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

export class PlansService {
  /** Plan rows by id for the hot path of imports; dropped on every plan change. */
  private readonly rows = new Map<number, PlanRow>();

  constructor(private readonly handle: DbHandle) {}

  private get db() {
    return this.handle.db;
  }

  private customerCounts(): Map<number, number> {
    const rows = this.db
      .select({ planId: customers.planId, count: sql<number>`count(*)` })
      .from(customers)
      .where(ne(customers.status, 'archived'))
      .groupBy(customers.planId)
      .all();
    return new Map(rows.filter((r) => r.planId !== null).map((r) => [r.planId as number, r.count]));
  }

  list(includeRetired = true): Plan[] {
    const counts = this.customerCounts();
    const rows = this.db
      .select()
      .from(plans)
      .where(includeRetired ? undefined : eq(plans.status, 'active'))
      .orderBy(plans.status, plans.priceMinor, plans.name)
      .all();
    return rows.map((r) => toPlan(r, counts.get(r.id) ?? 0));
  }

  get(id: number): Plan {
    const row = this.db.select().from(plans).where(eq(plans.id, id)).get();
    if (!row) throw new AppError('not_found', `There is no plan with id ${id}`);
    const count = this.db
      .select({ count: sql<number>`count(*)` })
      .from(customers)
      .where(and(eq(customers.planId, id), ne(customers.status, 'archived')))
      .get();
    return toPlan(row, count?.count ?? 0);
  }

  /** The plan a customer may be put on: it must exist, and be active unless the customer already has it. */
  requireAssignable(planId: number, currentPlanId: number | null = null): PlanRow {
    let row = this.rows.get(planId);
    if (!row) {
      row = this.db.select().from(plans).where(eq(plans.id, planId)).get();
      if (row) this.rows.set(planId, row);
    }
    if (!row) {
      throw new AppError('not_found', `There is no plan with id ${planId}`, { field: 'planId' });
    }
    if (row.status === 'retired' && planId !== currentPlanId) {
      throw new AppError('plan_retired', `The plan "${row.name}" is retired and takes no new customers`, {
        field: 'planId',
      });
    }
    return row;
  }

  findByName(name: string): PlanRow | undefined {
    return this.db
      .select()
      .from(plans)
      .where(sql`lower(${plans.name}) = lower(${name.trim()})`)
      .get();
  }

  private assertNameFree(name: string, exceptId?: number): void {
    const existing = this.findByName(name);
    if (existing && existing.id !== exceptId) {
      throw new AppError('conflict', `A plan called "${existing.name}" already exists`, { field: 'name' });
    }
  }

  create(input: PlanFields): Plan {
    this.assertNameFree(input.name);
    const now = new Date().toISOString();
    try {
      const row = this.db
        .insert(plans)
        .values({ ...toColumns(input), status: 'active', createdAt: now, updatedAt: now })
        .returning()
        .get();
      return toPlan(row, 0);
    } catch (error) {
      rethrowConstraint(error);
    }
  }

  update(id: number, input: PlanFields): Plan {
    this.get(id);
    this.assertNameFree(input.name, id);
    this.rows.clear();
    try {
      this.db
        .update(plans)
        .set({ ...toColumns(input), updatedAt: new Date().toISOString() })
        .where(eq(plans.id, id))
        .run();
    } catch (error) {
      rethrowConstraint(error);
    }
    return this.get(id);
  }

  setStatus(id: number, status: PlanStatus): Plan {
    this.get(id);
    this.rows.clear();
    this.db.update(plans).set({ status, updatedAt: new Date().toISOString() }).where(eq(plans.id, id)).run();
    return this.get(id);
  }
}
