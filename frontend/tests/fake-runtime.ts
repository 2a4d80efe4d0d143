// A stand-in for the Wails runtime's events (window.runtime) with the v2
// contract: EventsOnMultiple returns a function that removes that listener.
import { vi } from 'vitest'

export function fakeRuntime() {
  const listeners = new Map<string, Set<(...data: unknown[]) => void>>()
  return {
    EventsOnMultiple: vi.fn((name: string, cb: (...data: unknown[]) => void) => {
      const set = listeners.get(name) ?? new Set()
      set.add(cb)
      listeners.set(name, set)
      return () => set.delete(cb)
    }),
    EventsOff: vi.fn((...names: string[]) => names.forEach((n) => listeners.delete(n))),
    emit(name: string, ...data: unknown[]) {
      listeners.get(name)?.forEach((cb) => cb(...data))
    },
    count: (name: string) => listeners.get(name)?.size ?? 0,
  }
}
