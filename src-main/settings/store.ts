// The settings' SQL: the one row of company details, and what holds amounts in its currency.
import { eq } from 'drizzle-orm';
import type { Db, ReadableDb } from '../db/connection';
import { settings } from '../db/schema';

export type SettingsRow = typeof settings.$inferSelect;

/**
 * Every table that holds amounts in the office's currency, with how to name its rows.
 * An amount is stored as minor units of that currency, so once any exists the currency is
 * fixed: ₹499.00 (49900 paise) would otherwise read as ¥49,900. Billing tables join this list.
 */
export const TABLES_WITH_AMOUNTS: { table: string; noun: [one: string, many: string] }[] = [
  { table: 'plans', noun: ['plan', 'plans'] },
];

export class SettingsStore {
  constructor(
    private readonly db: Db,
    private readonly sqlite: ReadableDb,
  ) {}

  row(): SettingsRow | undefined {
    return this.db.select().from(settings).where(eq(settings.id, 1)).get();
  }

  save(row: Omit<SettingsRow, 'id'>): void {
    this.db
      .insert(settings)
      .values({ id: 1, ...row })
      .onConflictDoUpdate({ target: settings.id, set: row })
      .run();
  }

  /** What holds amounts today, e.g. ["12 plans"]; empty when the currency may still change. */
  amountsHeld(): string[] {
    const held: string[] = [];
    for (const { table, noun } of TABLES_WITH_AMOUNTS) {
      const count = this.sqlite.prepare(`SELECT count(*) FROM "${table}"`).pluck().get() as number;
      if (count > 0) held.push(`${count} ${count === 1 ? noun[0] : noun[1]}`);
    }
    return held;
  }
}
