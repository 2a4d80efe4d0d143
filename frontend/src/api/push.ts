// Backend calls of the push page (消息推送: rules, API keys, intake settings).
// Views import them through '@/api'.
import {
  CreateAPIKey,
  DeletePushRule,
  GetPushAdminAccount,
  GetPushSettings,
  ListAPIKeys,
  ListPushRules,
  PreviewPushRule,
  RevokeAPIKey,
  SamplePushInput,
  SavePushRule,
  SavePushSettings,
  SendPushTest,
  SetPushAdminAccount,
  SetPushRuleEnabled,
} from '../../wailsjs/go/main/App'
import { push, wecom } from '../../wailsjs/go/models'
import { call } from './call'

type Fields<T> = {
  [K in keyof T as T[K] extends (...args: never[]) => unknown ? never : K]: T[K]
}

export type PushTarget = Fields<push.Target>
export type PushRule = Omit<Fields<push.Rule>, 'targets'> & { targets: PushTarget[] }
export type PushInput = Fields<push.Input>
export type PushTextCard = Fields<wecom.TextCard>
export interface PushPreview {
  target: number
  msgtype: string
  title: string
  message?: {
    msgtype: string
    textcard?: PushTextCard
    text?: { content: string }
    markdown?: { content: string }
    news?: { articles: { title: string; description?: string; url?: string }[] }
  }
  truncated?: string[]
  error?: string
}
export type PushSettings = Fields<push.Settings>
export type PushAPIKey = Fields<push.APIKey>
export interface NewPushAPIKey {
  key: PushAPIKey
  secret: string
}

export const pushMsgTypes = ['textcard', 'text', 'markdown', 'news'] as const
export const allSources = '*'

function normalizeRule(r: PushRule): PushRule {
  return { ...r, targets: r.targets ?? [] }
}

export async function listPushRules(): Promise<PushRule[]> {
  return ((await call(() => ListPushRules())) ?? []).map(normalizeRule)
}

/** Creates (id 0) or updates a rule; errors name the field. */
export async function savePushRule(rule: PushRule): Promise<PushRule> {
  return normalizeRule(await call(() => SavePushRule(push.Rule.createFrom(rule))))
}

export async function deletePushRule(id: number): Promise<void> {
  await call(() => DeletePushRule(id))
}

export async function setPushRuleEnabled(id: number, enabled: boolean): Promise<void> {
  await call(() => SetPushRuleEnabled(id, enabled))
}

/** The WeCom message each target would send for the sample input. */
export async function previewPushRule(rule: PushRule, sample: PushInput): Promise<PushPreview[]> {
  const out = await call(() => PreviewPushRule(push.Rule.createFrom(rule), push.Input.createFrom(sample)))
  return (out ?? []) as unknown as PushPreview[]
}

export async function samplePushInput(source: string): Promise<PushInput> {
  return call(() => SamplePushInput(source))
}

/** Sends the rule's test message to the admin account; returns the log rows. */
export async function sendPushTest(ruleId: number): Promise<number> {
  return ((await call(() => SendPushTest(ruleId))) ?? []).length
}

export async function getPushSettings(): Promise<PushSettings> {
  return call(() => GetPushSettings())
}

export async function savePushSettings(settings: PushSettings): Promise<void> {
  await call(() => SavePushSettings(push.Settings.createFrom(settings)))
}

export type PushKeyPermissions = Fields<push.KeyPermissions>

/** Creates a key; without permissions it sends to named people only (no @all, no departments). */
export async function createAPIKey(name: string, perms: PushKeyPermissions = { all: false, departments: false }): Promise<NewPushAPIKey> {
  return call(() => CreateAPIKey(name, push.KeyPermissions.createFrom(perms)))
}

export async function listAPIKeys(): Promise<PushAPIKey[]> {
  return (await call(() => ListAPIKeys())) ?? []
}

export async function revokeAPIKey(id: number): Promise<void> {
  await call(() => RevokeAPIKey(id))
}

export async function getPushAdminAccount(): Promise<string> {
  return call(() => GetPushAdminAccount())
}

export async function setPushAdminAccount(account: string): Promise<void> {
  await call(() => SetPushAdminAccount(account))
}
