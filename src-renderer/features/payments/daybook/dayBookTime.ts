/** A stored instant's time of day on the office's clock: "10:42 am". */
export function formatTimeOfDay(timestamp: string, locale: string, timeZone?: string): string {
  const date = new Date(timestamp);
  if (Number.isNaN(date.getTime())) return '';
  try {
    return new Intl.DateTimeFormat(locale, { timeStyle: 'short', timeZone: timeZone || undefined }).format(date);
  } catch {
    return new Intl.DateTimeFormat(locale, { timeStyle: 'short' }).format(date);
  }
}
