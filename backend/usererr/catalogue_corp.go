package usererr

// corpMessages: the Setup page (接入配置) and `corp` CLI.
var corpMessages = map[string]entry{
	"corp_not_found": {
		"企业 {id} 不存在（可能已被删除）：请选择其他企业，或重新添加。",
		"Corp {id} does not exist (was it removed?): choose another corp, or add it again."},
	"secrets_cleared_new_host": {
		"{what}换了主机，已清除该企业保存的 Secret 和 access_token（{cleared}），以免发到新的地址。请重新填写通讯录同步、客户联系和各应用的 Secret；回调 Token/EncodingAESKey 保持不变。",
		"{whatEn} now points to another host, so the corp's stored secrets and access tokens were cleared ({cleared}) rather than sent there. Enter the directory sync, customer contact and app secrets again; the callback Token and EncodingAESKey are kept."},
}
