// The counter's address: #/counter, or #/counter?customer=42 with a customer at the counter.
import { routeHref } from '../../../router/routes';

export function counterCustomerOf(params: string | undefined): number | null {
  const text = new URLSearchParams(params ?? '').get('customer');
  if (!text || !/^\d{1,9}$/.test(text)) return null;
  const id = Number(text);
  return id >= 1 ? id : null;
}

export function counterParams(customerId: number | null): string {
  return customerId === null ? '' : `customer=${customerId}`;
}

/** A link that opens the counter for a customer ("Take payment"). */
export function counterHref(customerId: number | null): string {
  return routeHref({ page: 'counter', params: counterParams(customerId) });
}
