// @vitest-environment node
// The push chart's option, laid out by the real ECharts (server-side, no
// canvas): a single success reaches the "1" line, a recalled message is its
// own part (never 成功), counts have whole ticks, and nothing animates (a
// growing bar caught mid-way drew one success far below the "1" line).
import * as echarts from 'echarts'
import { describe, expect, it } from 'vitest'
import type { PushStatsBucket } from '@/api'
import { statsOption } from '@/views/pushlogs/stats-option'

const labels = { sent: '成功', recalled: '已撤回', failed: '失败' }

// The parts of ECharts' model the test reads (getModel is internal API).
interface Model {
  getComponent(type: string, index: number): { axis: { scale: { getExtent(): number[]; getTicks(): { value: number }[] } } }
  getSeriesByIndex(index: number): { getData(): { getItemLayout(index: number): { y: number; height: number } } }
}

function layout(buckets: PushStatsBucket[]) {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: 600, height: 220 })
  chart.setOption(statsOption(buckets, labels))
  const model = (chart as unknown as { getModel(): Model }).getModel()
  const y = model.getComponent('yAxis', 0).axis
  const out = {
    extent: y.scale.getExtent(),
    ticks: y.scale.getTicks().map((tick) => tick.value),
    px: (v: number) => chart.convertToPixel({ yAxisIndex: 0 }, v) as number,
    barTop: (series: number, index: number) => {
      const layout = model.getSeriesByIndex(series).getData().getItemLayout(index)
      return Math.min(layout.y, layout.y + layout.height)
    },
  }
  return { ...out, dispose: () => chart.dispose() }
}

const day = (key: string, sent: number, recalled = 0, failed = 0): PushStatsBucket => ({ key, sent, recalled, failed, no_rule: 0 })

describe('push stats chart', () => {
  it('draws a single success up to the 1 line, with whole ticks and no animation', () => {
    const option = statsOption([day('2026-12-07', 1)], labels)
    expect(option.animation).toBe(false)
    const c = layout([day('2026-12-06', 0), day('2026-12-07', 1)])
    expect(c.extent).toEqual([0, 1])
    expect(c.ticks).toEqual([0, 1])
    expect(c.barTop(0, 1)).toBeCloseTo(c.px(1), 0)
    c.dispose()
  })

  it('stacks a recalled message as its own part, not as a success', () => {
    const option = statsOption([day('2026-12-07', 2, 1, 3)], labels)
    expect(option.series.map((s) => [s.name, s.data[0]])).toEqual([['成功', 2], ['已撤回', 1], ['失败', 3]])
    const c = layout([day('2026-12-07', 2, 1, 3)])
    expect(c.ticks.every(Number.isInteger)).toBe(true)
    expect(c.barTop(0, 0)).toBeCloseTo(c.px(2), 0)
    expect(c.barTop(1, 0)).toBeCloseTo(c.px(3), 0)
    expect(c.barTop(2, 0)).toBeCloseTo(c.px(6), 0)
    c.dispose()
  })
})
