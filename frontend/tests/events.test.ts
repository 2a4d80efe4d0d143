import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { offEvents, onEvent } from '@/api/events'
import { fakeRuntime } from './fake-runtime'

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
