// The settings' SQL: the one row of company details, and what holds amounts in its currency.
import { eq } from 'drizzle-orm';
import type { Db, ReadableDb } from '../db/connection';
import { images, settings } from '../db/schema';

export type SettingsRow = typeof settings.$inferSelect;

/**
 * Every table that holds amounts in the office's currency, with how to name its rows.
 * An amount is stored as minor units of that currency, so once any exists the currency is
 * fixed: ₹499.00 (49900 paise) would otherwise read as ¥49,900. Billing tables join this list.
 */
export const TABLES_WITH_AMOUNTS: { table: string; noun: [one: string, many: string] }[] = [
  { table: 'plans', noun: ['plan', 'plans'] },
  { table: 'invoices', noun: ['invoice', 'invoices'] },
  { table: 'customer_charges', noun: ['charge', 'charges'] },
];

export type ImageWhich = 'logo' | 'signature';
export type StoredImage = { mime: 'image/png' | 'image/jpeg'; bytes: Buffer };

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

  /** Keeps an image by its hash; the same bytes uploaded again are the same row. */
  putImage(sha256: string, image: StoredImage, createdAt: string): void {
    this.db
      .insert(images)
      .values({ sha256, mime: image.mime, bytes: image.bytes, createdAt })
      .onConflictDoNothing()
      .run();
  }

  image(sha256: string): StoredImage | undefined {
    return this.db
      .select({ mime: images.mime, bytes: images.bytes })
      .from(images)
      .where(eq(images.sha256, sha256))
      .get();
  }

  /** Points the logo or the signature at an image, or at none; the image row itself stays. */
  pointImage(which: ImageWhich, sha256: string | null, updatedAt: string): void {
    const column = which === 'logo' ? { logoSha256: sha256 } : { signatureSha256: sha256 };
    this.db
      .update(settings)
      .set({ ...column, updatedAt })
      .where(eq(settings.id, 1))
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
