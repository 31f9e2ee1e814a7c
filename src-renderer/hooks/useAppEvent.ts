import { useEffect, useEffectEvent } from 'react';
import type { AppEvents, EventName } from '../../src-shared/contract';
import { onEvent } from '../api';

/** Calls `listener` whenever the back end pushes `event` (e.g. customers.changed). */
export function useAppEvent<E extends EventName>(event: E, listener: (payload: AppEvents[E]) => void): void {
  const handle = useEffectEvent(listener);
  useEffect(() => onEvent(event, (payload) => handle(payload)), [event]);
}
