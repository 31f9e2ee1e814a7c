import { useEffect, useRef, useState } from 'react';
import { navigationGuards } from '../router/routes';
import type { DiscardGuard } from './useDiscardGuard';

export type NavigationGuardState = Pick<DiscardGuard, 'asking' | 'keepEditing' | 'discard'>;

/**
 * A page with unsaved work asks "Discard changes?" before the app leaves it (a link, Ctrl+K,
 * Back) and lets the browser ask before a reload or a closed tab. Show the answer with
 * <DiscardChangesDialog {...guard} />.
 */
export function useNavigationGuard(dirty: boolean): NavigationGuardState {
  const [asking, setAsking] = useState(false);
  const leave = useRef<(() => void) | null>(null);

  useEffect(() => {
    if (!dirty) return;
    return navigationGuards().addGuard((go) => {
      leave.current = go;
      setAsking(true);
    });
  }, [dirty]);

  return {
    asking,
    keepEditing: () => {
      leave.current = null;
      setAsking(false);
    },
    discard: () => {
      const go = leave.current;
      leave.current = null;
      setAsking(false);
      go?.();
    },
  };
}
