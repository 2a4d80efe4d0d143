// Deleting a corp or an app, always after the admin confirmed. The backend's
// DeleteCorp/DeleteApp(id, false) deletes at once when nothing depends on
// the thing, and otherwise lists what does; so a thing not known to be in
// use gets a plain question first, and a listed one the list of dependents.
import { ElMessageBox } from 'element-plus'
import { h, type VNode } from 'vue'
import { useI18n } from 'vue-i18n'
import type { Dependent, Dependents } from '@/api'
import { bilingualPart } from './field-text'

export interface DeleteRequest {
  kind: 'corp' | 'app'
  name: string
  /** True when the page already knows something depends on it (a corp's apps). */
  knownInUse: boolean
  remove: (confirm: boolean) => Promise<Dependents>
}

export function useConfirmDelete() {
  const { t, locale } = useI18n()

  async function ask(kind: DeleteRequest['kind'], message: string | VNode): Promise<boolean> {
    try {
      await ElMessageBox.confirm(message, t(`setupPage.delete.${kind}Title`), {
        type: 'warning',
        confirmButtonText: t('setupPage.delete.confirm'),
        cancelButtonText: t('setupPage.form.cancel'),
        confirmButtonClass: 'el-button--danger',
        customClass: 'delete-confirm',
      })
      return true
    } catch {
      return false // cancelled or closed
    }
  }

  function dependentsMessage(req: DeleteRequest, items: Dependent[]): VNode {
    return h('div', { 'data-testid': 'delete-confirm' }, [
      h('p', t(`setupPage.delete.${req.kind}InUse`, { name: req.name })),
      h(
        'ul',
        { 'data-testid': 'delete-dependents' },
        items.map((item) => h('li', t('setupPage.delete.item', { label: bilingualPart(locale.value, item.label), count: item.count }))),
      ),
      h('p', t('setupPage.delete.goesToo')),
    ])
  }

  /** Resolves true when deleted, false when the admin cancelled; rejects when a call failed. */
  async function deleteWithConfirmation(req: DeleteRequest): Promise<boolean> {
    if (!req.knownInUse) {
      const plain = h('p', { 'data-testid': 'delete-confirm' }, t(`setupPage.delete.${req.kind}Plain`, { name: req.name }))
      if (!(await ask(req.kind, plain))) return false
    }
    let answer = await req.remove(false)
    if (answer.needsConfirm) {
      if (!(await ask(req.kind, dependentsMessage(req, answer.items)))) return false
      answer = await req.remove(true)
    }
    return answer.deleted
  }

  return { deleteWithConfirmation }
}
