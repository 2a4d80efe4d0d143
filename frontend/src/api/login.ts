// Backend calls of the 登录链接 page. Views import them through '@/api'.
import {
  AddOIDCClient,
  BuildLoginLink,
  GetJoinQRCode,
  GetOIDCInfo,
  GetVerifyFile,
  InviteMembers,
  ListOIDCClients,
  ListSignIns,
  LoginQRCode,
  RemoveOIDCClient,
  SetVerifyFile,
} from '../../wailsjs/go/main/App'
import { login, oidc, wecom } from '../../wailsjs/go/models'
import { call } from './call'
import type { Plain } from './plain'

export type LoginLinkRequest = Plain<login.LinkRequest>
export type LoginLink = Plain<login.Link>
export type JoinQR = Plain<login.JoinQR>
export type VerifyFile = Plain<login.VerifyFile>
export type SignInPage = Plain<login.SignInPage>
export type SignIn = Plain<login.SignIn>
export type OIDCInfo = Plain<oidc.Info>
export type OIDCClient = Plain<oidc.Client>
export type OIDCClientInput = Plain<oidc.ClientInput>
export type OIDCNewClient = Plain<oidc.NewClient>
export type InviteInput = Plain<wecom.Invite>
export type InviteResult = Plain<wecom.InviteResult>

export async function buildLoginLink(req: LoginLinkRequest): Promise<LoginLink> {
  return call(() => BuildLoginLink(login.LinkRequest.createFrom(req)))
}
/** A PNG QR code of content as a data: URL (size s, m or l). */
export async function loginQRCode(content: string, size: string): Promise<string> {
  return call(() => LoginQRCode(content, size))
}
export async function getJoinQRCode(corpId: number, sizeType: number): Promise<JoinQR> {
  return call(() => GetJoinQRCode(corpId, sizeType))
}
export async function inviteMembers(corpId: number, input: InviteInput): Promise<InviteResult> {
  return call(() => InviteMembers(corpId, wecom.Invite.createFrom(input)))
}
export async function getVerifyFile(): Promise<VerifyFile> {
  return call(() => GetVerifyFile())
}
export async function setVerifyFile(name: string, content: string): Promise<VerifyFile> {
  return call(() => SetVerifyFile(name, content))
}
export async function listSignIns(offset: number, limit: number): Promise<SignInPage> {
  return call(() => ListSignIns(offset, limit))
}
export async function getOIDCInfo(): Promise<OIDCInfo> {
  return call(() => GetOIDCInfo())
}
export async function listOIDCClients(): Promise<OIDCClient[]> {
  return call(() => ListOIDCClients())
}
export async function addOIDCClient(input: OIDCClientInput): Promise<OIDCNewClient> {
  return call(() => AddOIDCClient(oidc.ClientInput.createFrom(input)))
}
export async function removeOIDCClient(clientId: string): Promise<void> {
  return call(() => RemoveOIDCClient(clientId))
}
