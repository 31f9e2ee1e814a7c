import { useMemo, useSyncExternalStore } from 'react';
import { navigationGuards, parseHash, type Route } from './routes';

const subscribe = (onChange: () => void) => navigationGuards().subscribe(onChange);
const currentHash = () => navigationGuards().currentHash();

/** The screen named by the address bar's #fragment; re-renders when it changes (and a guard lets it). */
export function useHashRoute(): Route {
  const hash = useSyncExternalStore(subscribe, currentHash);
  return useMemo(() => parseHash(hash), [hash]);
}
