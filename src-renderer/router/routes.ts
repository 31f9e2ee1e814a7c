// A tiny hash router: the desktop app has few screens and needs no router package.
// A list keeps its state (filter, sort, page) in the fragment's query string,
// `#/customers?q=rahul&status=all&sort=name.asc&page=3`, so Back and a reload keep it.
export type Route =
  | { page: 'dashboard' }
  | { page: 'customers'; params?: string }
  | { page: 'customer'; id: number }
  | { page: 'plans' }
  | { page: 'billing' }
  | { page: 'invoices'; params?: string }
  | { page: 'invoice'; id: number }
  | { page: 'counter'; params?: string }
  | { page: 'payments'; params?: string }
  | { page: 'payment'; id: number }
  | { page: 'paymentsImport' }
  | { page: 'dues'; params?: string }
  | { page: 'daybook'; params?: string }
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
    case 'billing':
      return { page: 'billing' };
    case 'invoices': {
      const id = Number(parts[1]);
      if (Number.isInteger(id) && id > 0) return { page: 'invoice', id };
      return params ? { page: 'invoices', params } : { page: 'invoices' };
    }
    case 'counter':
      return params ? { page: 'counter', params } : { page: 'counter' };
    case 'payments': {
      if (parts[1] === 'import') return { page: 'paymentsImport' };
      const id = Number(parts[1]);
      if (Number.isInteger(id) && id > 0) return { page: 'payment', id };
      return params ? { page: 'payments', params } : { page: 'payments' };
    }
    case 'dues':
      return params ? { page: 'dues', params } : { page: 'dues' };
    case 'daybook':
      return params ? { page: 'daybook', params } : { page: 'daybook' };
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
    case 'invoice':
      return `#/invoices/${route.id}`;
    case 'invoices':
      return route.params ? `#/invoices?${route.params}` : '#/invoices';
    case 'counter':
      return route.params ? `#/counter?${route.params}` : '#/counter';
    case 'payment':
      return `#/payments/${route.id}`;
    case 'payments':
      return route.params ? `#/payments?${route.params}` : '#/payments';
    case 'paymentsImport':
      return '#/payments/import';
    case 'dues':
    case 'daybook':
      return route.params ? `#/${route.page}?${route.params}` : `#/${route.page}`;
    case 'dashboard':
      return '#/';
    default:
      return `#/${route.page}`;
  }
}

/** Goes to another screen: a new entry in the history, so Back returns here. */
export function navigate(route: Route): void {
  navigationGuards().push(routeHref(route));
}

/** Changes the current screen's state (a list's filter or page) in place: Back skips the steps. */
export function replaceRoute(route: Route): void {
  const href = routeHref(route);
  if (window.location.hash !== href) window.location.replace(href);
}

/** What the guards need of the address bar; the window's in the app, a fake one in tests. */
export interface HashLocation {
  hash: () => string;
  /** Goes to another screen with a new history entry. */
  push: (hash: string) => void;
  /** Changes the current history entry without a new one. */
  replace: (hash: string) => void;
}

/** A page with unsaved work: asked whether to leave; `go` leaves, not calling it stays. */
export type NavigationGuard = (go: () => void) => void;

/**
 * Pages register a guard while they hold unsaved work. Moves made with navigate() are asked
 * before the hash changes; a link or Back changes it first (hashchange cannot be cancelled),
 * so the old hash is put back, the question asked, and the move made again only on "Discard".
 */
export function createNavigationGuards(location: HashLocation) {
  const guards = new Set<NavigationGuard>();
  const listeners = new Set<() => void>();
  let current = location.hash();

  const notify = () => listeners.forEach((listener) => listener());
  const blocking = () => [...guards].at(-1);
  const leaveTo = (hash: string, move: (hash: string) => void) => {
    current = hash;
    move(hash);
    notify();
  };

  return {
    /** Registers a guard; the returned function removes it. */
    addGuard(guard: NavigationGuard): () => void {
      guards.add(guard);
      return () => guards.delete(guard);
    },
    /** True while some page would lose unsaved work: the tab's close and reload ask too. */
    guarded: () => guards.size > 0,
    /** Re-renders on each accepted change of screen. */
    subscribe(listener: () => void): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    /** The hash the app shows: the address bar's, except while a refused move is being undone. */
    currentHash: () => current,
    push(hash: string): void {
      if (hash === location.hash()) return;
      const guard = blocking();
      if (guard) guard(() => leaveTo(hash, location.push));
      else leaveTo(hash, location.push);
    },
    /** Called on every hashchange. */
    hashChanged(): void {
      const hash = location.hash();
      if (hash === current) return;
      const guard = blocking();
      if (!guard) {
        current = hash;
        notify();
        return;
      }
      location.replace(current);
      guard(() => leaveTo(hash, location.replace));
    },
  };
}

export type NavigationGuards = ReturnType<typeof createNavigationGuards>;

let windowGuards: NavigationGuards | undefined;

/** The app's one set of guards, listening to the window from its first use. */
export function navigationGuards(): NavigationGuards {
  if (windowGuards) return windowGuards;
  const guards = createNavigationGuards({
    hash: () => window.location.hash,
    push: (hash) => (window.location.hash = hash),
    replace: (hash) => window.location.replace(hash),
  });
  window.addEventListener('hashchange', guards.hashChanged);
  window.addEventListener('beforeunload', (event) => {
    // The browser's own "Leave site?": the only question a closing tab may ask.
    if (guards.guarded()) event.preventDefault();
  });
  windowGuards = guards;
  return guards;
}
