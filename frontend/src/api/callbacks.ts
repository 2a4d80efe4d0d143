// Backend calls of the 回调 page: the callback event log, auto-reply rules
// and template-card buttons. Views import them through '@/api'.
import {
  CallbackDayCounts,
  DeleteAutoReplyRules,
  ListAutoReplyApps,
  ListAutoReplyRules,
  ListCallbackEvents,
  ListCardClicks,
  ListCardWebhooks,
  ReplayCallbackEvent,
  SaveAutoReplyRule,
  SetAutoReplyRuleEnabled,
  SetAutoReplySwitch,
  SetCardWebhook,
  TryAutoReply,
} from '../../wailsjs/go/main/App'
import { autoreply, callback } from '../../wailsjs/go/models'
import { call } from './call'
import type { Message } from './message'
import type { Plain } from './plain'

export type CallbackState = 'received' | 'processed' | 'duplicate' | 'failed'
export const callbackStates: readonly CallbackState[] = ['received', 'processed', 'duplicate', 'failed']

export interface CallbackEvent {
  id: number
  corpRef: number
  agentId: number
  kind: 'contact' | 'app'
  type: string
  changeType: string
  fromUser: string
  state: CallbackState
  dupOf?: number
  attempts: number
  error?: Message | null
  effects: Message[]
  receivedAt: string
  processedAt?: string | null
  /** The decrypted message without its once-only ResponseCode. */
  msg: Record<string, unknown>
}

export interface CallbackFilter {
  corpRef: number
  /** null: every endpoint; 0: the contact callback; else an app's AgentId. */
  agentId: number | null
  type: string
  state: string
  from: string | null
  to: string | null
  limit: number
  beforeId: number
}

export type CallbackDayCount = { day: string; received: number; processed: number; failed: number; duplicate: number; refused: number }
export type AutoReplyRule = Plain<autoreply.Rule>
export type AutoReplyRuleInput = Plain<autoreply.RuleInput>
export type AutoReplyFilter = Plain<autoreply.Filter>
export type AutoReplyApp = Plain<autoreply.AppSwitch>
export type AutoReplyTry = Plain<autoreply.TryResult>
export interface CardWebhook {
  ruleId: number
  ruleName: string
  source: string
  url: string
  hasSecret: boolean
  secretMask: string
  secret?: string
}
export interface CardClick {
  id: number
  deliveryId: number
  ruleName: string
  title: string
  source: string
  corpId: number
  agentId: number
  userid: string
  key: string
  buttonText: string
  clickedAt: string
  cardState: 'pending' | 'updated' | 'failed'
  cardError: string
  webhookState: 'none' | 'pending' | 'delivered' | 'failed'
  webhookAttempts: number
  webhookStatus: number
  webhookError?: Message | null
  webhookDoneAt?: string | null
  webhookNextAt?: string | null
}

export const autoReplyMatches = ['contains', 'prefix', 'suffix', 'exact', 'hosted'] as const
export const autoReplyActions = ['text', 'image'] as const

export async function listCallbackEvents(f: CallbackFilter): Promise<CallbackEvent[]> {
  const filter = { ...f, agentId: f.agentId ?? undefined, from: f.from ?? undefined, to: f.to ?? undefined }
  return call(() => ListCallbackEvents(callback.Filter.createFrom(filter))) as Promise<unknown> as Promise<CallbackEvent[]>
}

export async function replayCallbackEvent(id: number): Promise<CallbackEvent> {
  return call(() => ReplayCallbackEvent(id)) as Promise<unknown> as Promise<CallbackEvent>
}

export async function callbackDayCounts(corpRef: number, days: number): Promise<CallbackDayCount[]> {
  return call(() => CallbackDayCounts(corpRef, days))
}

export async function listAutoReplyRules(f: AutoReplyFilter): Promise<AutoReplyRule[]> {
  return call(() => ListAutoReplyRules(autoreply.Filter.createFrom(f)))
}

/** Creates (id 0) or updates a rule; the error names the field. */
export async function saveAutoReplyRule(r: AutoReplyRuleInput): Promise<AutoReplyRule> {
  return call(() => SaveAutoReplyRule(autoreply.RuleInput.createFrom(r)))
}

export async function setAutoReplyRuleEnabled(id: number, enabled: boolean): Promise<AutoReplyRule> {
  return call(() => SetAutoReplyRuleEnabled(id, enabled))
}

export async function deleteAutoReplyRules(ids: number[]): Promise<number> {
  return call(() => DeleteAutoReplyRules(ids))
}

export async function listAutoReplyApps(corpRef: number): Promise<AutoReplyApp[]> {
  return call(() => ListAutoReplyApps(corpRef))
}

export async function setAutoReplySwitch(appRef: number, enabled: boolean): Promise<void> {
  return call(() => SetAutoReplySwitch(appRef, enabled))
}

export async function tryAutoReply(appRef: number, action: string, text: string): Promise<AutoReplyTry> {
  return call(() => TryAutoReply(appRef, action, text))
}

export async function listCardWebhooks(): Promise<CardWebhook[]> {
  return call(() => ListCardWebhooks())
}

/** Sets or removes a rule's webhook; a fresh secret comes back once (secret). */
export async function setCardWebhook(ruleId: number, url: string, rotate: boolean): Promise<CardWebhook> {
  return call(() => SetCardWebhook(ruleId, url, rotate))
}

export async function listCardClicks(corpRef: number): Promise<CardClick[]> {
  return call(() => ListCardClicks(corpRef)) as Promise<unknown> as Promise<CardClick[]>
}
