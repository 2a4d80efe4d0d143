// Deleting a corp or an app, always after the admin typed its name. The
// backend's DeleteCorp/DeleteApp(id, '') deletes nothing and lists what
// depends on the thing (apps, members pulled, bindings, plans, schedules,
// push rules…); the admin reads the list and types the name, and the second
// call, with the typed name, deletes.
import { ElMessageBox } from 'element-plus'
import { h, type VNode } from 'vue'
import { useI18n } from 'vue-i18n'
import type { Dependent, Dependents } from '@/api'
import { messageText } from '@/format/error-text'

export interface DeleteRequest {
  kind: 'corp' | 'app'
  name: string
  /** typedName '' only lists the dependents; the thing's name deletes it. */
  remove: (typedName: string) => Promise<Dependents>
}

export function useConfirmDelete() {
  const { t, locale } = useI18n()

  /** The backend's words for one kind with its count: "推送规则 2 条" / "2 push rules". */
  function itemText(item: Dependent): string {
    return messageText(item.label, locale.value)
  }

  function message(req: DeleteRequest, items: Dependent[]): VNode {
    const intro = items.length
      ? [
          h('p', t(`setupPage.delete.${req.kind}InUse`, { name: req.name })),
          h(
            'ul',
            { 'data-testid': 'delete-dependents' },
            items.map((item) => h('li', itemText(item))),
          ),
          h('p', t('setupPage.delete.goesToo')),
        ]
      : [h('p', t(`setupPage.delete.${req.kind}Plain`, { name: req.name }))]
    return h('div', { 'data-testid': 'delete-confirm' }, [...intro, h('p', t('setupPage.delete.typeName', { name: req.name }))])
  }

  /** Resolves true when deleted, false when the admin cancelled; rejects when a call failed. */
  async function deleteWithConfirmation(req: DeleteRequest): Promise<boolean> {
    const listed = await req.remove('')
    if (listed.deleted) return true
    let typed: string
    try {
      const answer = await ElMessageBox.prompt(message(req, listed.items), t(`setupPage.delete.${req.kind}Title`), {
        type: 'warning',
        confirmButtonText: t('setupPage.delete.confirm'),
        cancelButtonText: t('setupPage.form.cancel'),
        confirmButtonClass: 'el-button--danger',
        customClass: 'delete-confirm',
        inputPlaceholder: req.name,
        inputValidator: (v: string) => v.trim() === req.name.trim() || t('setupPage.delete.nameMismatch'),
      })
      typed = answer.value
    } catch {
      return false // cancelled or closed
    }
    return (await req.remove(typed.trim())).deleted
  }

  return { deleteWithConfirmation }
}
