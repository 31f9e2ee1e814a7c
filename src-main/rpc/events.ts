import type { AppEvents, EventName } from '../../src-shared/contract';

export type EventListener = <E extends EventName>(event: E, payload: AppEvents[E]) => void;

/** Back-end events fanned out to every connected UI (IPC window or SSE stream). */
export class EventBus {
  private readonly listeners = new Set<EventListener>();

  emit<E extends EventName>(event: E, payload: AppEvents[E]): void {
    for (const listener of this.listeners) {
      try {
        listener(event, payload);
      } catch (error) {
        console.error(`event listener for ${event} failed`, error);
      }
    }
  }

  subscribe(listener: EventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
