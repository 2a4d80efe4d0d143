import { EventsOff, EventsOn } from '../../wailsjs/runtime/runtime'

export type Unsubscribe = () => void

/**
 * Listens to a backend event. The backend emits one payload per event.
 * Returns the function that removes exactly this listener.
 */
export function onEvent<T = unknown>(name: string, handler: (payload: T) => void): Unsubscribe {
  const off = EventsOn(name, (...data: unknown[]) => handler(data[0] as T))
  return () => {
    off()
  }
}

/** Removes every listener of the named events. */
export function offEvents(name: string, ...more: string[]): void {
  EventsOff(name, ...more)
}
