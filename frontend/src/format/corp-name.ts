// A corp's name as the admin reads it. The demo corp's stored name is
// Chinese with a marker (corp.DemoName, "演示企业 (DEMO)"); it is shown as
// header.demoCorpName in the UI language, beside a 演示/Demo tag where the
// page has one. Other corps' names are the admin's data, shown as they are.
import { useI18n } from 'vue-i18n'

export type NamedCorp = { name: string; demo?: boolean }

export function corpDisplayName(corp: NamedCorp, t: (key: string) => string): string {
  return corp.demo ? t('header.demoCorpName') : corp.name
}

/** corpDisplayName in the current UI language (reactive in templates). */
export function useCorpName(): (corp: NamedCorp) => string {
  const { t } = useI18n()
  return (corp) => corpDisplayName(corp, t)
}
