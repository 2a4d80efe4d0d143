import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { offEvents, onEvent } from '@/api/events'

// A stand-in for window.runtime with the Wails v2 contract:
// EventsOnMultiple returns a function that removes that one listener.
function fakeRuntime() {
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
  }
}

describe('events wrapper', () => {
  let runtime: ReturnType<typeof fakeRuntime>

  beforeEach(() => {
    runtime = fakeRuntime()
    vi.stubGlobal('runtime', runtime)
  })
  afterEach(() => {
    vi.unstubAllGlobals()
  })

  it('delivers the payload and returns a working unsubscribe', () => {
    const seen: unknown[] = []
    const off = onEvent<{ done: number }>('sync:progress', (p) => seen.push(p))
    expect(runtime.EventsOnMultiple).toHaveBeenCalledWith('sync:progress', expect.any(Function), -1)

    runtime.emit('sync:progress', { done: 1 })
    off()
    runtime.emit('sync:progress', { done: 2 })

    expect(seen).toEqual([{ done: 1 }])
  })

  it('unsubscribes only its own listener', () => {
    const a = vi.fn()
    const b = vi.fn()
    const offA = onEvent('x', a)
    onEvent('x', b)
    offA()
    runtime.emit('x', 'hello')
    expect(a).not.toHaveBeenCalled()
    expect(b).toHaveBeenCalledWith('hello')
  })

  it('offEvents removes every listener of the named events', () => {
    const a = vi.fn()
    onEvent('x', a)
    offEvents('x', 'y')
    expect(runtime.EventsOff).toHaveBeenCalledWith('x', 'y')
    runtime.emit('x', 1)
    expect(a).not.toHaveBeenCalled()
  })
})
