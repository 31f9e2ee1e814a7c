import type BetterSqlite3 from 'better-sqlite3';

/**
 * Every table that holds amounts in the office's currency, with how to name its rows.
 * An amount is stored as minor units of that currency, so once any exists the currency is
 * fixed: ₹499.00 (49900 paise) would otherwise read as ¥49,900. Billing tables join this list.
 */
export const TABLES_WITH_AMOUNTS: { table: string; noun: [one: string, many: string] }[] = [
  { table: 'plans', noun: ['plan', 'plans'] },
];

/** What holds amounts today, e.g. ["12 plans"]; empty when the currency may still change. */
export function amountsHeld(sqlite: BetterSqlite3.Database): string[] {
  const held: string[] = [];
  for (const { table, noun } of TABLES_WITH_AMOUNTS) {
    const count = sqlite.prepare(`SELECT count(*) FROM "${table}"`).pluck().get() as number;
    if (count > 0) held.push(`${count} ${count === 1 ? noun[0] : noun[1]}`);
  }
  return held;
}
