import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import * as api from '@/api'
import type { AppInfo, StartStatus } from '@/api'
import { errorText } from '@/format/error-text'
import { defaultLanguage, isLanguage, type Language } from '@/locales'

// App-wide state: app info, UI language and the getting-started status.
export const useAppStore = defineStore('app', () => {
  const language = ref<Language>(defaultLanguage)
  const info = ref<AppInfo | null>(null)
  const infoError = ref('')
  const startStatus = ref<StartStatus | null>(null)
  const startStatusError = ref('')

  const activeCorp = computed(() => startStatus.value?.activeCorp ?? null)

  let languageChosen = false
  let infoRequest: Promise<void> | null = null
  let startStatusRequest: Promise<void> | null = null

  /** Loads app info and the saved language; concurrent callers share one request. */
  function loadInfo(): Promise<void> {
    infoRequest ??= (async () => {
      try {
        info.value = await api.getAppInfo()
        infoError.value = ''
        // The saved language wins unless the admin switched while we waited.
        if (!languageChosen && isLanguage(info.value.language)) {
          language.value = info.value.language
        }
      } catch (reason) {
        infoError.value = errorText(reason)
      } finally {
        infoRequest = null
      }
    })()
    return infoRequest
  }

  /** Loads the getting-started status; concurrent callers share one request. */
  function loadStartStatus(): Promise<void> {
    startStatusRequest ??= (async () => {
      try {
        startStatus.value = await api.getStartStatus()
        startStatusError.value = ''
      } catch (reason) {
        startStatusError.value = errorText(reason)
      } finally {
        startStatusRequest = null
      }
    })()
    return startStatusRequest
  }

  /**
   * Reloads the getting-started status after a change (corp saved, demo
   * started…): waits for a load already running, which may predate the
   * change, then loads again so the header and the home steps are current.
   */
  async function refreshStatus(): Promise<void> {
    if (startStatusRequest) await startStatusRequest
    await loadStartStatus()
  }

  /** Switches the UI at once, then persists; rejects if saving failed. */
  async function setLanguage(lang: Language): Promise<void> {
    languageChosen = true
    language.value = lang
    await api.setLanguage(lang)
  }

  return {
    language,
    info,
    infoError,
    startStatus,
    startStatusError,
    activeCorp,
    loadInfo,
    loadStartStatus,
    refreshStatus,
    setLanguage,
  }
})
