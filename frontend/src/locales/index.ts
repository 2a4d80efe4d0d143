import { createI18n } from 'vue-i18n'
import { catalogueEn, catalogueZh } from '@/api/generated/catalogue'
import en from './en'
import { featuresEn, featuresZh } from './features'
import zhCN, { type MessageSchema as ShellSchema } from './zh-CN'

export type MessageSchema = ShellSchema & typeof featuresZh & { catalogue: typeof catalogueZh }

export const languages = ['zh-CN', 'en'] as const
export type Language = (typeof languages)[number]
export const defaultLanguage: Language = 'zh-CN'

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (languages as readonly string[]).includes(value)
}

export function createAppI18n(locale: Language = defaultLanguage) {
  return createI18n<[MessageSchema], Language, false>({
    legacy: false,
    locale,
    fallbackLocale: defaultLanguage,
    // catalogue: the Go catalogue's texts the UI renders from {code, args} (generated).
    messages: { 'zh-CN': { ...zhCN, ...featuresZh, catalogue: catalogueZh }, en: { ...en, ...featuresEn, catalogue: catalogueEn } },
  })
}
