// The push chart's ECharts option: one stacked bar per day or source, in
// sent (成功), recalled (已撤回) and failed (失败) parts. A recalled message is
// its own part, never 成功. No animation: a bar that grows from zero is
// caught mid-way by a screenshot or a glance (a single success drawn far
// below the "1" line), and the chart is read, not watched.
import type { PushStatsBucket } from '@/api'

export type StatsLabels = { sent: string; recalled: string; failed: string }

export function statsOption(buckets: PushStatsBucket[], labels: StatsLabels) {
  const bar = (name: string, color: string, value: (b: PushStatsBucket) => number) => ({
    name, type: 'bar', stack: 'n', data: buckets.map(value), itemStyle: { color },
  })
  return {
    animation: false,
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 40, right: 16, top: 32, bottom: 24 },
    xAxis: { type: 'category', data: buckets.map((b) => b.key) },
    // Counts are whole: no 0.5 ticks.
    yAxis: { type: 'value', minInterval: 1, axisLabel: { formatter: (v: number) => (Number.isInteger(v) ? String(v) : '') } },
    series: [
      bar(labels.sent, '#67c23a', (b) => b.sent),
      bar(labels.recalled, '#909399', (b) => b.recalled),
      bar(labels.failed, '#f56c6c', (b) => b.failed),
    ],
  }
}
