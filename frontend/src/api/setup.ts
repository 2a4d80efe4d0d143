// Backend calls of the setup page (corps, apps, connectivity check, copy
// panel, demo corp). Views import them through '@/api'.
import {
  CheckCorp,
  DeleteApp,
  DeleteCorp,
  GenerateCallbackKeys,
  GetCallbackEndpoints,
  GetCopyValues,
  GetExternalBaseURL,
  GetFieldHelp,
  ListCorps,
  RemoveDemo,
  SaveApp,
  SaveCorp,
  SetActiveCorp,
  SetExternalBaseURL,
  StartDemo,
} from '../../wailsjs/go/main/App'
import { corp as models } from '../../wailsjs/go/models'
import { call } from './call'
import { onEvent, type Unsubscribe } from './events'
import { checkProgressEvent } from './generated/contract'
import type { Plain } from './plain'

export type SecretField = Plain<models.SecretField>
export type Corp = Plain<models.Corp>
export type CorpApp = Plain<models.App>
export type CorpInput = Plain<models.CorpInput>
export type AppInput = Plain<models.AppInput>
export type FieldError = Plain<models.FieldError>
export type SaveResult = Plain<models.SaveResult>
export type Dependent = Plain<models.Dependent>
export type Dependents = Plain<models.Dependents>
export type CheckStep = Plain<models.CheckStep>
export type CheckResult = Plain<models.CheckResult>
export type CopyValue = Plain<models.CopyValue>
export type CopyPanel = Plain<models.CopyPanel>
export type CallbackKeys = Plain<models.CallbackKeys>
export type FieldInfo = Plain<models.FieldInfo>

/** Payload of each "corp:check" event (backend/corp/check.go CheckProgress). */
export interface CheckProgress {
  corpRef: number
  index: number
  total: number
  step?: CheckStep
  final: boolean
  passed: boolean
}


export async function listCorps(): Promise<Corp[]> {
  return call(() => ListCorps())
}

/** Creates (id 0) or updates a corp. An empty secret keeps the stored one. */
export async function saveCorp(input: CorpInput): Promise<SaveResult> {
  return call(() => SaveCorp(models.CorpInput.createFrom(input)))
}

/** Creates (id 0) or updates a self-built app. An empty secret keeps the stored one. */
export async function saveApp(input: AppInput): Promise<SaveResult> {
  return call(() => SaveApp(models.AppInput.createFrom(input)))
}

/** typedName '' lists what depends on the corp; its name deletes it with all of that. */
export async function deleteCorp(id: number, typedName: string): Promise<Dependents> {
  return call(() => DeleteCorp(id, typedName))
}

/** typedName '' lists what uses the app (push rules); its name deletes it. */
export async function deleteApp(id: number, typedName: string): Promise<Dependents> {
  return call(() => DeleteApp(id, typedName))
}

export function setActiveCorp(id: number): Promise<void> {
  return call(() => SetActiveCorp(id))
}

/** Runs the read-only connectivity check; progress arrives through onCheckProgress. */
export async function checkCorp(id: number): Promise<CheckResult> {
  return call(() => CheckCorp(id))
}

export function onCheckProgress(handler: (progress: CheckProgress) => void): Unsubscribe {
  return onEvent<CheckProgress>(checkProgressEvent, handler)
}

export async function getCopyValues(id: number): Promise<CopyPanel> {
  return call(() => GetCopyValues(id))
}

/** Whether WeCom verified each callback URL (ISO times, absent when never) and when its last event arrived. */
export interface CallbackEndpoint {
  agentId: number // 0: the contact callback
  verifiedAt?: string
  lastEventAt?: string
}

export async function getCallbackEndpoints(corpId: number): Promise<CallbackEndpoint[]> {
  return call(() => GetCallbackEndpoints(corpId)) as Promise<CallbackEndpoint[]>
}

export function getExternalBaseURL(): Promise<string> {
  return call(() => GetExternalBaseURL())
}

export async function setExternalBaseURL(value: string): Promise<SaveResult> {
  return call(() => SetExternalBaseURL(value))
}

export function generateCallbackKeys(): Promise<CallbackKeys> {
  return call(() => GenerateCallbackKeys())
}

export async function getFieldHelp(): Promise<FieldInfo[]> {
  return call(() => GetFieldHelp())
}

/** Starts the in-process WeCom simulator and the demo corp, made active. */
export async function startDemo(): Promise<Corp> {
  return call(() => StartDemo())
}

/** Stops the simulator and deletes the demo corp with everything that depends on it. */
export function removeDemo(): Promise<void> {
  return call(() => RemoveDemo())
}
