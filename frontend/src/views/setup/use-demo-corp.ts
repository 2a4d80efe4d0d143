// Starting and removing the demo corp (an in-process WeCom simulator), from
// the home page's offer and from the setup page. Both refresh the header.
import { ElMessage, ElMessageBox } from 'element-plus'
import { ref } from 'vue'
import { useI18n } from 'vue-i18n'
import * as api from '@/api'
import type { Corp } from '@/api'
import { errorText } from '@/format/error-text'
import { useAppStore } from '@/stores/app'

export function useDemoCorp() {
  const store = useAppStore()
  const { t } = useI18n()
  const busy = ref(false)

  /** Resolves the demo corp, or null when starting failed (already said). */
  async function start(): Promise<Corp | null> {
    busy.value = true
    try {
      const corp = await api.startDemo()
      ElMessage.success(t('setupPage.demo.started'))
      return corp
    } catch (reason) {
      ElMessage.error(t('setupPage.demo.startFailed', { error: errorText(reason) }))
      return null
    } finally {
      await store.refreshStatus()
      busy.value = false
    }
  }

  /** Asks first; resolves true when the demo corp was removed. */
  async function remove(): Promise<boolean> {
    try {
      await ElMessageBox.confirm(t('setupPage.demo.removeQuestion'), t('setupPage.demo.removeTitle'), {
        type: 'warning',
        confirmButtonText: t('setupPage.demo.remove'),
        cancelButtonText: t('setupPage.form.cancel'),
        confirmButtonClass: 'el-button--danger',
        customClass: 'demo-remove-confirm',
      })
    } catch {
      return false
    }
    busy.value = true
    try {
      await api.removeDemo()
      ElMessage.success(t('setupPage.demo.removed'))
      return true
    } catch (reason) {
      ElMessage.error(t('setupPage.demo.removeFailed', { error: errorText(reason) }))
      return false
    } finally {
      await store.refreshStatus()
      busy.value = false
    }
  }

  return { busy, start, remove }
}
