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
import type { PushMsgType } from './generated/contract'
import type { Plain } from './plain'

export type PushTarget = Plain<push.Target>
export type PushRule = Plain<push.Rule>
export type PushInput = Plain<push.Input>
export type PushTextCard = Plain<wecom.TextCard>
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
  truncated: string[]
  error?: string
}
export type PushSettings = Plain<push.Settings>
export type PushAPIKey = Plain<push.APIKey>
export interface NewPushAPIKey {
  key: PushAPIKey
  secret: string
}

/** The types the rule editor offers (template_card is sent only through the intake API). */
export const pushMsgTypes: readonly PushMsgType[] = ['textcard', 'text', 'markdown', 'news']
export const allSources = '*'

export async function listPushRules(): Promise<PushRule[]> {
  return call(() => ListPushRules())
}

/** Creates (id 0) or updates a rule; errors name the field. */
export async function savePushRule(rule: PushRule): Promise<PushRule> {
  return call(() => SavePushRule(push.Rule.createFrom(rule)))
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
  return out as unknown as PushPreview[]
}

export async function samplePushInput(source: string): Promise<PushInput> {
  return call(() => SamplePushInput(source))
}

/** Sends the rule's test message to the admin account; returns the log rows. */
export async function sendPushTest(ruleId: number): Promise<number> {
  return (await call(() => SendPushTest(ruleId))).length
}

export async function getPushSettings(): Promise<PushSettings> {
  return call(() => GetPushSettings())
}

export async function savePushSettings(settings: PushSettings): Promise<void> {
  await call(() => SavePushSettings(push.Settings.createFrom(settings)))
}

export type PushKeyPermissions = Plain<push.KeyPermissions>

/** Creates a key that pushes into corp corpId; without permissions it sends to named people only (no @all, no departments). */
export async function createAPIKey(corpId: number, name: string, perms: PushKeyPermissions = { all: false, departments: false }): Promise<NewPushAPIKey> {
  return call(() => CreateAPIKey(corpId, name, push.KeyPermissions.createFrom(perms)))
}

/** Every corp's keys, each with its corp (revoked ones included, newest first). */
export async function listAPIKeys(): Promise<PushAPIKey[]> {
  return call(() => ListAPIKeys())
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
