// Offers a file the backend exported: a download in serve mode, its path on
// this machine in the desktop app.
import { ElMessage } from 'element-plus'
import { ref } from 'vue'
import { useI18n } from 'vue-i18n'
import * as api from '@/api'
import type { FileExport } from '@/api'
import { errorText } from '@/format/error-text'

export function useExportOffer() {
  const { t } = useI18n()
  const exporting = ref('')

  /** Runs the export named `what` (for the busy state), then offers the file. */
  async function offer(what: string, make: () => Promise<FileExport>) {
    exporting.value = what
    try {
      const offered = await api.offerDownload(await make())
      if (offered.kind === 'downloaded') ElMessage.success(t('syncPage.export.downloaded', { name: offered.name }))
      else ElMessage({ type: 'success', message: t('syncPage.export.saved', { path: offered.path }), duration: 10_000, showClose: true })
    } catch (reason) {
      ElMessage.error(t('syncPage.export.failed', { error: errorText(reason) }))
    } finally {
      exporting.value = ''
    }
  }
  return { exporting, offer }
}
