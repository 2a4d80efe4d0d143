// The backend sends some texts in both languages (reasons, fixes, stops).
import { computed } from 'vue'
import { useI18n } from 'vue-i18n'

export function useBilingual() {
  const { locale } = useI18n()
  const english = computed(() => locale.value === 'en')
  /** The text in the UI language, falling back to the other one. */
  function pick(zh: string | undefined, en: string | undefined): string {
    return (english.value ? en || zh : zh || en) ?? ''
  }
  return { pick }
}
