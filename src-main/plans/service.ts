import type { ParsedInput, Plan, PlanStatus } from '../../src-shared/contract';
import { AppError } from '../../src-shared/errors';
import { assertMinor } from '../../src-shared/money';
import type { DbHandle } from '../db/connection';
import { rethrowConstraint } from '../db/constraints';
import { PlanStore, type PlanColumns, type PlanRow } from './store';

export type PlanFields = ParsedInput<'plans.create'>;

function toColumns(input: PlanFields): PlanColumns {
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

  private readonly store: PlanStore;

  constructor(handle: DbHandle) {
    this.store = new PlanStore(handle.db);
  }

  list(includeRetired = true): Plan[] {
    const counts = this.store.customerCounts();
    return this.store.all(includeRetired).map((r) => toPlan(r, counts.get(r.id) ?? 0));
  }

  get(id: number): Plan {
    const row = this.store.byId(id);
    if (!row) throw new AppError('not_found', `There is no plan with id ${id}`);
    return toPlan(row, this.store.customerCount(id));
  }

  /** Drops the cached plan rows: after a transaction that wrote plans was rolled back. */
  forget(): void {
    this.rows.clear();
  }

  /** The plan a customer may be put on: it must exist, and be active unless the customer already has it. */
  requireAssignable(planId: number, currentPlanId: number | null = null): PlanRow {
    let row = this.rows.get(planId);
    if (!row) {
      row = this.store.byId(planId);
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
    return this.store.byName(name);
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
      return toPlan(this.store.insert(toColumns(input), now), 0);
    } catch (error) {
      rethrowConstraint(error);
    }
  }

  update(id: number, input: PlanFields): Plan {
    this.get(id);
    this.assertNameFree(input.name, id);
    this.rows.clear();
    try {
      this.store.update(id, toColumns(input), new Date().toISOString());
    } catch (error) {
      rethrowConstraint(error);
    }
    return this.get(id);
  }

  setStatus(id: number, status: PlanStatus): Plan {
    this.get(id);
    this.rows.clear();
    this.store.setStatus(id, status, new Date().toISOString());
    return this.get(id);
  }
}
