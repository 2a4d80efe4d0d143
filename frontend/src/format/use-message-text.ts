// A message in the UI language, following vue-i18n's locale as it changes
// (messageText reads the page's lang, which a template does not track).
import { useI18n } from 'vue-i18n'
import type { Message } from '@/api/message'
import { messageText } from './error-text'

export function useMessageText(): (m: Pick<Message, 'zh' | 'en'> | undefined | null) => string {
  const { locale } = useI18n()
  return (m) => messageText(m, locale.value === 'en' ? 'en' : 'zh')
}
