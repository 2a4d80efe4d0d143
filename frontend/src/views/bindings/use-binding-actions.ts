// The review actions: each asks first when it cannot be undone with one
// click, says what changed, then reloads the page, the counts and the home
// page's steps.
import { ElMessage, ElMessageBox } from 'element-plus'
import { h, ref, type Ref } from 'vue'
import { useI18n } from 'vue-i18n'
import * as api from '@/api'
import type { BindingCandidate, BindingRow } from '@/api'
import { errorCode, errorText } from '@/format/error-text'
import { useAppStore } from '@/stores/app'

/** The codes of a refusal that binding with force overrides (review.ConflictError). */
export const bindingTakenCodes = ['binding_taken', 'binding_taken_wecom']

export function useBindingActions(corpId: Ref<number | null>, afterChange: () => Promise<void>) {
  const { t } = useI18n()
  const store = useAppStore()
  const busy = ref(false)

  async function ask(title: string, body: string, ok: string, danger = false): Promise<boolean> {
    try {
      await ElMessageBox.confirm(body, title, {
        type: 'warning',
        confirmButtonText: ok,
        cancelButtonText: t('bindingsPage.cancel'),
        confirmButtonClass: danger ? 'el-button--danger' : undefined,
        customClass: 'binding-confirm',
      })
      return true
    } catch {
      return false // cancelled or closed
    }
  }

  /** Runs one change; says how it went; reloads. Resolves false when it failed. */
  async function change<T>(run: (corp: number) => Promise<T>, said: (result: T) => string): Promise<boolean> {
    const corp = corpId.value
    if (corp == null) return false
    busy.value = true
    try {
      const result = await run(corp)
      ElMessage.success(said(result))
      return true
    } catch (reason) {
      ElMessage.error({ message: t('bindingsPage.failed.action', { error: errorText(reason) }), duration: 8000 })
      return false
    } finally {
      busy.value = false
      await Promise.all([afterChange(), store.refreshStatus()])
    }
  }

  /** "Name (id)" of one side of a row, or its id alone. */
  function person(name: string | undefined, id: string | undefined): string {
    if (!id) return t('bindingsPage.table.none')
    return name && name !== id ? t('bindingsPage.ask.person', { name, id }) : id
  }

  const counted = (key: string) => (count: number) =>
    count > 0 ? t(`bindingsPage.done.${key}`, { count }, count) : t('bindingsPage.done.nothing')

  function confirm(rowIds: number[]) {
    return change((corp) => api.confirmBindings(corp, rowIds), counted('confirmed'))
  }

  /**
   * A batch asks first; so does one row that is a confirmed binding (rejecting
   * it breaks the binding), naming both sides. A proposal is rejected at once.
   */
  async function reject(rowIds: number[], askFirst: boolean, row?: BindingRow) {
    const count = rowIds.length
    const body = row
      ? t('bindingsPage.ask.rejectOneBody', { local: person(row.localName, row.account), wecom: person(row.wecomName, row.userid) })
      : t('bindingsPage.ask.rejectBody', { count }, count)
    if (askFirst && !(await ask(t('bindingsPage.ask.rejectTitle'), body, t('bindingsPage.ask.rejectOk'), true))) {
      return false
    }
    return change((corp) => api.rejectBindings(corp, rowIds), counted('rejected'))
  }

  /** Always asks, naming the pair of one row or giving the count; the backend wants that count back for a batch. */
  async function unbind(rowIds: number[], row?: BindingRow) {
    const count = rowIds.length
    const body = row
      ? t('bindingsPage.ask.unbindOneBody', { local: person(row.localName, row.account), wecom: person(row.wecomName, row.userid) })
      : t('bindingsPage.ask.unbindBody', { count }, count)
    if (!(await ask(t('bindingsPage.ask.unbindTitle'), body, t('bindingsPage.ask.unbindOk', { count }), true))) {
      return false
    }
    return change((corp) => api.unbindBindings(corp, rowIds, count), counted('unbound'))
  }

  function resolve(row: BindingRow, candidate: BindingCandidate) {
    const chosen = candidate.account || candidate.userid || ''
    const local = row.anchor === 'wecom' ? chosen : (row.account ?? '')
    const wecom = row.anchor === 'wecom' ? (row.userid ?? '') : chosen
    return change((corp) => api.resolveAmbiguous(corp, row.id, chosen), () => t('bindingsPage.done.resolved', { local, wecom }))
  }

  function confirmHigh(minConfidence: number) {
    return change((corp) => api.confirmHighConfidence(corp, minConfidence), counted('confirmed'))
  }

  async function createLocals(count: number) {
    if (count === 0) {
      ElMessage.info(t('bindingsPage.ask.createNone'))
      return false
    }
    if (!(await ask(t('bindingsPage.ask.createTitle'), t('bindingsPage.ask.createBody', { count }), t('bindingsPage.ask.createOk', { count }, count)))) {
      return false
    }
    return change((corp) => api.createLocalAccountsForUnbound(corp), counted('created'))
  }

  /**
   * Binds by hand. When a side is already bound the backend refuses and
   * names that binding ("… bind again with force to replace it"): show its
   * words and bind with force only if the admin agrees.
   */
  async function bindByHand(account: string, userid: string): Promise<boolean> {
    const corp = corpId.value
    if (corp == null) return false
    let refusal = ''
    let takenCode = false
    busy.value = true
    try {
      await api.bindManual(corp, account, userid, false)
    } catch (reason) {
      refusal = errorText(reason)
      takenCode = bindingTakenCodes.includes(errorCode(reason))
    } finally {
      busy.value = false
    }
    if (!refusal) {
      ElMessage.success(t('bindingsPage.done.bound', { account, userid }))
      await Promise.all([afterChange(), store.refreshStatus()])
      return true
    }
    if (!takenCode) {
      ElMessage.error({ message: t('bindingsPage.failed.action', { error: refusal }), duration: 8000 })
      return false
    }
    if (!(await askForce(refusal))) return false
    return change((c) => api.bindManual(c, account, userid, true), () => t('bindingsPage.done.bound', { account, userid }))
  }

  async function askForce(refusal: string): Promise<boolean> {
    const body = h('div', { 'data-testid': 'force-confirm' }, [h('p', refusal), h('p', t('bindingsPage.ask.forceQuestion'))])
    try {
      await ElMessageBox.confirm(body, t('bindingsPage.ask.forceTitle'), {
        type: 'warning',
        confirmButtonText: t('bindingsPage.ask.forceOk'),
        cancelButtonText: t('bindingsPage.cancel'),
        confirmButtonClass: 'el-button--danger',
        customClass: 'binding-force-confirm',
      })
      return true
    } catch {
      return false
    }
  }

  return { busy, confirm, reject, unbind, resolve, confirmHigh, createLocals, bindByHand }
}

export type BindingActions = ReturnType<typeof useBindingActions>
