// The connectivity checks of the page, one state per corp, fed live by the
// "corp:check" progress events while CheckCorp runs.
import { ElMessage } from 'element-plus'
import { onBeforeUnmount, onMounted, reactive } from 'vue'
import { useI18n } from 'vue-i18n'
import * as api from '@/api'
import type { CheckProgress, CheckResult, CheckStep, Unsubscribe } from '@/api'
import { errorText } from '@/format/error-text'

export interface CheckState {
  running: boolean
  /** Steps of the running check (0 until the first event says). */
  total: number
  /** Steps finished so far, as the events report them. */
  finished: CheckStep[]
  result: CheckResult | null
  error: string
}

export function idleCheck(): CheckState {
  return { running: false, total: 0, finished: [], result: null, error: '' }
}

export function useCorpChecks() {
  const { t } = useI18n()
  const states = reactive<Record<number, CheckState>>({})
  let stopListening: Unsubscribe | undefined

  function onProgress(progress: CheckProgress) {
    const state = states[progress.corpRef]
    if (!state?.running) return
    state.total = progress.total
    if (progress.step && !progress.final) state.finished.push(progress.step)
  }

  async function run(corpId: number): Promise<void> {
    if (states[corpId]?.running) return
    states[corpId] = { ...idleCheck(), running: true }
    const state = states[corpId]
    try {
      state.result = await api.checkCorp(corpId)
    } catch (reason) {
      state.error = errorText(reason)
      ElMessage.error(t('setupPage.check.failedToRun', { error: state.error }))
    } finally {
      state.running = false
    }
  }

  /** Forgets the check of a deleted corp. */
  function forget(corpId: number) {
    delete states[corpId]
  }

  onMounted(() => {
    stopListening = api.onCheckProgress(onProgress)
  })
  onBeforeUnmount(() => stopListening?.())

  return { states, run, forget }
}
