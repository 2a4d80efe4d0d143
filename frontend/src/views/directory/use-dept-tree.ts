// The department tree of the page: loading it, the selected department,
// and deleting one after the admin confirmed.
import { ElMessage, ElMessageBox } from 'element-plus'
import { computed, ref } from 'vue'
import { useI18n } from 'vue-i18n'
import * as api from '@/api'
import type { DeptNode } from '@/api'
import { errorText } from '@/format/error-text'
import { indexDepts, joinDeptPath } from './dept-index'

export function useDeptTree() {
  const { t } = useI18n()
  const tree = ref<DeptNode[]>([])
  const loaded = ref(false)
  const loadError = ref('')
  const index = computed(() => indexDepts(tree.value))

  async function load(): Promise<void> {
    try {
      tree.value = await api.getDirectoryTree()
      loadError.value = ''
    } catch (reason) {
      loadError.value = errorText(reason)
    } finally {
      loaded.value = true
    }
  }

  function find(id: number): DeptNode | null {
    return index.value.byId.get(id) ?? null
  }

  /** Resolves true once deleted; false when the admin cancelled or the backend refused (it says why). */
  async function removeWithConfirmation(dept: DeptNode): Promise<boolean> {
    const path = joinDeptPath(dept.path)
    try {
      await ElMessageBox.confirm(t('directoryPage.dept.deleteConfirm', { path }), t('directoryPage.dept.deleteTitle'), {
        type: 'warning',
        confirmButtonText: t('directoryPage.dept.deleteButton'),
        cancelButtonText: t('directoryPage.dept.cancel'),
        confirmButtonClass: 'el-button--danger',
        customClass: 'dept-delete-confirm',
      })
    } catch {
      return false // cancelled or closed
    }
    try {
      await api.deleteDirectoryDepartment(dept.id)
      ElMessage.success(t('directoryPage.dept.deleted', { path }))
      return true
    } catch (reason) {
      ElMessage.error({ message: t('directoryPage.dept.deleteFailed', { error: errorText(reason) }), duration: 8000 })
      return false
    }
  }

  return { tree, loaded, loadError, index, load, find, removeWithConfirmation }
}
