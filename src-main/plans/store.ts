// The plans' SQL (drizzle): the service holds the rules, this holds the queries.
import { and, eq, ne, sql } from 'drizzle-orm';
import type { PlanStatus } from '../../src-shared/contract';
import type { Db } from '../db/connection';
import { customers, plans } from '../db/schema';

export type PlanRow = typeof plans.$inferSelect;
export type PlanColumns = Omit<typeof plans.$inferInsert, 'id' | 'status' | 'createdAt' | 'updatedAt'>;

export class PlanStore {
  constructor(private readonly db: Db) {}

  /** Current (not archived) customers per plan. */
  customerCounts(): Map<number, number> {
    const rows = this.db
      .select({ planId: customers.planId, count: sql<number>`count(*)` })
      .from(customers)
      .where(ne(customers.status, 'archived'))
      .groupBy(customers.planId)
      .all();
    return new Map(rows.filter((r) => r.planId !== null).map((r) => [r.planId as number, r.count]));
  }

  customerCount(planId: number): number {
    const row = this.db
      .select({ count: sql<number>`count(*)` })
      .from(customers)
      .where(and(eq(customers.planId, planId), ne(customers.status, 'archived')))
      .get();
    return row?.count ?? 0;
  }

  /** Active plans first, then by price and name. */
  all(includeRetired: boolean): PlanRow[] {
    return this.db
      .select()
      .from(plans)
      .where(includeRetired ? undefined : eq(plans.status, 'active'))
      .orderBy(plans.status, plans.priceMinor, plans.name)
      .all();
  }

  byId(id: number): PlanRow | undefined {
    return this.db.select().from(plans).where(eq(plans.id, id)).get();
  }

  /** Plan names are unique regardless of case. */
  byName(name: string): PlanRow | undefined {
    return this.db
      .select()
      .from(plans)
      .where(sql`lower(${plans.name}) = lower(${name.trim()})`)
      .get();
  }

  insert(columns: PlanColumns, now: string): PlanRow {
    return this.db
      .insert(plans)
      .values({ ...columns, status: 'active', createdAt: now, updatedAt: now })
      .returning()
      .get();
  }

  update(id: number, columns: PlanColumns, now: string): void {
    this.db
      .update(plans)
      .set({ ...columns, updatedAt: now })
      .where(eq(plans.id, id))
      .run();
  }

  setStatus(id: number, status: PlanStatus, now: string): void {
    this.db.update(plans).set({ status, updatedAt: now }).where(eq(plans.id, id)).run();
  }
}
