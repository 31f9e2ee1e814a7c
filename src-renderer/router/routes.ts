// A tiny hash router: the desktop app has few screens and needs no router package.
// A list keeps its state (filter, sort, page) in the fragment's query string,
// `#/customers?q=rahul&status=all&sort=name.asc&page=3`, so Back and a reload keep it.
export type Route =
  | { page: 'dashboard' }
  | { page: 'customers'; params?: string }
  | { page: 'customer'; id: number }
  | { page: 'plans' }
  | { page: 'settings' };

export function parseHash(hash: string): Route {
  const [path = '', params = ''] = hash.replace(/^#\/?/, '').split('?', 2);
  const parts = path.split('/').filter(Boolean);
  switch (parts[0]) {
    case 'customers': {
      const id = Number(parts[1]);
      if (Number.isInteger(id) && id > 0) return { page: 'customer', id };
      return params ? { page: 'customers', params } : { page: 'customers' };
    }
    case 'plans':
      return { page: 'plans' };
    case 'settings':
      return { page: 'settings' };
    default:
      return { page: 'dashboard' };
  }
}

export function routeHref(route: Route): string {
  switch (route.page) {
    case 'customer':
      return `#/customers/${route.id}`;
    case 'customers':
      return route.params ? `#/customers?${route.params}` : '#/customers';
    case 'dashboard':
      return '#/';
    default:
      return `#/${route.page}`;
  }
}

/** Goes to another screen: a new entry in the history, so Back returns here. */
export function navigate(route: Route): void {
  window.location.hash = routeHref(route);
}

/** Changes the current screen's state (a list's filter or page) in place: Back skips the steps. */
export function replaceRoute(route: Route): void {
  const href = routeHref(route);
  if (window.location.hash !== href) window.location.replace(href);
}
