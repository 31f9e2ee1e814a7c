// A tiny hash router: the desktop app has few screens and needs no router package.
export type Route =
  | { page: 'dashboard' }
  | { page: 'customers' }
  | { page: 'customer'; id: number }
  | { page: 'plans' }
  | { page: 'settings' };

export function parseHash(hash: string): Route {
  const parts = hash.replace(/^#\/?/, '').split('/').filter(Boolean);
  switch (parts[0]) {
    case 'customers': {
      const id = Number(parts[1]);
      return Number.isInteger(id) && id > 0 ? { page: 'customer', id } : { page: 'customers' };
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
    case 'dashboard':
      return '#/';
    default:
      return `#/${route.page}`;
  }
}

export function navigate(route: Route): void {
  window.location.hash = routeHref(route);
}
