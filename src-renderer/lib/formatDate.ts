/** "2024-03-05" -> "5 Mar 2024" in the office locale; a calendar date has no time zone. */
export function formatDay(isoDate: string | null, locale: string): string {
  if (!isoDate) return '—';
  const date = new Date(`${isoDate.slice(0, 10)}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return isoDate;
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(date);
}

/** A stored instant as date and time on the office's clock (its time zone, not the browser's). */
export function formatTimestamp(timestamp: string, locale: string, timeZone?: string): string {
  const date = new Date(timestamp);
  if (Number.isNaN(date.getTime())) return timestamp;
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(date);
}
