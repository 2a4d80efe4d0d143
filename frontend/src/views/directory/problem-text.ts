import { catalogueMessage } from '@/api/generated/catalogue'

// Why an import row is rejected, in the reader's language. Each problem
// carries the English message and a stable code with its arguments
// (backend/directory/problems.go); the code picks the Go catalogue's
// directory_problem_<code> (generated into api/generated/catalogue.ts), the
// arguments fill it. An unknown or missing code
// (a preview made before codes existed, a newer backend) shows the English
// message.

/** The part of vue-i18n a problem needs; useI18n() and i18n.global both fit. */
export interface ProblemI18n {
  t: (key: string, named: Record<string, unknown>) => string
  te: (key: string) => boolean
}

export interface ProblemLike {
  field: string
  message: string
  code?: string
  args: Record<string, string>
}

/** An import column (account, employee_no, …) in the reader's language: the catalogue's directory_column_<name>, or the name itself when unknown. */
export function columnLabel(i18n: ProblemI18n, name: string): string {
  const key = catalogueMessage(`directory_column_${name}`)
  return i18n.te(key) ? i18n.t(key, {}) : name
}

/** An account's status (active, resigned) in the reader's language: the catalogue's directory_account_status_<status>, or the status itself when unknown. */
export function statusLabel(i18n: ProblemI18n, status: string): string {
  const key = catalogueMessage(`directory_account_status_${status}`)
  return i18n.te(key) ? i18n.t(key, {}) : status
}

/** Lists of line numbers in arguments are joined by ", ". */
const argListSeparator = ', '

// The arguments as the message shows them: a column by its label, line
// lists joined the reader's way.
function shownArgs(i18n: ProblemI18n, args: Record<string, string>): Record<string, string> {
  const shown: Record<string, string> = { ...args }
  for (const col of ['field', 'missing']) {
    if (args[col] !== undefined) shown[col] = columnLabel(i18n, args[col])
  }
  const separator = i18n.t('listSeparator', {})
  for (const list of ['lines', 'others']) {
    if (args[list] !== undefined) shown[list] = args[list].split(argListSeparator).join(separator)
  }
  return shown
}

/** The problem in the current language, or its English message when the code is empty or unknown. */
export function problemText(i18n: ProblemI18n, problem: ProblemLike): string {
  const key = catalogueMessage(`directory_problem_${problem.code}`)
  if (!problem.code || !i18n.te(key)) return problem.message
  return i18n.t(key, shownArgs(i18n, problem.args))
}
