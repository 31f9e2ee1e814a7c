import { sqliteTable, text } from 'drizzle-orm/sqlite-core';

/** Facts about this database file itself, by key (e.g. the check value of the secret key). */
export const appMeta = sqliteTable('app_meta', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
});
